import { isObject } from '../json';
import { endpoints, type Endpoint, type EndpointName } from '../catalog/endpoints';
import type { HttpResponse, QueryValue, Transport } from '../transport';
import { bareApiKey, isAlloApiUrl, normaliseBaseUrl } from './auth';
import { AlloError, redactError } from './errors';
import { errorFromResponse } from './responseErrors';
import { newPacers, sharedPacers, type Pacers } from './pacers';
import type { PacerClock } from './rateLimit';

export interface AlloClientOptions {
	transport: Transport;
	/** Defaults to https://api.withallo.com. */
	baseUrl?: string;
	/**
	 * The API key, to mask it in errors (Allo may echo it back) and, hashed, to share pacing. The
	 * client never sends it: the platform's transport authenticates requests to Allo.
	 */
	apiKeyToMask?: string;
	/** Times a burst 429 is waited out and retried; 0 hands the 429 to the caller at once. */
	rateLimitRetries?: number;
	/** Times an idempotent request is retried after a 5xx or a network failure. */
	serverRetries?: number;
	/** Longest wait for a burst 429 before giving up, in seconds. */
	maxRetryWaitSeconds?: number;
	/**
	 * Paces together with every other client of this process that has the same API key and base
	 * URL (n8n executions running at once), instead of alone.
	 */
	sharePacing?: boolean;
}

/** Requests kept in flight when nothing paces them (a transport without `sleep`). */
const UNPACED_IN_FLIGHT = 4;

export interface RequestParts {
	path?: Record<string, string>;
	query?: Record<string, QueryValue | undefined | null>;
	body?: unknown;
}

/** Success bodies are `{data: …}`; anything else is returned as is. */
export function unwrap(body: unknown): unknown {
	return isObject(body) && 'data' in body ? body.data : body;
}

/** Allo counts GETs against its read limit and every other method against its write limit. */
export type RequestKind = 'read' | 'write';

export const requestKind = (endpoint: Endpoint): RequestKind =>
	endpoint.method === 'GET' ? 'read' : 'write';

const isIdempotent = (endpoint: Endpoint) =>
	endpoint.method !== 'POST' || endpoint.readOnly === true;

export class AlloClient {
	readonly baseUrl: string;
	private readonly transport: Transport;
	private readonly apiKeyToMask?: string;
	private readonly rateLimitRetries: number;
	private readonly serverRetries: number;
	private readonly maxRetryWaitSeconds: number;
	private readonly pacers?: Pacers;
	private readonly clock?: PacerClock;

	constructor(options: AlloClientOptions) {
		this.transport = options.transport;
		this.baseUrl = normaliseBaseUrl(options.baseUrl);
		this.apiKeyToMask = options.apiKeyToMask ? bareApiKey(options.apiKeyToMask) : undefined;
		this.rateLimitRetries = options.rateLimitRetries ?? 3;
		this.serverRetries = options.serverRetries ?? 2;
		this.maxRetryWaitSeconds = options.maxRetryWaitSeconds ?? 60;
		const sleep = this.transport.sleep?.bind(this.transport);
		if (sleep) {
			this.clock = { now: () => this.now(), sleep };
			this.pacers =
				options.sharePacing && this.apiKeyToMask
					? sharedPacers(this.baseUrl, this.apiKeyToMask)
					: newPacers();
		}
	}

	/** Requests of this kind to keep in flight to reach Allo's limit at the measured latency. */
	inFlight(kind: RequestKind): number {
		return this.pacers?.[kind].inFlight() ?? UNPACED_IN_FLIGHT;
	}

	/** Requests of this kind Allo takes at once: one second's worth. */
	burst(kind: RequestKind): number {
		return this.pacers?.[kind].perSecond ?? 1;
	}

	/** Pages of a list to ask for before the first answer (see `PageCounts`). */
	pagesAhead(endpoint: EndpointName, list: string): number {
		return this.pacers?.pageCounts.pagesAhead(endpoint, list) ?? 1;
	}

	rememberPageCount(list: string, pages: number): void {
		this.pacers?.pageCounts.remember(list, pages);
	}

	now(): number {
		return this.transport.now?.() ?? Date.now();
	}

	/** Calls an endpoint and returns the unwrapped `data`. */
	async call<T = unknown>(name: EndpointName, parts: RequestParts = {}): Promise<T> {
		return unwrap((await this.send(name, parts)).body) as T;
	}

	/** Calls an endpoint and returns the whole body (v2 lists keep `pagination` beside `data`). */
	async callEnvelope(name: EndpointName, parts: RequestParts = {}): Promise<unknown> {
		return (await this.send(name, parts)).body;
	}

	/** Downloads a file, such as a call recording; the transport authenticates it if it is Allo's. */
	async download(url: string): Promise<{ data: Uint8Array; contentType?: string }> {
		const fromAllo = isAlloApiUrl(url, this.baseUrl);
		// A file on Allo's API counts against the read limit like any GET.
		if (fromAllo && this.pacers && this.clock) await this.pacers.read.slot(this.clock);
		const response = await this.transport.request({
			method: 'GET',
			url,
			headers: {},
			responseType: 'binary',
		});
		if (response.status >= 300) throw this.responseError(response);
		const body = response.body;
		const data =
			body instanceof Uint8Array
				? body
				: typeof body === 'string'
					? new TextEncoder().encode(body)
					: new Uint8Array(0);
		return { data, contentType: response.headers['content-type'] };
	}

	/** The request an endpoint call becomes, without sending it. */
	buildRequest(name: EndpointName, parts: RequestParts = {}) {
		const endpoint: Endpoint = endpoints[name];
		const path = endpoint.path.replace(/\{(\w+)\}/g, (_, key: string) => {
			const value = parts.path?.[key];
			if (value === undefined || value === '') {
				throw new AlloError({
					code: 'INVALID_INPUT',
					kind: 'invalidInput',
					field: key,
					message: `The ${key} is missing`,
					fix: `Give a value for ${key}.`,
				});
			}
			return encodeURIComponent(value);
		});
		const query: Record<string, QueryValue> = {};
		for (const [key, value] of Object.entries(parts.query ?? {})) {
			if (value !== undefined && value !== null && value !== '') query[key] = value;
		}
		const headers: Record<string, string> = { Accept: 'application/json' };
		if (parts.body !== undefined) headers['Content-Type'] = 'application/json';
		return {
			method: endpoint.method,
			url: `${this.baseUrl}${path}`,
			headers,
			...(Object.keys(query).length ? { query } : {}),
			...(parts.body !== undefined ? { body: parts.body } : {}),
		};
	}

	private async send(name: EndpointName, parts: RequestParts): Promise<HttpResponse> {
		const endpoint: Endpoint = endpoints[name];
		const request = this.buildRequest(name, parts);
		const idempotent = isIdempotent(endpoint);
		const pacer = this.pacers?.[requestKind(endpoint)];
		let rateLimitRetries = 0;
		let serverRetries = 0;
		for (;;) {
			const start = pacer && this.clock ? await pacer.slot(this.clock) : undefined;
			let response: HttpResponse;
			try {
				response = await this.transport.request(request);
				if (pacer && start) pacer.answered(start, this.now(), response.status === 429);
			} catch (cause) {
				if (
					idempotent &&
					serverRetries < this.serverRetries &&
					(await this.backoff(serverRetries++))
				)
					continue;
				throw networkError(cause, idempotent);
			}
			if (response.status < 300) return response;
			const error = this.responseError(response, endpoint);
			if (error.kind === 'rateLimit' && rateLimitRetries < this.rateLimitRetries) {
				const wait = error.retryAfterSeconds ?? 2 ** rateLimitRetries;
				if (wait <= this.maxRetryWaitSeconds && this.transport.sleep) {
					rateLimitRetries++;
					await this.transport.sleep(Math.max(wait * 1000, 100));
					continue;
				}
			}
			if (error.kind === 'server' && idempotent && serverRetries < this.serverRetries) {
				if (await this.backoff(serverRetries++)) continue;
			}
			// A 5xx on a write may have reached Allo: never resend it (no duplicate texts).
			throw error.kind === 'server' && !idempotent
				? new AlloError({ ...error, message: error.message, fix: MAY_HAVE_ARRIVED })
				: error;
		}
	}

	private responseError(response: HttpResponse, endpoint?: Endpoint): AlloError {
		return redactError(errorFromResponse(response, endpoint, this.now()), this.apiKeyToMask);
	}

	private async backoff(attempt: number): Promise<boolean> {
		if (!this.transport.sleep) return false;
		await this.transport.sleep(500 * 2 ** attempt);
		return true;
	}
}

const MAY_HAVE_ARRIVED =
	'Allo may have received it: check in Allo before trying again, so nothing is sent twice.';

function networkError(cause: unknown, idempotent: boolean): AlloError {
	const code = isObject(cause) && typeof cause.code === 'string' ? cause.code : undefined;
	return new AlloError({
		code: code ?? 'NETWORK_ERROR',
		kind: 'network',
		message: `The request to Allo did not complete${code ? ` (${code})` : ''}`,
		fix: idempotent
			? 'Check the base URL and the network connection, then try again.'
			: MAY_HAVE_ARRIVED,
	});
}
