import { RATE_LIMITS } from '../../shared';
import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../support/sandbox';
import { errorBody, failure, run } from '../zapier/helpers';
import { connection } from './harness';

const MAIN_LINE = '+14155550100';
const JANE = '+16282000000';

let sandbox: Sandbox;

// A stopped clock: the sandbox's burst bucket never refills, so the refusal is certain.
beforeAll(async () => {
	sandbox = await startSandbox({ clock: () => Date.parse('2026-01-15T12:00:00Z') });
});
afterAll(() => sandbox.close());

const sendSms = (message: string) =>
	run('creates.send_sms.operation.perform', {
		authData: connection(sandbox),
		inputData: { from: MAIN_LINE, to: JANE, message },
	});

describe('the sandbox burst limit, seen from a Zap', () => {
	it('surfaces a 429 as a ThrottledError with the sandbox delay, and sends nothing more', async () => {
		for (let text = 1; text <= RATE_LIMITS.writesPerSecond; text++) await sendSms(`Text ${text}`);

		const error = await failure(sendSms('One too many'));
		expect(error.name).toBe('ThrottledError');
		const { delay, message } = errorBody(error);
		expect(message).toContain('too many requests');
		expect(error.message).not.toContain(sandbox.apiKeys[0].key);

		// What the sandbox answers a request over the limit, asked directly.
		const refusal = await fetch(`${sandbox.url}/v1/api/sms`, {
			method: 'POST',
			headers: { Authorization: `Api-Key ${sandbox.apiKeys[0].key}` },
			body: JSON.stringify({ from: MAIN_LINE, to: JANE, message: 'Direct' }),
		});
		expect(refusal.status).toBe(429);
		const body = (await refusal.json()) as { error: { retry_after_seconds: number } };
		expect(delay).toBe(Number(refusal.headers.get('retry-after')));
		expect(delay).toBe(body.error.retry_after_seconds);
		expect(delay).toBeGreaterThan(0);

		expect(sandbox.control.sentSms()).toHaveLength(RATE_LIMITS.writesPerSecond);
		expect(sandbox.control.requests().map((request) => request.status)).toEqual([
			...Array<number>(RATE_LIMITS.writesPerSecond).fill(200),
			429,
			429,
		]);
	});
});
