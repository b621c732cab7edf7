import type { HttpRequest, Transport } from '../../shared/transport';
import { fetchTransport as realFetchTransport } from '../../shared/transports/fetch';

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

export interface FetchTransportOptions {
	/** The key the transport authenticates Allo requests with. */
	apiKey?: string;
	baseUrl?: string;
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
	const { wait, apiKey, baseUrl } = options;
	let clock = START_MS;
	const sleeps: number[] = [];
	const requests: HttpRequest[] = [];
	const network = realFetchTransport({ apiKey, baseUrl });
	const transport: TestTransport = {
		sleeps,
		requests,
		now: () => (wait ? Date.now() : clock),
		async sleep(ms: number) {
			sleeps.push(ms);
			if (wait) await wait(ms);
			else clock += ms;
		},
		async request(request: HttpRequest) {
			requests.push(request);
			return await network.request(request);
		},
	};
	return transport;
}
