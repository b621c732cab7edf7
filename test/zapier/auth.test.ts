import nock from 'nock';
import { allo, API_KEY, App, authData, errorBody, failure, run } from './helpers';

const me = {
	data: { api_key_id: 'key_1', team: { id: 'team_1', name: 'Acme Sales' }, scopes: ['SMS_SEND'] },
};
const testAuth = (data: Record<string, string> = authData) =>
	run('authentication.test', { authData: data });
const findContact = () =>
	run('searches.find_contact.operation.perform', {
		authData,
		inputData: { phoneNumber: '+14155551234' },
	});

describe('Zapier authentication', () => {
	it('tests the key against /v2/api/me with the Api-Key header, and labels the connection by team', async () => {
		allo().get('/v2/api/me').reply(200, me);
		const account = await testAuth();
		expect(account).toEqual({
			api_key_id: 'key_1',
			team_id: 'team_1',
			team_name: 'Acme Sales',
			scopes: ['SMS_SEND'],
		});
		expect(App.authentication!.connectionLabel).toBe('{{team_name}}');
	});

	it('sends a key pasted with its prefix in the documented form', async () => {
		allo().get('/v2/api/me').reply(200, me);
		await expect(testAuth({ apiKey: `  Api-Key ${API_KEY} ` })).resolves.toMatchObject({
			team_name: 'Acme Sales',
		});
	});

	it('calls another Allo environment when the connection names one, with the key', async () => {
		const other = nock('http://127.0.0.1:4010', {
			reqheaders: { authorization: `Api-Key ${API_KEY}` },
		})
			.get('/v2/api/me')
			.reply(200, me);
		await expect(
			testAuth({ ...authData, baseUrl: ' http://127.0.0.1:4010/ ' }),
		).resolves.toMatchObject({ team_name: 'Acme Sales' });
		expect(other.isDone()).toBe(true);
	});

	it('calls Allo when the base URL is empty', async () => {
		allo().get('/v2/api/me').reply(200, me);
		await expect(testAuth({ ...authData, baseUrl: '' })).resolves.toMatchObject({
			team_name: 'Acme Sales',
		});
	});

	it('asks the user to reconnect when Allo rejects the key, without echoing it', async () => {
		allo().get('/v2/api/me').reply(401, { code: 'API_KEY_INVALID', details: null });
		const error = await failure(testAuth());
		expect(error.name).toBe('ExpiredAuthError');
		expect(error.message).toContain('Allo rejected the API key');
		expect(error.message).toContain('https://web.withallo.com/settings/api');
		expect(error.message).not.toContain(API_KEY);
	});
});

describe('Zapier error mapping', () => {
	it('authenticates through the connection, and masks a key Allo echoes in the error users see', async () => {
		const scope = allo()
			.post('/v2/api/crm/people/search')
			.reply(400, {
				error: { code: 'VALIDATION_ERROR', message: `Api-Key ${API_KEY} is not allowed here` },
			});
		const error = await failure(findContact());
		expect(error.message).toContain('[redacted] is not allowed here');
		expect(`${error.message} ${error.stack}`).not.toContain(API_KEY);
		expect(scope.isDone()).toBe(true);
	});

	it('turns a burst 429 into a ThrottledError with Allo delay, without waiting or retrying', async () => {
		const scope = allo()
			.post('/v2/api/crm/people/search')
			.once()
			.reply(429, { code: 'RATE_LIMIT_EXCEEDED', details: null }, { 'Retry-After': '7' });
		const error = await failure(findContact());
		expect(error.name).toBe('ThrottledError');
		expect(errorBody(error)).toEqual({
			message: expect.stringContaining('too many requests'),
			delay: 7,
		});
		expect(scope.isDone()).toBe(true);
	});

	it('takes the delay from a v2 error body too', async () => {
		allo()
			.post('/v2/api/crm/people/search')
			.reply(429, {
				error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', retry_after_seconds: 12 },
			});
		expect(errorBody(await failure(findContact())).delay).toBe(12);
	});

	it('says when a spent daily quota resets', async () => {
		allo()
			.post('/v2/api/crm/people/search')
			.reply(429, {
				code: 'API_KEY_QUOTA_EXCEEDED',
				details: [{ message: 'limit=1000;type=DAILY;reset_in=3600' }],
			});
		const error = await failure(findContact());
		expect(error.name).toBe('AppError');
		expect(errorBody(error)).toMatchObject({
			code: 'API_KEY_QUOTA_EXCEEDED',
			status: 429,
			message: expect.stringMatching(
				/quota of 1000 requests; it resets in 1 hour \(at \d{2}:\d{2} UTC\)/,
			),
		});
	});

	it('halts on a precondition conflict instead of failing the Zap', async () => {
		allo()
			.post('/v1/api/contacts')
			.reply(409, { error: { code: 'NUMBER_ALREADY_ASSIGNED', message: 'Taken' } });
		const error = await failure(
			run('creates.create_contact.operation.perform', {
				authData,
				inputData: { numbers: ['+14155551234'] },
			}),
		);
		expect(error.name).toBe('HaltedError');
		expect(error.message).toBe(
			'Another contact already has this phone number. Update the existing contact instead, or use Create or Update.',
		);
	});

	it.each([
		[
			403,
			{ code: 'API_KEY_INSUFFICIENT_SCOPE', details: null },
			'Then reconnect your Allo account with the key.',
		],
		[429, { code: 'API_KEY_QUOTA_EXCEEDED' }, 'Then replay the Zap run.'],
	])('ends a %s error with what to do in Zapier', async (status, body, nextStep) => {
		allo().post('/v2/api/crm/people/search').reply(status, body);
		allo().get('/v1/api/contacts').query(true).reply(status, body);
		const { message } = errorBody(await failure(findContact()));
		expect(String(message).endsWith(` ${nextStep}`)).toBe(true);
		expect(message).not.toMatch(/credential|workflow/i);
	});

	it('names the missing permission', async () => {
		allo()
			.post('/v2/api/crm/people/search')
			.reply(403, {
				code: 'API_KEY_INSUFFICIENT_SCOPE',
				details: [{ field: 'scope', message: 'required=CRM_READ' }],
			});
		allo()
			.get('/v1/api/contacts')
			.query(true)
			.reply(403, { code: 'API_KEY_INSUFFICIENT_SCOPE', details: null });
		const error = await failure(findContact());
		expect(errorBody(error)).toMatchObject({ code: 'API_KEY_INSUFFICIENT_SCOPE', status: 403 });
		expect(errorBody(error).message).toContain('CONTACTS_READ');
	});
});
