import type { ZObject } from './platform';
import { isAlloError, settle, type AlloError, type NextStep } from '../shared';

/** Zapier's words for what the user does once the core's fix is done. */
const NEXT_STEP: Record<NextStep, string> = {
	replaceKey: 'Then reconnect your Allo account with the key.',
	retryLater: 'Then replay the Zap run.',
};

/** What the user reads: what happened, the core's fix, then what to do in Zapier. */
const zapierText = (error: AlloError) =>
	[`${error.message}.`, error.fix, error.nextStep && NEXT_STEP[error.nextStep]]
		.filter(Boolean)
		.join(' ');

/**
 * Zapier appends the step's bundle to error messages unless told not to; the bundle of a hook
 * holds its signing secret, so every error the app raises is kept to its own words.
 */
export function ownWords<T extends Error>(error: T): T {
	return Object.assign(error, { doNotContextify: true });
}

/**
 * The Zapier error for a core failure:
 * - rateLimit: ThrottledError with Allo's delay, so Zapier retries the step later.
 * - quota: a plain Error naming the reset time. Quotas reset hours away, beyond what a
 *   ThrottledError retry covers; the run can be replayed once the quota is back.
 * - authentication: ExpiredAuthError, so Zapier asks the user to reconnect.
 * - conflict: HaltedError, a precondition ("already exists") that must not turn the Zap off.
 */
export function zapierError(z: ZObject, error: unknown): Error {
	if (!isAlloError(error))
		return ownWords(error instanceof Error ? error : new Error(String(error)));
	const text = zapierText(error);
	switch (error.kind) {
		case 'rateLimit':
			return ownWords(
				new z.errors.ThrottledError(
					text,
					error.retryAfterSeconds !== undefined ? Math.ceil(error.retryAfterSeconds) : undefined,
				),
			);
		case 'authentication':
			return ownWords(new z.errors.ExpiredAuthError(text));
		case 'conflict':
			return ownWords(new z.errors.HaltedError(text));
		default:
			return ownWords(new z.errors.Error(text, error.code, error.httpStatus));
	}
}

/** Awaits core work and rethrows its failure as the matching Zapier error. */
export async function attempt<T>(z: ZObject, work: Promise<T>): Promise<T> {
	const result = await settle(work);
	if (!result.ok) throw zapierError(z, result.error);
	return result.value;
}
