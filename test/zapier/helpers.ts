import nock from 'nock';
import { Webhook } from 'standardwebhooks';
import { createAppTester } from 'zapier-platform-core';
import App from '../../zapier/src';

export { App };
export const appTester = createAppTester(App);

export const API = 'https://api.withallo.com';
export const API_KEY = 'test-key-4f9a2c';
export const authData = { apiKey: API_KEY };
export const SIGNING_SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

/** An Allo API scope that only answers requests carrying the key, as Allo's header form. */
export const allo = () => nock(API, { reqheaders: { authorization: `Api-Key ${API_KEY}` } });

/**
 * A v2 delivery as Zapier hands it to `perform`: headers with Zapier's `Http-` prefix, signed with
 * the reference Standard Webhooks library (not the code under test).
 */
export function delivery(payload: unknown, options: { at?: Date; secret?: string; id?: string } = {}) {
	const content = JSON.stringify(payload);
	const id = options.id ?? 'msg_2NfDKEm9sF8xK3pQr1Zt';
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
export const errorBody = (error: unknown) => JSON.parse((error as Error).message) as Record<string, unknown>;

/** Runs a step expected to fail and returns what it threw. */
export async function failure(work: Promise<unknown>): Promise<Error> {
	const outcome = await work.then(
		() => undefined,
		(error: Error) => error,
	);
	if (!outcome) throw new TypeError('The step succeeded, but it was expected to fail');
	return outcome;
}
