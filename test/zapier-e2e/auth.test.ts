import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../support/sandbox';
import { App, failure, run } from '../zapier/helpers';
import { connection, renderLabel } from './harness';

const READ_ONLY = 'ak_test_contacts_read';
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({
		apiKeys: [
			{ key: 'ak_test_all', id: 'key_all' },
			{ key: READ_ONLY, id: 'key_read', scopes: ['CONTACTS_READ'] },
		],
	});
});
afterAll(() => sandbox.close());

const testAuth = (authData: Record<string, string>) =>
	run<Record<string, unknown>>('authentication.test', { authData });

describe('Zapier authentication against the sandbox', () => {
	it('tests the key and labels the connection with the sandbox team', async () => {
		const account = await testAuth(connection(sandbox, READ_ONLY));
		expect(account).toEqual({
			api_key_id: 'key_read',
			team_id: 'team-sandbox',
			team_name: 'Sandbox Team',
			scopes: ['CONTACTS_READ'],
			read_per_second: 20,
			write_per_second: 5,
		});
		expect(renderLabel(App.authentication!.connectionLabel as string, account)).toBe(
			'Sandbox Team',
		);
		expect(sandbox.control.requests()).toEqual([
			expect.objectContaining({
				method: 'GET',
				path: '/v2/api/me',
				status: 200,
				key_id: 'key_read',
			}),
		]);
	});

	it('asks to reconnect when the sandbox rejects the key, without echoing it', async () => {
		const error = await failure(testAuth(connection(sandbox, 'ak_test_revoked')));
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toContain(
			'Paste a valid API key from https://web.withallo.com/settings/api',
		);
		expect(error.message).not.toContain('ak_test_revoked');
	});

	it('offers users no base URL field: only tests point the app elsewhere', () => {
		expect((App.authentication!.fields ?? []).map((field) => field.key)).toEqual(['apiKey']);
	});
});
