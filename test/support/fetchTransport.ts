import type { HttpRequest, HttpResponse, Transport } from '../../shared';

/** A Transport over the global fetch, as a platform without its own HTTP client would write it. */
export class FetchTransport implements Transport {
	/** Every request sent, in order. */
	readonly sent: HttpRequest[] = [];

	constructor(
		private readonly wait: (ms: number) => Promise<void>,
		private readonly clock: () => number = () => Date.now(),
	) {}

	async request(request: HttpRequest): Promise<HttpResponse> {
		this.sent.push(request);
		const url = new URL(request.url);
		for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, String(value));
		const response = await fetch(url, {
			method: request.method,
			headers: request.headers,
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
		});
		const headers: Record<string, string> = {};
		response.headers.forEach((value, key) => {
			headers[key.toLowerCase()] = value;
		});
		let body: unknown;
		if (request.responseType === 'binary') {
			body = new Uint8Array(await response.arrayBuffer());
		} else {
			const text = await response.text();
			try {
				body = text === '' ? undefined : JSON.parse(text);
			} catch {
				body = text;
			}
		}
		return { status: response.status, headers, body };
	}

	sleep(ms: number): Promise<void> {
		return this.wait(ms);
	}

	now(): number {
		return this.clock();
	}
}
