import Ajv from 'ajv';
import { endpoints as catalog, isAlloError } from '../../shared';
import { endpoints as served, loadDocument, silentMp3, type Sandbox } from '../../sandbox';
import { clientFor, startSandbox } from '../support/sandbox';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, read freely in assertions
type Json = Record<string, any>;

let sandbox: Sandbox;
const KEY = 'ak_sandbox_test';

beforeAll(async () => {
	sandbox = await startSandbox({
		apiKeys: [{ key: KEY }],
		rateLimits: { readsPerSecond: 1000, writesPerSecond: 1000 },
	});
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

async function api(method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			Authorization: `Api-Key ${KEY}`,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: text ? (JSON.parse(text) as Json) : undefined,
	};
}

describe('the sandbox serves the core’s catalog', () => {
	it.each(Object.entries(catalog))('%s with the scope the catalog expects', (_, endpoint) => {
		const route = served.find((e) => e.method === endpoint.method && e.path === endpoint.path);
		expect(route).toBeDefined();
		expect({ version: route?.version, scope: route?.scope }).toEqual({
			version: endpoint.version,
			scope: endpoint.scope,
		});
	});

	it('binds the loopback interface only', () => {
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});
});

describe('answers match Allo’s OpenAPI response schemas', () => {
	// v1 sends zone-less date-times, which the document's own examples share: formats are not checked.
	const openapi = loadDocument();
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
	ajv.addSchema(openapi as unknown as Json, 'openapi.json');
	const schemaOf = (path: string, method: string, status: number) => {
		let response = (openapi.paths[path][method].responses as Json)[String(status)] as Json;
		if (response.$ref)
			response = openapi.components.responses[response.$ref.split('/').pop()] as Json;
		const schema = response.content['application/json'].schema;
		return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi.json#/'));
	};

	it.each([
		['/v1/api/calls', 'get', '/v1/api/calls?allo_number=%2B14155550100&size=3'],
		['/v1/api/contacts', 'get', '/v1/api/contacts?size=5'],
		['/v1/api/numbers', 'get', '/v1/api/numbers'],
		['/v2/api/me', 'get', '/v2/api/me'],
		['/v2/api/webhooks', 'get', '/v2/api/webhooks'],
	])('%s', async (path, method, url) => {
		const answer = await api(method.toUpperCase(), url);
		expect(answer.status).toBe(200);
		const validate = ajv.compile(schemaOf(path, method, 200));
		expect(validate(answer.body) ? [] : validate.errors).toEqual([]);
	});

	it('contact, conversation, item, people search, SMS and webhook bodies', async () => {
		const contacts = await api('GET', '/v1/api/contacts?size=1');
		const contactId = contacts.body?.data.results[0].id as string;
		const calls = await api('GET', '/v1/api/calls?allo_number=%2B14155550100&size=1');
		const callId = calls.body?.data.results[0].id as string;
		const checks: Array<[string, string, number, Promise<{ status: number; body?: Json }>]> = [
			[
				'/v1/api/contact/{contact_id}',
				'get',
				200,
				api('GET', `/v1/api/contact/${contactId}?extend=engagement,activity`),
			],
			[
				'/v1/api/contact/{contact_id}/conversation',
				'get',
				200,
				api('GET', `/v1/api/contact/${contactId}/conversation`),
			],
			[
				'/v2/api/conversations/items/{id}',
				'get',
				200,
				api('GET', `/v2/api/conversations/items/${callId}?extend=transcript`),
			],
			[
				'/v2/api/crm/people/search',
				'post',
				200,
				api('POST', '/v2/api/crm/people/search', { search: 'jane', size: 5 }),
			],
			[
				'/v1/api/contacts',
				'post',
				200,
				api('POST', '/v1/api/contacts', { numbers: ['+14155551234'], name: 'Ada' }),
			],
			[
				'/v1/api/sms',
				'post',
				200,
				api('POST', '/v1/api/sms', { from: '+14155550100', to: '+14155551234', message: 'hi' }),
			],
			[
				'/v1/api/sms#france',
				'post',
				200,
				api('POST', '/v1/api/sms', { sender_id: 'AlloShop', to: '+33612345678', message: 'hi' }),
			],
			[
				'/v2/api/webhooks',
				'post',
				201,
				api('POST', '/v2/api/webhooks', { url: 'https://example.com/h', topics: ['sms.sent'] }),
			],
			['/v1/api/contact/{contact_id}', 'get', 400, api('GET', '/v1/api/contact/cnt_missing')],
			[
				'/v1/api/calls',
				'get',
				401,
				fetch(`${sandbox.url}/v1/api/calls?allo_number=x`).then(async (r) => ({
					status: r.status,
					body: (await r.json()) as Json,
				})),
			],
		];
		for (const [path, method, status, pending] of checks) {
			const answer = await pending;
			expect({ path, status: answer.status }).toEqual({ path, status });
			const validate = ajv.compile(schemaOf(path, method, status));
			expect({ path, errors: validate(answer.body) ? [] : validate.errors }).toEqual({
				path,
				errors: [],
			});
		}
	});
});

describe('invalid requests are refused the way Allo refuses them', () => {
	it('v1 query parameters: range, required, undeclared', async () => {
		expect(await api('GET', '/v1/api/contacts?size=500')).toMatchObject({
			status: 400,
			body: { code: 'VALIDATION_ERROR', details: [{ field: 'size', message: 'must be <= 100' }] },
		});
		expect(await api('GET', '/v1/api/calls')).toMatchObject({
			status: 400,
			body: { code: 'VALIDATION_ERROR', details: [{ field: 'allo_number' }] },
		});
		expect(await api('GET', '/v1/api/contacts?search=jane')).toMatchObject({
			status: 400,
			body: {
				code: 'VALIDATION_ERROR',
				details: [{ field: 'search', message: 'is not a parameter of this endpoint' }],
			},
		});
	});

	it('v1 bodies: schema, E.164 numbers, malformed JSON', async () => {
		expect(await api('POST', '/v1/api/contacts', { numbers: '+14155551234' })).toMatchObject({
			status: 400,
			body: { code: 'VALIDATION_ERROR', details: [{ field: 'numbers', message: 'must be array' }] },
		});
		expect(await api('POST', '/v1/api/contacts', { numbers: ['555-1234'] })).toMatchObject({
			status: 400,
			body: { code: 'INVALID_PHONE_NUMBER', details: [{ field: 'numbers' }] },
		});
		expect(await api('POST', '/v1/api/contacts', '{"numbers": [')).toMatchObject({
			status: 400,
			body: { code: 'INVALID_JSON' },
		});
		expect(
			await api('POST', '/v1/api/sms', { from: '+14155550100', to: '+14155551234', message: '' }),
		).toEqual(
			expect.objectContaining({ status: 400, body: { code: 'INVALID_LENGTH', details: null } }),
		);
		expect(
			await api('POST', '/v1/api/sms', {
				from: '+14155550100',
				sender_id: 'AlloShop',
				to: '+33612345678',
				message: 'hi',
			}),
		).toMatchObject({
			status: 400,
			body: { code: 'VALIDATION_ERROR', details: [{ field: 'from' }] },
		});
		expect(await api('PUT', '/v1/api/contacts/cnt_missing', { name: 'x' })).toMatchObject({
			status: 400,
			body: { code: 'CONTACT_NOT_FOUND', details: null },
		});
	});

	it('v1 webhooks against their documented shape', async () => {
		expect(
			await api('POST', '/v1/api/webhooks', {
				allo_number: '+14155550100',
				url: 'https://example.com/h',
				topics: ['CALL_COMPLETED'],
			}),
		).toMatchObject({
			status: 400,
			body: { code: 'VALIDATION_ERROR', details: [{ field: 'topics' }] },
		});
		expect(
			await api('POST', '/v1/api/webhooks', {
				allo_number: '+14155550100',
				url: 'http://example.com/h',
				topics: ['CALL_RECEIVED'],
			}),
		).toMatchObject({
			status: 400,
			body: { code: 'INVALID_URL' },
		});
		expect(await api('DELETE', '/v1/api/webhooks/web-missing')).toEqual(
			expect.objectContaining({ status: 404, body: { error: 'WEBHOOK_NOT_FOUND' } }),
		);
	});

	it('v2: error envelopes, 400 or 422 as the document says, unknown topics', async () => {
		const missingUrl = await api('POST', '/v2/api/webhooks', { topics: ['sms.sent'] });
		expect(missingUrl).toMatchObject({
			status: 400,
			body: {
				error: {
					type: 'invalid_request_error',
					code: 'VALIDATION_ERROR',
					param: 'url',
					retryable: false,
				},
			},
		});
		expect(
			await api('POST', '/v2/api/webhooks', {
				url: 'https://example.com/h',
				topics: ['call.ended'],
			}),
		).toMatchObject({
			status: 400,
			body: { error: { code: 'INVALID_EVENT_TYPE', param: 'topics' } },
		});
		expect(
			await api('POST', '/v2/api/webhooks', { url: 'http://example.com/h', topics: ['sms.sent'] }),
		).toMatchObject({
			status: 400,
			body: { error: { code: 'VALIDATION_ERROR', param: 'url' } },
		});
		expect(await api('POST', '/v2/api/crm/people/search', { size: 500 })).toMatchObject({
			status: 422,
			body: { error: { code: 'VALIDATION_ERROR', param: 'size' } },
		});
		expect(await api('GET', '/v2/api/conversations/items/call_123')).toMatchObject({
			status: 400,
			body: { error: { code: 'INVALID_ITEM_ID' } },
		});
		expect(await api('GET', '/v2/api/webhooks/ep_missing')).toMatchObject({
			status: 404,
			body: { error: { type: 'not_found_error', code: 'NOT_FOUND' } },
		});
	});

	it('unknown paths and methods', async () => {
		expect(await api('GET', '/v1/api/phone-numbers')).toMatchObject({
			status: 404,
			body: { code: 'NOT_FOUND' },
		});
		expect(await api('DELETE', '/v1/api/contacts')).toMatchObject({
			status: 405,
			body: { code: 'METHOD_NOT_ALLOWED' },
		});
		expect(await api('GET', '/v2/api/nothing')).toMatchObject({
			status: 404,
			body: { error: { code: 'NOT_FOUND' } },
		});
	});

	it('reach the core as errors that name the field', async () => {
		const { client } = clientFor(sandbox, KEY);
		const outcome = await client
			.call('searchCalls', { query: { allo_number: '+14155550100', size: 500 } })
			.catch((e: unknown) => e);
		expect(
			isAlloError(outcome) && { kind: outcome.kind, code: outcome.code, field: outcome.field },
		).toEqual({
			kind: 'invalidInput',
			code: 'VALIDATION_ERROR',
			field: 'size',
		});
	});
});

describe('pagination', () => {
	it('v1 is 0-indexed with total_pages: flat for calls, under pagination for contacts and conversations', async () => {
		const calls = await api('GET', '/v1/api/calls?allo_number=%2B14155550100&page=1&size=5');
		expect(calls.body?.data.metadata).toEqual({ total_pages: 3, current_page: 1 });
		expect(calls.body?.data.results).toHaveLength(5);
		const contacts = await api('GET', '/v1/api/contacts?page=4&size=12');
		expect(contacts.body?.data.metadata).toEqual({
			pagination: { total_pages: 5, current_page: 4 },
		});
		expect(contacts.body?.data.results).toHaveLength(2);
		const beyond = await api('GET', '/v1/api/contacts?page=9&size=12');
		expect(beyond.body?.data.results).toEqual([]);
		const defaults = await api('GET', '/v1/api/contacts');
		expect(defaults.body?.data.results).toHaveLength(10);
		const contactId = defaults.body?.data.results[0].id as string;
		const conversation = await api('GET', `/v1/api/contact/${contactId}/conversation?size=1`);
		expect(conversation.body?.data.metadata.pagination).toEqual({
			total_pages: expect.any(Number),
			current_page: 0,
		});
	});

	it('v2 is 1-indexed with total_count and has_more', async () => {
		const first = await api('POST', '/v2/api/crm/people/search', { size: 20 });
		expect(first.body?.pagination).toEqual({
			page: 1,
			size: 20,
			total_count: 50,
			total_pages: 3,
			has_more: true,
		});
		const last = await api('POST', '/v2/api/crm/people/search', { size: 20, page: 3 });
		expect(last.body?.pagination).toEqual({
			page: 3,
			size: 20,
			total_count: 50,
			total_pages: 3,
			has_more: false,
		});
		expect(last.body?.data).toHaveLength(10);
	});
});

describe('recordings', () => {
	it('are MPEG-1 Layer III frames of silence', () => {
		const mp3 = silentMp3(2);
		expect(mp3.length % 104).toBe(0);
		const frames = mp3.length / 104;
		expect(Math.round((frames * 1152) / 44100)).toBe(2);
		for (let offset = 0; offset < mp3.length; offset += 104) {
			expect([...mp3.slice(offset, offset + 4)]).toEqual([0xff, 0xfb, 0x10, 0xc4]);
		}
	});

	it('are served behind the API key', async () => {
		const calls = await api('GET', '/v1/api/calls?allo_number=%2B14155550100&size=1');
		const url = calls.body?.data.results[0].recording_url as string;
		expect((await fetch(url)).status).toBe(401);
		const response = await fetch(url, { headers: { Authorization: KEY } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('audio/mpeg');
	});
});

describe('the control API over HTTP', () => {
	const control = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
			method,
			headers: body ? { 'Content-Type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await response.text();
		return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
	};

	it('simulates calls and texts, lists sent texts, webhooks, deliveries and requests, and resets', async () => {
		const call = await control('POST', '/calls', {
			from: '+16282000000',
			to: '+14155550100',
			summary: 'Quick question',
		});
		expect(call).toMatchObject({
			status: 201,
			body: {
				data: { type: 'INBOUND', summary: 'Quick question', id: expect.stringMatching(/^cll-/) },
			},
		});
		const item = await api('GET', `/v2/api/conversations/items/${call.body?.data.id}`);
		expect(item.body?.data).toMatchObject({ summary: 'Quick question', direction: 'INBOUND' });

		expect(
			await control('POST', '/sms', { from: '+16282000000', to: '+14155550100', content: 'Hello' }),
		).toMatchObject({
			status: 201,
			body: { data: { type: 'INBOUND', content: 'Hello' } },
		});
		await api('POST', '/v1/api/sms', {
			from: '+14155550100',
			to: '+16282000000',
			message: 'Hi back',
		});
		expect((await control('GET', '/sms/sent')).body?.data).toMatchObject([
			{ content: 'Hi back', to_number: '+16282000000' },
		]);
		await api('POST', '/v2/api/webhooks', { url: 'https://example.com/h', topics: ['sms.sent'] });
		expect((await control('GET', '/webhooks')).body?.data).toMatchObject({
			v1: [],
			v2: [{ url: 'https://example.com/h' }],
		});
		expect(JSON.stringify((await control('GET', '/webhooks')).body)).not.toContain('whsec_');
		await api('POST', '/v1/api/sms', {
			from: '+14155550100',
			to: '+16282000000',
			message: 'Again',
		});
		expect((await control('GET', '/deliveries?wait=1')).body?.data).toMatchObject([
			{ topic: 'sms.sent', status: 'refused' },
		]);
		const requests = (await control('GET', '/requests')).body?.data as Json[];
		expect(requests.map((r) => r.endpoint)).toEqual([
			'getConversationItem',
			'sendSms',
			'createWebhook',
			'sendSms',
		]);
		expect(JSON.stringify(requests)).not.toContain(KEY);

		expect(await control('POST', '/reset')).toEqual({ status: 204, body: undefined });
		expect((await control('GET', '/sms/sent')).body?.data).toEqual([]);
		expect((await control('GET', '/webhooks')).body?.data).toEqual({ v1: [], v2: [] });
	});

	it('refuses simulations on numbers the workspace does not own', async () => {
		expect(
			await control('POST', '/calls', { from: '+16282000000', to: '+14155559999' }),
		).toMatchObject({
			status: 400,
			body: { error: expect.stringContaining('Allo numbers') },
		});
		expect(await control('GET', '/nothing')).toMatchObject({ status: 404 });
	});
});
