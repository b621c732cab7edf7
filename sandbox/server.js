'use strict';
// A local, stateful stand-in for api.withallo.com, bound to 127.0.0.1.
const http = require('node:http');
const { Reply, v1Error, v2Error, apiError } = require('./errors');
const { DEFAULT_RATE_LIMITS, TokenBucket, DailyQuota } = require('./limits');
const { loadDocument, createValidator } = require('./openapi');
const { routes, findRoute } = require('./routes');
const { Store } = require('./store');
const { Dispatcher } = require('./webhooks');
const { createControl, handleControl } = require('./control');

/** Every scope Allo grants API keys. */
const ALL_SCOPES = [
	'CONVERSATIONS_READ',
	'CONVERSATIONS_WRITE',
	'CONTACTS_READ',
	'CONTACTS_READ_WRITE',
	'SMS_SEND',
	'WEBHOOKS_READ_WRITE',
	'PHONE_NUMBERS_READ',
	'USERS_READ',
	'TAGS_READ',
	'TAGS_WRITE',
	'CRM_READ',
	'CRM_WRITE',
	'CRM_DELETE',
	'DIALING_QUEUE_READ_WRITE',
	'SUMMARY_TEMPLATES_READ',
	'SUMMARY_TEMPLATES_WRITE',
];

const DEMO_API_KEY = 'ak_live_sandbox_demo';
/** A sandbox left running keeps this many requests in its log. */
const REQUEST_LOG_LIMIT = 10000;
/** Allo's documented example quota; per plan in reality. */
const DEFAULT_DAILY_QUOTA = 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key in `Authorization: Api-Key <key>` or a bare `Authorization: <key>`. */
const keyFromHeader = (header) =>
	(header ?? '')
		.trim()
		.replace(/^api-key\s+/i, '')
		.trim();

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

const isLoopbackAddress = (address) => address === '::1' || /^(::ffff:)?127\./.test(address ?? '');

/** Query string values, repeated keys kept as the last value (Allo takes single values only). */
const queryOf = (url) => Object.fromEntries(url.searchParams.entries());

/**
 * @typedef {{ key: string, scopes?: string[], dailyQuota?: number, id?: string }} ApiKeyOption
 * @typedef {{
 *   port?: number,
 *   apiKeys?: ApiKeyOption[],
 *   dailyQuota?: number,
 *   latencyMs?: number,
 *   rateLimits?: { readsPerSecond?: number, writesPerSecond?: number },
 *   seed?: false | { contacts?: number, calls?: number, messages?: number, randomSeed?: number },
 *   clock?: () => number,
 *   openapiPath?: string,
 *   strict?: boolean,
 *   webhookRetryDelaysMs?: number[],
 *   webhookTimeoutMs?: number,
 * }} SandboxOptions
 */

/** @param {SandboxOptions} [options] */
async function createSandbox(options = {}) {
	const now = options.clock ?? Date.now;
	const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
	const latencyMs = options.latencyMs ?? 0;
	const document = loadDocument(options.openapiPath);
	const validator = createValidator(document, { strict: options.strict !== false });
	const v1WebhookValidators = new Map(
		routes.filter((r) => r.schema).map((r) => [r.name, validator.compileSchema(r.schema)]),
	);
	const summaries = new Map(
		routes
			.filter((r) => typeof r.spec === 'string')
			.map((r) => [r.name, document.paths[r.spec][r.method.toLowerCase()].summary]),
	);
	const store = new Store({ seed: options.seed ?? {}, now });
	const dispatcher = new Dispatcher({
		store,
		now,
		retryDelaysMs: options.webhookRetryDelaysMs,
		timeoutMs: options.webhookTimeoutMs,
	});

	const keys = (options.apiKeys ?? [{ key: DEMO_API_KEY }]).map((option, i) => ({
		key: option.key,
		id: option.id ?? `api-sandbox-${i + 1}`,
		scopes: option.scopes ?? ALL_SCOPES,
		quota: new DailyQuota(option.dailyQuota ?? options.dailyQuota ?? DEFAULT_DAILY_QUOTA),
		buckets: null,
	}));
	const resetLimits = () => {
		for (const key of keys) {
			key.quota = new DailyQuota(key.quota.limit);
			key.buckets = {
				read: new TokenBucket(limits.readsPerSecond, now()),
				write: new TokenBucket(limits.writesPerSecond, now()),
			};
		}
	};
	resetLimits();

	/** Requests served, newest last, without keys or bodies; the latest REQUEST_LOG_LIMIT only. */
	const requestLog = [];
	let baseUrl = '';

	/** Problems of a request against its OpenAPI operation, or the documented v1 webhook shape. */
	function validate(route, request) {
		if (route.schema) {
			return request.body === undefined
				? [
						{
							location: 'body',
							field: '(body)',
							keyword: 'required',
							message: 'a JSON body is required',
						},
					]
				: v1WebhookValidators.get(route.name)(request.body);
		}
		if (!route.spec) return [];
		const key = typeof route.spec === 'function' ? route.spec(request.body) : route.spec;
		return validator.validate(key, route.method, request);
	}

	/** Runs one API request through Allo's checks, in Allo's order. */
	async function handleApi(request, url, rawBody) {
		const { route, params, allowed } = findRoute(request.method, url.pathname);
		const version = url.pathname.startsWith('/v2/') ? 'v2' : 'v1';
		if (!route) {
			return allowed.length
				? apiError(version, 405, 'METHOD_NOT_ALLOWED', `Use ${allowed.join(' or ')}.`)
				: apiError(version, 404, 'NOT_FOUND', `No endpoint ${request.method} ${url.pathname}.`);
		}
		const key = keys.find((k) => k.key === keyFromHeader(request.headers.authorization));
		if (!key) {
			return route.version === 'v1'
				? v1Error(401, 'API_KEY_INVALID')
				: v2Error(
						401,
						'UNAUTHORIZED',
						'Provide a valid API key in the Authorization header as `Api-Key <your-key>`.',
					);
		}
		const context = { route, key };

		const bucket = route.method === 'GET' ? key.buckets.read : key.buckets.write;
		const burst = bucket.take(now());
		const limitHeaders = {
			'X-RateLimit-Limit': String(burst.limit),
			'X-RateLimit-Remaining': String(burst.remaining),
			'X-RateLimit-Reset': String(burst.resetAt),
		};
		if (!burst.allowed) {
			const seconds = Math.max(1, Math.ceil(burst.retryAfterMs / 1000));
			const reply = v2Error(
				429,
				'RATE_LIMIT_EXCEEDED',
				`You have exceeded the rate limit of ${burst.limit} requests per second.`,
				{
					retry_after_seconds: seconds,
				},
			);
			return Object.assign(reply, {
				headers: { ...limitHeaders, 'Retry-After': String(seconds) },
				context,
			});
		}
		const withLimits = (reply) =>
			Object.assign(reply, { headers: { ...limitHeaders, ...reply.headers }, context });

		if (route.scope && !key.scopes.includes(route.scope)) {
			const details = [{ message: `required=${route.scope}`, field: 'scope' }];
			return withLimits(
				route.version === 'v1'
					? v1Error(403, 'API_KEY_INSUFFICIENT_SCOPE', details)
					: v2Error(
							403,
							'API_KEY_INSUFFICIENT_SCOPE',
							`This API key lacks the ${route.scope} scope.`,
							{ errors: details },
						),
			);
		}
		if (url.pathname.startsWith('/v1/api/') && route.quota !== false) {
			const quota = key.quota.take(now());
			if (!quota.allowed) {
				return withLimits(
					v1Error(429, 'API_KEY_QUOTA_EXCEEDED', [
						{
							message: `limit=${quota.limit};type=DAILY;reset_in=${quota.resetInSeconds}`,
							field: 'DAILY',
						},
					]),
				);
			}
		}

		let body;
		if (rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				return withLimits(
					apiError(route.version, 400, 'INVALID_JSON', 'The body is not valid JSON.', [
						{ message: 'is not valid JSON', field: '(body)' },
					]),
				);
			}
		}
		const query = queryOf(url);
		const problems = validate(route, { pathParams: params, query, body });
		if (problems.length) {
			const special = route.invalid?.(problems);
			if (special) return withLimits(special);
			const details = problems.map((p) => ({ message: p.message, field: p.field }));
			const status =
				route.version === 'v2' ? validator.validationStatus(route.spec, route.method) : 400;
			return withLimits(
				route.version === 'v1'
					? v1Error(400, 'VALIDATION_ERROR', details)
					: v2Error(status, 'VALIDATION_ERROR', `${details[0].field} ${details[0].message}`, {
							param: details[0].field,
							errors: details,
						}),
			);
		}
		const reply = route.handle({
			params,
			query,
			body,
			store,
			dispatcher,
			baseUrl,
			key,
			routes,
			limits,
			summaries,
		});
		return withLimits(reply);
	}

	function send(response, reply) {
		const headers = { ...reply.headers };
		if (reply.body === undefined) {
			response.writeHead(reply.status, headers).end();
		} else if (Buffer.isBuffer(reply.body)) {
			response
				.writeHead(reply.status, { ...headers, 'Content-Length': reply.body.length })
				.end(reply.body);
		} else {
			const text = JSON.stringify(reply.body);
			response
				.writeHead(reply.status, { 'Content-Type': 'application/json', ...headers })
				.end(text);
		}
	}

	const server = http.createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', baseUrl || 'http://127.0.0.1');
		try {
			const rawBody = await readBody(request);
			if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
				if (!isLoopbackAddress(request.socket.remoteAddress)) {
					send(
						response,
						new Reply(403, { error: 'The control API answers loopback clients only' }),
					);
					return;
				}
				send(response, await handleControl(control, request.method, url, rawBody));
				return;
			}
			const reply = await handleApi(request, url, rawBody);
			requestLog.push({
				at: new Date(now()).toISOString(),
				method: request.method,
				path: url.pathname,
				query: url.search,
				status: reply.status,
				endpoint: reply.context?.route.name ?? null,
				key_id: reply.context?.key.id ?? null,
			});
			if (requestLog.length > REQUEST_LOG_LIMIT)
				requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT);
			if (latencyMs > 0) await sleep(latencyMs);
			send(response, reply);
		} catch (error) {
			send(
				response,
				apiError(
					url.pathname.startsWith('/v2/') ? 'v2' : 'v1',
					500,
					'INTERNAL_ERROR',
					'The sandbox failed.',
					[{ message: error.message, field: '(server)' }],
				),
			);
		}
	});

	const control = createControl({
		store,
		dispatcher,
		requestLog,
		resetLimits,
		getBaseUrl: () => baseUrl,
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	baseUrl = `http://127.0.0.1:${port}`;

	return {
		url: baseUrl,
		port,
		apiKeys: keys.map((k) => ({ key: k.key, id: k.id, scopes: k.scopes })),
		control,
		close: () =>
			new Promise((resolve) => {
				dispatcher.stop();
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

module.exports = { createSandbox, ALL_SCOPES, DEMO_API_KEY, DEFAULT_DAILY_QUOTA, sleep };
