'use strict';
// One API request through Allo's checks, in Allo's order: route, key, burst limit, scope, daily
// quota, JSON, the OpenAPI document, then the route's handler.
const { v1Error, v2Error, apiError } = require('./errors');
const { queryOf } = require('./http');
const { routes, findRoute } = require('./routes');

/**
 * @param {{ keys: ReturnType<typeof import('./keys').createKeys>, validator: any, document: any,
 *   store: import('./store').Store, dispatcher: import('./webhooks').Dispatcher, limits: object,
 *   now: () => number, getBaseUrl: () => string }} deps
 */
function createApi({ keys, validator, document, store, dispatcher, limits, now, getBaseUrl }) {
	const v1WebhookValidators = new Map(
		routes.filter((r) => r.schema).map((r) => [r.name, validator.compileSchema(r.schema)]),
	);
	const summaries = new Map(
		routes
			.filter((r) => typeof r.spec === 'string')
			.map((r) => [r.name, document.paths[r.spec][r.method.toLowerCase()].summary]),
	);

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
		const key = keys.find(request.headers.authorization);
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
			baseUrl: getBaseUrl(),
			key,
			routes,
			limits,
			summaries,
		});
		return withLimits(reply);
	}

	return handleApi;
}

module.exports = { createApi };
