/**
 * What a platform hands the core. The core performs no I/O of its own: n8n, Zapier and tools each
 * wrap their HTTP client and timer in this shape.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean;

export interface HttpRequest {
	method: HttpMethod;
	/** Absolute URL without query string. */
	url: string;
	headers: Record<string, string>;
	query?: Record<string, QueryValue>;
	/** JSON body; serialised by the transport. */
	body?: unknown;
	/** `binary` asks for the raw bytes (recordings); otherwise a JSON body is expected. */
	responseType?: 'json' | 'binary';
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	/** Parsed JSON, a string for non-JSON bodies, or a Uint8Array for `responseType: 'binary'`. */
	body: unknown;
}

export interface Transport {
	/**
	 * Sends one request and resolves with the response for every HTTP status, errors included.
	 * Rejects only when no response arrived (network failure, timeout).
	 */
	request(request: HttpRequest): Promise<HttpResponse>;
	/** Waits; platforms without a timer the core may use leave it out, and the core then never waits. */
	sleep?(ms: number): Promise<void>;
	/** Milliseconds since the epoch; defaults to Date.now(). */
	now?(): number;
}
