import type { HttpRequest, HttpResponse, Transport } from '../../shared/transport';

/** 2026-01-15T10:00:00Z: the fixed start of the test clock. */
export const START_MS = Date.UTC(2026, 0, 15, 10, 0, 0);

export interface TestTransport extends Transport {
	/** Every wait the core asked for, in milliseconds, in order. */
	readonly sleeps: number[];
	/** Every request handed to the transport, in order. */
	readonly requests: HttpRequest[];
	sleep(ms: number): Promise<void>;
	now(): number;
}

function readHeaders(headers: Headers): Record<string, string> {
	const result: Record<string, string> = {};
	headers.forEach((value, name) => {
		result[name.toLowerCase()] = value;
	});
	return result;
}

async function readBody(response: Response, request: HttpRequest): Promise<unknown> {
	if (request.responseType === 'binary') return new Uint8Array(await response.arrayBuffer());
	const text = await response.text();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export interface FetchTransportOptions {
	/**
	 * Waits for real, on the real clock, for servers that keep time themselves (the sandbox's rate
	 * limits). Without it the clock is virtual.
	 */
	wait?: (ms: number) => Promise<void>;
}

/**
 * A Transport over the global fetch (which nock intercepts), with a virtual clock: `sleep` records
 * the wait and moves the clock forward instead of waiting, so tests are fast and can assert delays.
 */
export function fetchTransport(options: FetchTransportOptions = {}): TestTransport {
	const { wait } = options;
	let clock = START_MS;
	const sleeps: number[] = [];
	const requests: HttpRequest[] = [];
	const transport: TestTransport = {
		sleeps,
		requests,
		now: () => (wait ? Date.now() : clock),
		async sleep(ms: number) {
			sleeps.push(ms);
			if (wait) await wait(ms);
			else clock += ms;
		},
		async request(request: HttpRequest): Promise<HttpResponse> {
			requests.push(request);
			const url = new URL(request.url);
			for (const [key, value] of Object.entries(request.query ?? {}))
				url.searchParams.set(key, String(value));
			const response = await fetch(url, {
				method: request.method,
				headers: request.headers,
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
			});
			return {
				status: response.status,
				headers: readHeaders(response.headers),
				body: await readBody(response, request),
			};
		},
	};
	return transport;
}
