import nock from 'nock';
import { AlloClient, type AlloClientOptions } from '../../shared/http/client';
import { fetchTransport, type TestTransport } from './fetchTransport';

export const BASE_URL = 'https://api.withallo.com';
/** A made-up key; tests assert it never leaks into errors. */
export const API_KEY = 'ak_live_example_3f9a7c21d4e8';

/** The core's client over a transport that authenticates with `apiKey`, as a platform's does. */
export function alloClient({
	apiKey = API_KEY,
	...options
}: Partial<AlloClientOptions> & { apiKey?: string } = {}): {
	client: AlloClient;
	transport: TestTransport;
} {
	const transport = fetchTransport({ apiKey });
	return { client: new AlloClient({ transport, apiKeyToMask: apiKey, ...options }), transport };
}

/** A nock scope on Allo's API. */
export const allo = () => nock(BASE_URL);
