import { RequestPacer } from '../../shared/http/rateLimit';

describe('request pacing within Allo’s rate limits', () => {
	it('never starts more than 20 requests in any one-second window, even when they all ask at once', async () => {
		// Every request asks at t=0; a request starts when its wait ends.
		const starts: number[] = [];
		let lastWait = 0;
		const pacer = new RequestPacer(
			20,
			() => 0,
			async (ms) => {
				lastWait = ms;
			},
		);
		for (let i = 0; i < 45; i++) {
			lastWait = 0;
			await pacer.slot();
			starts.push(lastWait);
		}
		const sorted = [...starts].sort((a, b) => a - b);
		for (const [i, start] of sorted.entries()) {
			const inWindow = sorted.filter((other) => other >= start && other < start + 1000).length;
			expect({ i, inWindow }).toEqual({ i, inWindow: Math.min(inWindow, 20) });
		}
		expect(sorted[19]).toBe(0);
		expect(sorted[20]).toBeGreaterThanOrEqual(1000);
		expect(sorted[44]).toBeGreaterThanOrEqual(2000);
	});

	it('does not wait while under the limit', async () => {
		const waits: number[] = [];
		const pacer = new RequestPacer(
			5,
			() => 0,
			async (ms) => {
				waits.push(ms);
			},
		);
		for (let i = 0; i < 5; i++) await pacer.slot();
		expect(waits).toEqual([]);
		await pacer.slot();
		expect(waits).toEqual([1000]);
	});
});
