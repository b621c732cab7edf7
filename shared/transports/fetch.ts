import { authorizationHeader, isAlloApiUrl, normaliseBaseUrl } from '../http/auth';
import { parseJsonOrText } from '../json';
import type { HttpRequest, HttpResponse, Transport } from '../transport';

export interface FetchTransportOptions {
	/** Sent to the Allo API only, never to other hosts (recordings stored elsewhere). */
	apiKey?: string;
	/** The Allo API's base URL; Allo's own by default. */
	baseUrl?: string;
	/** A timer for waits; without one the core never waits (see Transport.sleep). */
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
}

async function readBody(response: Response, request: HttpRequest): Promise<unknown> {
	if (request.responseType === 'binary') return new Uint8Array(await response.arrayBuffer());
	const text = await response.text();
	return text === '' ? undefined : parseJsonOrText(text);
}

/** The core's transport over the standard `fetch`, for tools, scripts and tests. */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
	const { apiKey, baseUrl, sleep, now } = options;
	const apiUrl = normaliseBaseUrl(baseUrl);
	return {
		...(sleep ? { sleep } : {}),
		...(now ? { now } : {}),
		async request(request: HttpRequest): Promise<HttpResponse> {
			const authenticated = apiKey !== undefined && isAlloApiUrl(request.url, apiUrl);
			const url = new URL(request.url);
			for (const [key, value] of Object.entries(request.query ?? {}))
				url.searchParams.set(key, String(value));
			const response = await fetch(url, {
				method: request.method,
				headers: authenticated
					? { ...request.headers, Authorization: authorizationHeader(apiKey) }
					: request.headers,
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
			});
			const headers: Record<string, string> = {};
			response.headers.forEach((value, name) => {
				headers[name.toLowerCase()] = value;
			});
			return { status: response.status, headers, body: await readBody(response, request) };
		},
	};
}
