import nock from 'nock';
import { AlloClient } from '../../shared';
import { createSandbox, sleep, type Sandbox, type SandboxOptions } from '../../sandbox';
import { fetchTransport } from './fetchTransport';

/** Starts a sandbox on a free loopback port; tests reach it with real HTTP. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	nock.enableNetConnect('127.0.0.1');
	return createSandbox(options);
}

/**
 * The core's client over fetch, pointed at the sandbox. It waits for real, as the sandbox's rate
 * limits run on the real clock, unless `virtualClock` is set (for sandboxes with a fixed clock).
 */
export function clientFor(
	sandbox: Sandbox,
	apiKey = sandbox.apiKeys[0].key,
	{ virtualClock = false } = {},
) {
	const transport = fetchTransport({
		apiKey,
		baseUrl: sandbox.url,
		...(virtualClock ? {} : { wait: sleep }),
	});
	return {
		client: new AlloClient({ transport, baseUrl: sandbox.url, apiKeyToMask: apiKey }),
		transport,
	};
}
