'use strict';
// A local, stateful stand-in for api.withallo.com, bound to 127.0.0.1: its set-up, the HTTP
// server, the request log and the control API.
const http = require('node:http');
const { createApi } = require('./api');
const { Reply, apiError } = require('./errors');
const { readBody, isLoopbackAddress, send } = require('./http');
const { createKeys, ALL_SCOPES, DEMO_API_KEY, DEFAULT_DAILY_QUOTA } = require('./keys');
const { DEFAULT_RATE_LIMITS } = require('./limits');
const { loadDocument, createValidator } = require('./openapi');
const { Store } = require('./store');
const { Dispatcher } = require('./webhooks');
const { createControl, handleControl } = require('./control');

/** A sandbox left running keeps this many requests in its log. */
const REQUEST_LOG_LIMIT = 10000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
	const store = new Store({ seed: options.seed ?? {}, now });
	const dispatcher = new Dispatcher({
		store,
		now,
		retryDelaysMs: options.webhookRetryDelaysMs,
		timeoutMs: options.webhookTimeoutMs,
	});

	const keys = createKeys(options, limits, now);
	const { resetLimits } = keys;

	/** Requests served, newest last, without keys or bodies; the latest REQUEST_LOG_LIMIT only. */
	const requestLog = [];
	let baseUrl = '';

	const handleApi = createApi({
		keys,
		validator,
		document,
		store,
		dispatcher,
		limits,
		now,
		getBaseUrl: () => baseUrl,
	});

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
		apiKeys: keys.keys.map((k) => ({ key: k.key, id: k.id, scopes: k.scopes })),
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
