import { getAccount } from '../../shared/account';
import { contactChoices } from '../../shared/lists/contacts';
import { phoneNumberOptions } from '../../shared/lists/phoneNumbers';
import { allo, alloClient } from '../support/allo';

describe('dropdown lists and the connection test', () => {
	test('phone numbers become labelled choices', async () => {
		allo()
			.get('/v1/api/numbers')
			.reply(200, {
				data: [
					{ number: '+14155550100', name: 'Main Line', country: 'US', is_shared_number: true },
					{ number: '+33612345678', country: 'FR' },
					{ name: 'No number' },
				],
			});
		const { client } = alloClient();
		await expect(phoneNumberOptions(client)).resolves.toEqual([
			{
				value: '+14155550100',
				label: 'Main Line (+14155550100, US)',
				description: 'Shared with the team',
			},
			{ value: '+33612345678', label: '+33612345678, FR', description: undefined },
		]);
	});

	test('contacts come one page at a time, filtered by name or number', async () => {
		const page = {
			data: {
				results: [
					{
						id: 'cnt_1',
						name: 'Jane',
						last_name: 'Doe',
						numbers: ['+14155551234'],
						company: { name: 'Acme' },
					},
					{ id: 'cnt_2', name: 'John', numbers: ['+14155559876'] },
				],
				metadata: { pagination: { total_pages: 3, current_page: 1 } },
			},
		};
		const scope = allo().get('/v1/api/contacts').query({ page: '1', size: '100' }).reply(200, page);
		const { client } = alloClient();
		await expect(contactChoices(client, 1)).resolves.toEqual({
			results: [
				{ value: 'cnt_1', label: 'Jane Doe', description: '+14155551234 · Acme' },
				{ value: 'cnt_2', label: 'John', description: '+14155559876' },
			],
			nextPage: 2,
		});
		expect(scope.isDone()).toBe(true);
	});

	test('a search asks Allo for matches among all contacts, not only the page at hand', async () => {
		const scope = allo()
			.post('/v2/api/crm/people/search', {
				search: 'garcia',
				sort: 'NAME_ASC',
				page: 3,
				size: 100,
			})
			.reply(200, {
				data: [
					{
						id: 'cnt_7',
						name: 'Ana',
						last_name: 'Garcia',
						numbers: ['+14155550107'],
						company: { id: 'com_1', name: 'Acme' },
					},
				],
				pagination: { page: 3, size: 100, has_more: false },
			});
		const { client } = alloClient();
		await expect(contactChoices(client, 2, ' garcia ')).resolves.toEqual({
			results: [{ value: 'cnt_7', label: 'Ana Garcia', description: '+14155550107 · Acme' }],
			nextPage: undefined,
		});
		expect(scope.isDone()).toBe(true);
	});

	test('a key without CRM_READ searches the first 1,000 contacts by name, number or company', async () => {
		allo()
			.post('/v2/api/crm/people/search')
			.reply(403, {
				code: 'MISSING_SCOPE',
				message: 'Missing scope CRM_READ',
				details: { required_scope: 'CRM_READ' },
			});
		allo()
			.get('/v1/api/contacts')
			.query({ page: '0', size: '100' })
			.reply(200, {
				data: {
					results: [
						{ id: 'cnt_1', name: 'Jane', last_name: 'Doe', numbers: ['+14155551234'] },
						{ id: 'cnt_2', name: 'John', numbers: ['+14155559876'], company: { name: 'Acme' } },
					],
					metadata: { pagination: { total_pages: 1, current_page: 0 } },
				},
			});
		const { client } = alloClient();
		await expect(contactChoices(client, 0, '+1 415 555 98')).resolves.toEqual({
			results: [{ value: 'cnt_2', label: 'John', description: '+14155559876 · Acme' }],
		});
	});

	test('the last page of contacts has no next page', async () => {
		allo()
			.get('/v1/api/contacts')
			.query({ page: '2', size: '100' })
			.reply(200, {
				data: { results: [], metadata: { pagination: { total_pages: 3, current_page: 2 } } },
			});
		const { client } = alloClient();
		await expect(contactChoices(client, 2)).resolves.toEqual({ results: [], nextPage: undefined });
	});

	test('the connection test names the team and scopes', async () => {
		allo()
			.get('/v2/api/me')
			.reply(200, {
				data: {
					api_key_id: 'api-example-1',
					scopes: ['CONVERSATIONS_READ', 'SMS_SEND'],
					team: { id: 'team-xyz789', name: 'Acme Sales' },
					rate_limits: { read_per_second: 20, write_per_second: 5 },
				},
			});
		const { client } = alloClient();
		await expect(getAccount(client)).resolves.toEqual({
			api_key_id: 'api-example-1',
			team_id: 'team-xyz789',
			team_name: 'Acme Sales',
			scopes: ['CONVERSATIONS_READ', 'SMS_SEND'],
			read_per_second: 20,
			write_per_second: 5,
		});
	});
});
