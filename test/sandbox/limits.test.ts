import {
	endpoints,
	isAlloError,
	runOperation,
	type EndpointName,
	type RequestParts,
} from '../../shared';
import { getManyContacts } from '../../shared/operations';
import { ALL_SCOPES, type Sandbox } from '../../sandbox';
import { START_MS } from '../support/fetchTransport';
import { clientFor, startSandbox } from '../support/sandbox';

async function failure(promise: Promise<unknown>) {
	const outcome = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (!isAlloError(outcome)) throw new Error(`expected an AlloError, got ${String(outcome)}`);
	return outcome;
}

/** The smallest valid request of each endpoint. */
const minimal: Record<EndpointName, RequestParts> = {
	searchCalls: { query: { allo_number: '+14155550100' } },
	getConversationItem: { path: { id: 'cll-abc123' } },
	searchConversationItems: { body: { type: 'SMS' } },
	searchContacts: {},
	createContact: { body: { numbers: ['+14155551234'] } },
	updateContact: { path: { contact_id: 'cnt_abc123' }, body: { name: 'Jane' } },
	getContact: { path: { contact_id: 'cnt_abc123' } },
	searchPeople: { body: { filters: { phone_number: '+14155551234' } } },
	sendSms: { body: { from: '+14155550100', to: '+14155551234', message: 'hi' } },
	sendSmsFrance: { body: { sender_id: 'AlloShop', to: '+33612345678', message: 'hi' } },
	getContactConversation: { path: { contact_id: 'cnt_abc123' } },
	getNumbers: {},
	listWebhooks: {},
	createWebhook: { body: { url: 'https://example.com/hook', topics: ['call.completed'] } },
	deleteWebhook: { path: { webhook_id: 'ep_abc' } },
	listWebhooksV1: {},
	createWebhookV1: {
		body: {
			allo_number: '+14155550100',
			url: 'https://example.com/hook',
			topics: ['CALL_RECEIVED'],
		},
	},
	deleteWebhookV1: { path: { webhook_id: 'web-abc' } },
	getMe: {},
};

describe('keys and scopes', () => {
	const scoped = Object.entries(endpoints).filter(([, e]) => e.scope !== undefined) as Array<
		[EndpointName, (typeof endpoints)[EndpointName]]
	>;
	const scopes = [...new Set(scoped.map(([, e]) => e.scope as string))];
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({
			apiKeys: [
				...scopes.map((scope) => ({
					key: `ak_without_${scope}`,
					scopes: ALL_SCOPES.filter((s) => s !== scope),
				})),
				{ key: 'ak_no_scopes', scopes: [] },
			],
		});
	});
	afterAll(() => sandbox.close());

	it.each(scoped)(
		'%s is refused with 403 naming its scope to a key without it',
		async (name, endpoint) => {
			const { client } = clientFor(sandbox, `ak_without_${endpoint.scope}`);
			const error = await failure(client.call(name, minimal[name]));
			expect(error).toMatchObject({
				code: 'API_KEY_INSUFFICIENT_SCOPE',
				kind: 'permission',
				httpStatus: 403,
			});
			expect(error.message).toBe(`The API key is missing the ${endpoint.scope} permission`);
		},
	);

	it('answers the scope detail in Allo’s v1 and v2 shapes', async () => {
		const key = 'Api-Key ak_without_CONTACTS_READ';
		const v1 = await fetch(`${sandbox.url}/v1/api/contacts`, { headers: { Authorization: key } });
		expect(v1.status).toBe(403);
		expect(await v1.json()).toEqual({
			code: 'API_KEY_INSUFFICIENT_SCOPE',
			details: [{ message: 'required=CONTACTS_READ', field: 'scope' }],
		});
		const v2 = await fetch(`${sandbox.url}/v2/api/webhooks`, {
			headers: { Authorization: 'ak_without_WEBHOOKS_READ_WRITE' },
		});
		expect(v2.status).toBe(403);
		expect(await v2.json()).toEqual({
			error: expect.objectContaining({
				type: 'permission_error',
				code: 'API_KEY_INSUFFICIENT_SCOPE',
				errors: [{ message: 'required=WEBHOOKS_READ_WRITE', field: 'scope' }],
			}),
		});
	});

	it('lets any valid key read /v2/api/me, which lists its scopes', async () => {
		const { client } = clientFor(sandbox, 'ak_no_scopes');
		expect(await client.call('getMe')).toMatchObject({
			scopes: [],
			endpoints: [],
			team: { name: 'Sandbox Team' },
		});
	});

	it('refuses unknown keys with 401, in the v1 and v2 shapes', async () => {
		const { client } = clientFor(sandbox, 'ak_unknown');
		expect(await failure(client.call('getNumbers'))).toMatchObject({
			code: 'API_KEY_INVALID',
			kind: 'authentication',
			httpStatus: 401,
		});
		expect(await failure(client.call('getMe'))).toMatchObject({
			code: 'UNAUTHORIZED',
			kind: 'authentication',
			httpStatus: 401,
		});
		const raw = await fetch(`${sandbox.url}/v1/api/numbers`);
		expect(await raw.json()).toEqual({ code: 'API_KEY_INVALID', details: null });
	});
});

describe('daily quota', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({
			apiKeys: [{ key: 'ak_small_quota', dailyQuota: 3 }],
			clock: () => START_MS,
		});
	});
	afterAll(() => sandbox.close());

	it('fails fast with the reset time once the day’s quota is used, on /v1/api only', async () => {
		const { client } = clientFor(sandbox, 'ak_small_quota', { virtualClock: true });
		for (let i = 0; i < 3; i++) await client.call('getNumbers');
		const error = await failure(client.call('getNumbers'));
		expect(error).toMatchObject({
			code: 'API_KEY_QUOTA_EXCEEDED',
			kind: 'quota',
			httpStatus: 429,
			quotaResetsInSeconds: 14 * 3600,
		});
		expect(error.message).toBe(
			'The API key has used its daily Allo request quota of 3 requests; it resets in 14 hours (at 00:00 UTC)',
		);
		// Not retried: a daily quota does not come back in seconds.
		expect(sandbox.control.requests().map((r) => r.status)).toEqual([200, 200, 200, 429]);
		// v2 endpoints are outside the quota.
		expect(await client.call('getMe')).toMatchObject({ api_key_id: 'api-sandbox-1' });

		const raw = await fetch(`${sandbox.url}/v1/api/numbers`, {
			headers: { Authorization: 'ak_small_quota' },
		});
		expect(raw.status).toBe(429);
		expect(await raw.json()).toEqual({
			code: 'API_KEY_QUOTA_EXCEEDED',
			details: [{ message: 'limit=3;type=DAILY;reset_in=50400', field: 'DAILY' }],
		});
	});
});

describe('burst rate limit', () => {
	let sandbox: Sandbox;
	afterEach(() => sandbox.close());

	it('answers 429 with Retry-After, X-RateLimit headers and Allo’s v2 body', async () => {
		sandbox = await startSandbox({
			apiKeys: [{ key: 'ak_burst' }],
			rateLimits: { readsPerSecond: 2 },
			clock: () => START_MS,
		});
		const get = () =>
			fetch(`${sandbox.url}/v1/api/numbers`, { headers: { Authorization: 'Api-Key ak_burst' } });
		const first = await get();
		expect(first.headers.get('x-ratelimit-limit')).toBe('2');
		expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
		await get();
		const refused = await get();
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('1');
		expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(Number(refused.headers.get('x-ratelimit-reset'))).toBe(START_MS / 1000 + 1);
		expect(await refused.json()).toEqual({
			error: {
				type: 'rate_limit_error',
				code: 'RATE_LIMIT_EXCEEDED',
				message: 'You have exceeded the rate limit of 2 requests per second.',
				retryable: true,
				request_id: expect.stringMatching(/^req_/),
				retry_after_seconds: 1,
			},
		});
	});

	it('is waited out and retried by the core, so the caller never sees it', async () => {
		sandbox = await startSandbox({
			apiKeys: [{ key: 'ak_burst' }],
			rateLimits: { readsPerSecond: 2 },
		});
		const { client, transport } = clientFor(sandbox, 'ak_burst');
		const results = await Promise.all([
			client.call('getNumbers'),
			client.call('getNumbers'),
			client.call('getNumbers'),
		]);
		expect(results.map((numbers) => (numbers as unknown[]).length)).toEqual([3, 3, 3]);
		expect(sandbox.control.requests().map((r) => r.status)).toEqual([200, 200, 429, 200]);
		expect(transport.sleeps).toEqual([1000]);
	});

	it('never reaches the caller during Return All over 101 pages of contacts at Allo’s limits', async () => {
		sandbox = await startSandbox({ apiKeys: [{ key: 'ak_bulk' }], seed: { contacts: 10050 } });
		const { client } = clientFor(sandbox, 'ak_bulk');
		const contacts = await runOperation(getManyContacts, client, {}, { returnAll: true });
		expect(contacts).toHaveLength(10050);
		expect(new Set(contacts.map((c) => c.id)).size).toBe(10050);
		const served = sandbox.control.requests().filter((r) => r.status === 200);
		expect(served.map((r) => r.endpoint)).toEqual(Array(101).fill('searchContacts'));
		expect(new Set(served.map((r) => new URLSearchParams(r.query).get('page'))).size).toBe(101);
	}, 60_000);
});
