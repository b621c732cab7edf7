import nock from 'nock';
import { Webhook } from 'standardwebhooks';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../zapier/src';

export { App };
export const appTester = createAppTester(App);

export const API = 'https://api.withallo.com';
export const API_KEY = 'test-key-4f9a2c';
export const authData = { apiKey: API_KEY };
/** A stand-in signing secret in Allo's `whsec_` + base64 form. */
export const SIGNING_SECRET = 'whsec_dummySigningKeyForTests00000';

export type Rec = Record<string, unknown>;
type Step = (z: ZObject, bundle: Bundle) => unknown;

/** Runs one function of the app, named by its path, e.g. `creates.send_sms.operation.perform`. */
export function run<T = Rec>(path: string, bundle: Parameters<typeof appTester>[1]): Promise<T> {
	const step = path.split('.').reduce((node: unknown, key) => (node as Rec)[key], App) as Step;
	return appTester(step, bundle) as Promise<T>;
}

/** An Allo API scope that only answers requests carrying the key, as Allo's header form. */
export const allo = () => nock(API, { reqheaders: { authorization: `Api-Key ${API_KEY}` } });

/**
 * A v2 delivery as Zapier hands it to `perform`: headers with Zapier's `Http-` prefix, signed with
 * the reference Standard Webhooks library (not the code under test).
 */
let deliveries = 0;

export function delivery(
	payload: unknown,
	options: { at?: Date; secret?: string; id?: string } = {},
) {
	const content = JSON.stringify(payload);
	// Each delivery has its own id, as Allo's do; repeats are made by reusing one.
	const id = options.id ?? `msg_test${++deliveries}`;
	const at = options.at ?? new Date();
	const signature = new Webhook(options.secret ?? SIGNING_SECRET).sign(id, at, content);
	return {
		content,
		headers: {
			'Content-Type': 'application/json',
			'Http-Webhook-Id': id,
			'Http-Webhook-Timestamp': String(Math.floor(at.getTime() / 1000)),
			'Http-Webhook-Signature': signature,
		},
	};
}

/** The parsed body of a Zapier error whose message is JSON (Error, ThrottledError). */
export const errorBody = (error: unknown) =>
	JSON.parse((error as Error).message) as Record<string, unknown>;

/** Runs a step expected to fail and returns what it threw. */
export async function failure(work: Promise<unknown>): Promise<Error> {
	const outcome = await work.then(
		() => undefined,
		(error: Error) => error,
	);
	if (!outcome) throw new TypeError('The step succeeded, but it was expected to fail');
	return outcome;
}
