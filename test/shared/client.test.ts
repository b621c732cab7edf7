import nock from 'nock';
import { AlloClient } from '../../shared/http/client';
import { AlloError } from '../../shared/http/errors';
import { runOperation } from '../../shared/operations/run';
import { sendSms } from '../../shared/operations/sms/send';
import { START_MS } from '../support/fetchTransport';
import { allo, alloClient, API_KEY } from '../support/allo';

const burst = {
	error: {
		type: 'rate_limit_error',
		code: 'RATE_LIMIT_EXCEEDED',
		message: 'You have exceeded the rate limit of 20 requests per second.',
		retryable: true,
		request_id: 'req_a1b2c3d4e5f6',
	},
};
const quota = {
	code: 'API_KEY_QUOTA_EXCEEDED',
	details: [{ message: 'limit=1000;type=DAILY;reset_in=3600', field: 'DAILY' }],
};
const me = {
	data: { api_key_id: 'api-abc123', team: { id: 'team-1', name: 'Acme Sales' }, scopes: [] },
};
const sms = { from: '+14155550100', to: '+14155551234', message: 'Your order shipped' };

async function failure(promise: Promise<unknown>): Promise<AlloError> {
	const outcome = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(outcome).toBeInstanceOf(AlloError);
	return outcome as AlloError;
}

describe('burst rate limit (429 RATE_LIMIT_EXCEEDED)', () => {
	test('waits as long as Retry-After says, then retries', async () => {
		const scope = allo()
			.get('/v2/api/me')
			.reply(429, burst, { 'Retry-After': '3' })
			.get('/v2/api/me')
			.reply(200, me);
		const { client, transport } = alloClient();
		await expect(client.call('getMe')).resolves.toMatchObject({ team: { name: 'Acme Sales' } });
		expect(transport.sleeps).toEqual([3000]);
		expect(transport.requests).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});

	test('waits until X-RateLimit-Reset, then retries', async () => {
		const reset = String(START_MS / 1000 + 5);
		allo()
			.get('/v2/api/me')
			.reply(429, burst, {
				'X-RateLimit-Limit': '20',
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': reset,
			})
			.get('/v2/api/me')
			.reply(200, me);
		const { client, transport } = alloClient();
		await client.call('getMe');
		expect(transport.sleeps).toEqual([5000]);
		expect(transport.requests).toHaveLength(2);
	});

	test('waits as long as retry_after_seconds in the body says, then retries', async () => {
		allo()
			.get('/v2/api/me')
			.reply(429, { error: { ...burst.error, retry_after_seconds: 2 } })
			.get('/v2/api/me')
			.reply(200, me);
		const { client, transport } = alloClient();
		await client.call('getMe');
		expect(transport.sleeps).toEqual([2000]);
	});

	test('backs off 1, 2, 4 seconds without a hint, and gives up after 3 retries', async () => {
		allo().get('/v2/api/me').times(4).reply(429, burst);
		const { client, transport } = alloClient();
		const error = await failure(client.call('getMe'));
		expect(error).toMatchObject({
			code: 'RATE_LIMIT_EXCEEDED',
			kind: 'rateLimit',
			httpStatus: 429,
		});
		expect(transport.sleeps).toEqual([1000, 2000, 4000]);
		expect(transport.requests).toHaveLength(4);
	});

	test('the number of retries is bounded by rateLimitRetries', async () => {
		allo().get('/v2/api/me').times(2).reply(429, burst, { 'Retry-After': '1' });
		const { client, transport } = alloClient({ rateLimitRetries: 1 });
		const error = await failure(client.call('getMe'));
		expect(error).toMatchObject({ kind: 'rateLimit', retryAfterSeconds: 1 });
		expect(transport.requests).toHaveLength(2);
		expect(transport.sleeps).toEqual([1000]);
	});

	test('a wait longer than a minute is not waited out', async () => {
		allo().get('/v2/api/me').reply(429, burst, { 'Retry-After': '120' });
		const { client, transport } = alloClient();
		const error = await failure(client.call('getMe'));
		expect(error).toMatchObject({ kind: 'rateLimit', retryAfterSeconds: 120 });
		expect(transport.sleeps).toEqual([]);
		expect(transport.requests).toHaveLength(1);
	});

	test('without a timer, the 429 is handed over at once with the wait', async () => {
		allo().get('/v2/api/me').reply(429, burst, { 'Retry-After': '3' });
		const { transport } = alloClient();
		const client = new AlloClient({
			transport: { request: (request) => transport.request(request) },
			apiKeyToMask: API_KEY,
		});
		const error = await failure(client.call('getMe'));
		expect(error).toMatchObject({ kind: 'rateLimit', retryAfterSeconds: 3 });
		expect(transport.requests).toHaveLength(1);
	});

	test('a text refused by the rate limiter is retried: Allo did not take it', async () => {
		const scope = allo()
			.post('/v1/api/sms', sms)
			.reply(429, burst, { 'Retry-After': '1' })
			.post('/v1/api/sms', sms)
			.reply(200, { data: { id: 'msg-1' } });
		const { client, transport } = alloClient();
		await runOperation(sendSms, client, sms);
		expect(scope.isDone()).toBe(true);
		expect(transport.sleeps).toEqual([1000]);
	});
});

describe('daily quota (429 API_KEY_QUOTA_EXCEEDED)', () => {
	test('fails at once, saying when the quota resets', async () => {
		allo().get('/v1/api/numbers').reply(429, quota, { 'Retry-After': '3600' });
		const { client, transport } = alloClient();
		const error = await failure(client.call('getNumbers'));
		expect(error).toMatchObject({
			code: 'API_KEY_QUOTA_EXCEEDED',
			kind: 'quota',
			quotaResetsInSeconds: 3600,
		});
		expect(error.message).toContain('resets in 1 hour (at 11:00 UTC)');
		expect(transport.requests).toHaveLength(1);
		expect(transport.sleeps).toEqual([]);
	});

	test('Send SMS fails at once too', async () => {
		allo().post('/v1/api/sms').reply(429, quota);
		const { client, transport } = alloClient();
		await expect(runOperation(sendSms, client, sms)).rejects.toMatchObject({
			kind: 'quota',
			quotaResetsInSeconds: 3600,
		});
		expect(transport.requests).toHaveLength(1);
	});
});

describe('Send SMS is never sent twice', () => {
	test('after a network failure or timeout: one request, and the error says to check Allo', async () => {
		allo().post('/v1/api/sms').replyWithError({ code: 'ETIMEDOUT', message: 'socket timed out' });
		const { client, transport } = alloClient();
		const error = await failure(runOperation(sendSms, client, sms));
		expect(error.kind).toBe('network');
		expect(error.fix).toMatch(/check in Allo/);
		expect(transport.requests).toHaveLength(1);
		expect(transport.sleeps).toEqual([]);
	});

	test.each([500, 502, 503, 504])('after a %i: one request', async (status) => {
		allo()
			.post('/v1/api/sms')
			.reply(status, { error: { code: 'INTERNAL_ERROR', message: 'Upstream failed' } });
		const { client, transport } = alloClient();
		const error = await failure(runOperation(sendSms, client, sms));
		expect(error).toMatchObject({ kind: 'server', httpStatus: status });
		expect(transport.requests).toHaveLength(1);
		expect(transport.sleeps).toEqual([]);
	});
});

describe('reads are retried after server and network failures', () => {
	test('a GET is retried after a 503, with a backoff', async () => {
		const scope = allo()
			.get('/v1/api/numbers')
			.reply(503, 'Service Unavailable')
			.get('/v1/api/numbers')
			.reply(200, { data: [] });
		const { client, transport } = alloClient();
		await expect(client.call('getNumbers')).resolves.toEqual([]);
		expect(scope.isDone()).toBe(true);
		expect(transport.sleeps).toEqual([500]);
	});

	test('a GET is retried after a network failure', async () => {
		allo()
			.get('/v1/api/numbers')
			.replyWithError({ code: 'ECONNRESET' })
			.get('/v1/api/numbers')
			.reply(200, { data: [] });
		const { client, transport } = alloClient();
		await expect(client.call('getNumbers')).resolves.toEqual([]);
		expect(transport.requests).toHaveLength(2);
	});

	test('GET retries are bounded by serverRetries', async () => {
		allo().get('/v1/api/numbers').times(3).reply(500, {});
		const { client, transport } = alloClient();
		const error = await failure(client.call('getNumbers'));
		expect(error.kind).toBe('server');
		expect(transport.requests).toHaveLength(3);
		expect(transport.sleeps).toEqual([500, 1000]);
	});

	test('a search sent as POST only reads, so it is retried', async () => {
		const scope = allo()
			.post('/v2/api/crm/people/search')
			.reply(502, '')
			.post('/v2/api/crm/people/search')
			.reply(200, { data: [], pagination: { page: 1, has_more: false } });
		const { client } = alloClient();
		await client.call('searchPeople', { body: { filters: {} } });
		expect(scope.isDone()).toBe(true);
	});

	test('a 4xx is not retried', async () => {
		allo().get('/v1/api/numbers').reply(401, { code: 'API_KEY_INVALID', details: null });
		const { client, transport } = alloClient();
		await expect(client.call('getNumbers')).rejects.toMatchObject({ kind: 'authentication' });
		expect(transport.requests).toHaveLength(1);
	});
});

describe('authentication header', () => {
	test.each([
		['without a prefix', API_KEY],
		['with the Api-Key prefix', `Api-Key ${API_KEY}`],
		['with a lower-case prefix and spaces', `  api-key   ${API_KEY} `],
		['with a Bearer prefix', `Bearer ${API_KEY}`],
	])('is Api-Key <key> when the key is pasted %s', async (_, pasted) => {
		const scope = allo()
			.matchHeader('authorization', `Api-Key ${API_KEY}`)
			.get('/v2/api/me')
			.reply(200, me);
		const { client } = alloClient({ apiKey: pasted });
		await client.call('getMe');
		expect(scope.isDone()).toBe(true);
	});

	test('is not sent to another host when downloading', async () => {
		const scope = allo()
			.matchHeader('authorization', `Api-Key ${API_KEY}`)
			.get('/v1/assets/recordings/cll_1.mp3')
			.reply(200, 'ID3');
		const other = nock('https://storage.example.com', { badheaders: ['authorization'] })
			.get('/recordings/cll_1.mp3')
			.reply(200, 'ID3');
		const { client } = alloClient();
		await client.download('https://api.withallo.com/v1/assets/recordings/cll_1.mp3');
		await client.download('https://storage.example.com/recordings/cll_1.mp3');
		expect(scope.isDone() && other.isDone()).toBe(true);
	});
});
