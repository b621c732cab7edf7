import type { Bundle, ZObject } from './platform';
import { AlloClient, type HttpResponse, type Transport } from '../shared';

/**
 * The core's transport over `z.request`. Statuses are left to the core, which turns them into
 * AlloErrors. There is no `sleep`: a Zap never waits out a 429, Zapier retries it instead.
 */
export function zapierTransport(z: ZObject): Transport {
	return {
		async request(request): Promise<HttpResponse> {
			const response = await z.request({
				url: request.url,
				method: request.method,
				headers: request.headers,
				...(request.query ? { params: request.query } : {}),
				...(request.body !== undefined ? { body: request.body as Record<string, unknown> } : {}),
				skipThrowForStatus: true,
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				headers[name.toLowerCase()] = value;
			});
			return {
				status: response.status,
				headers,
				body: response.data !== undefined ? response.data : response.content,
			};
		},
	};
}

/**
 * A client for one Zap step; `beforeRequest` authenticates its requests to Allo, and the key is
 * handed over only to mask it in errors. The API is
 * Allo's unless the connection holds a `baseUrl`: no auth field declares one, so Zapier never
 * stores it for a user, and only tests (against the local sandbox) pass it in `authData`.
 */
export const clientFor = (z: ZObject, bundle: Bundle) =>
	new AlloClient({
		transport: zapierTransport(z),
		baseUrl: bundle.authData?.baseUrl,
		apiKeyToMask: bundle.authData?.apiKey,
		rateLimitRetries: 0,
		serverRetries: 0,
	});
