import type { HttpRequest, HttpResponse, Transport } from '../../shared';

export type Responder = (request: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/** A transport that answers from a function and keeps every request it was handed. */
export class RecordingTransport implements Transport {
	readonly requests: HttpRequest[] = [];
	readonly waits: number[] = [];

	constructor(private readonly responder: Responder) {}

	async request(request: HttpRequest): Promise<HttpResponse> {
		this.requests.push(request);
		return this.responder(request);
	}

	async sleep(ms: number): Promise<void> {
		this.waits.push(ms);
	}

	now(): number {
		return Date.parse('2026-01-15T12:00:00Z');
	}
}

export const json = (
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): HttpResponse => ({
	status,
	headers: { 'content-type': 'application/json', ...headers },
	body,
});
