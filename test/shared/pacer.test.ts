import { AlloClient } from '../../shared/http/client';
import { MAX_SHARED_KEYS, sharedPacers } from '../../shared/http/pacers';
import { RequestPacer } from '../../shared/http/rateLimit';
import { json, RecordingTransport } from '../support/recordingTransport';

/** A clock stopped at 0 whose waits are recorded, not waited. */
const stoppedClock = () => {
	const waits: number[] = [];
	return {
		waits,
		now: () => 0,
		sleep: async (ms: number) => {
			waits.push(ms);
		},
	};
};

describe('request pacing within Allo’s rate limits', () => {
	it('never starts more than 20 requests in any one-second window, even when they all ask at once', async () => {
		// Every request asks at t=0; a request starts when its wait ends.
		const starts: number[] = [];
		let lastWait = 0;
		const pacer = new RequestPacer(20);
		const clock = {
			now: () => 0,
			sleep: async (ms: number) => {
				lastWait = ms;
			},
		};
		for (let i = 0; i < 45; i++) {
			lastWait = 0;
			await pacer.slot(clock);
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
		const clock = stoppedClock();
		const pacer = new RequestPacer(5);
		for (let i = 0; i < 5; i++) await pacer.slot(clock);
		expect(clock.waits).toEqual([]);
		await pacer.slot(clock);
		// A second, and the few milliseconds that keep it off the edge of Allo's window.
		expect(clock.waits).toEqual([1010]);
	});

	it('leaves itself some slack after a refusal, and takes it back as answers come', async () => {
		const clock = stoppedClock();
		const pacer = new RequestPacer(1);
		const first = await pacer.slot(clock);
		pacer.answered(first, 10, true);
		const second = await pacer.slot(clock);
		expect(clock.waits).toEqual([1030]);
		for (let i = 0; i < 400; i++) pacer.answered(second, second.at + 10, false);
		await pacer.slot(clock);
		// The window now counts from the second start (at 1030), with only the least slack left.
		expect(clock.waits).toEqual([1030, 2040]);
	});

	it('keeps enough requests in flight for the measured latency, and a bounded number', () => {
		const answer = (pacer: RequestPacer, roundTripMs: number) =>
			pacer.answered({ at: 0, cold: false }, roundTripMs, false);
		const pacer = new RequestPacer(20);
		answer(pacer, 20);
		expect(pacer.inFlight()).toBe(21);
		const slow = new RequestPacer(20);
		answer(slow, 500);
		expect(slow.inFlight()).toBe(30);
		const verySlow = new RequestPacer(20);
		answer(verySlow, 60_000);
		expect(verySlow.inFlight()).toBe(100);
	});
});

describe('requests that waited on the platform before they left', () => {
	/** A clock that moves only when told; waits are recorded, then the clock moves past them. */
	const manualClock = () => {
		let now = 0;
		const waits: number[] = [];
		let onSleep: (() => void) | undefined;
		return {
			waits,
			at: (ms: number) => (now = ms),
			onNextSleep: (fn: () => void) => (onSleep = fn),
			now: () => now,
			sleep: async (ms: number) => {
				waits.push(ms);
				const wakeAt = now + ms;
				const fn = onSleep;
				onSleep = undefined;
				fn?.();
				await Promise.resolve();
				now = Math.max(now, wakeAt);
			},
		};
	};

	it('a first request whose answer came late holds back the request a window after it', async () => {
		// Both leave at once with nothing connected; the second answers 80 ms later than the first,
		// so it may have reached Allo 80 ms later: the request a second after it waits for that.
		const clock = manualClock();
		const pacer = new RequestPacer(2);
		const first = await pacer.slot(clock);
		const second = await pacer.slot(clock);
		pacer.answered(first, 10, false);
		pacer.answered(second, 90, false);
		clock.at(100);
		await pacer.slot(clock);
		await pacer.slot(clock);
		expect(clock.waits).toEqual([910, 1090 - 1010]);
	});

	it('requests sent once connections are open count from when they left', async () => {
		const clock = manualClock();
		const pacer = new RequestPacer(2);
		pacer.answered(await pacer.slot(clock), 10, false);
		clock.at(2000);
		const first = await pacer.slot(clock);
		const second = await pacer.slot(clock);
		pacer.answered(first, 2010, false);
		pacer.answered(second, 2090, false);
		clock.at(2100);
		await pacer.slot(clock);
		await pacer.slot(clock);
		// A window after each: the fourth leaves with the third, not held back by its slower answer.
		expect(clock.waits).toEqual([910]);
	});

	it('an answer that comes while a request waits for its window lengthens the wait', async () => {
		const clock = manualClock();
		const pacer = new RequestPacer(2);
		const first = await pacer.slot(clock);
		const second = await pacer.slot(clock);
		pacer.answered(first, 10, false);
		const third = pacer.slot(clock);
		clock.onNextSleep(() => pacer.answered(second, 200, false));
		const fourth = pacer.slot(clock);
		await Promise.all([third, fourth]);
		// Both waited for their window; the fourth then waited the 190 ms the second's answer showed.
		expect(clock.waits).toEqual([1010, 1010, 190]);
	});
});

describe('one pace per API key', () => {
	const BASE = 'https://api.withallo.com';

	it('gives clients with the same key and base URL the same pacers, and others their own', () => {
		const first = sharedPacers(BASE, 'ak_same_key');
		expect(sharedPacers(BASE, 'ak_same_key')).toBe(first);
		expect(sharedPacers(BASE, 'ak_other_key')).not.toBe(first);
		expect(sharedPacers('http://127.0.0.1:4010', 'ak_same_key')).not.toBe(first);
	});

	it('remembers a bounded number of keys, dropping the least recently used', () => {
		const kept = sharedPacers(BASE, 'ak_kept');
		const dropped = sharedPacers(BASE, 'ak_dropped');
		for (let i = 0; i < MAX_SHARED_KEYS - 1; i++) {
			sharedPacers(BASE, `ak_filler_${i}`);
			// Used all along, so never the oldest.
			expect(sharedPacers(BASE, 'ak_kept')).toBe(kept);
		}
		expect(sharedPacers(BASE, 'ak_dropped')).not.toBe(dropped);
	});

	const contactsRead = (apiKey: string, sharePacing: boolean) => {
		const transport = new RecordingTransport(() => json(200, { data: { id: 'cnt_1' } }));
		const client = new AlloClient({ transport, apiKeyToMask: apiKey, sharePacing });
		return {
			transport,
			read: (count: number) =>
				Array.from({ length: count }, () =>
					client.call('getContact', { path: { contact_id: 'cnt_1' } }),
				),
		};
	};

	it('two clients sharing a key start 20 reads in the first second between them, not 20 each', async () => {
		const a = contactsRead('ak_shared_by_two', true);
		const b = contactsRead('ak_shared_by_two', true);
		await Promise.all([...a.read(15), ...b.read(15)]);
		const waits = [...a.transport.waits, ...b.transport.waits];
		// 20 start at once; the other 10 wait for the next second.
		expect(waits).toHaveLength(10);
		expect(waits.every((ms) => ms === 1010)).toBe(true);
		expect(a.transport.requests.length + b.transport.requests.length).toBe(30);
	});

	it('clients with different keys, or that do not share, pace alone', async () => {
		const a = contactsRead('ak_first_key', true);
		const b = contactsRead('ak_second_key', true);
		const c = contactsRead('ak_first_key', false);
		await Promise.all([...a.read(15), ...b.read(15), ...c.read(15)]);
		expect([...a.transport.waits, ...b.transport.waits, ...c.transport.waits]).toEqual([]);
	});
});

describe('recordings', () => {
	it('count against the read limit when they come from Allo’s API, not from another host', async () => {
		const transport = new RecordingTransport(() => json(200, 'ID3'));
		const client = new AlloClient({ transport, apiKeyToMask: 'ak_recordings' });
		await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				client.download(`https://api.withallo.com/v1/assets/recordings/cll_${i}.mp3`),
			),
		);
		expect(transport.waits).toEqual(Array(5).fill(1010));
		await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				client.download(`https://storage.example.com/recordings/cll_${i}.mp3`),
			),
		);
		expect(transport.waits).toHaveLength(5);
	});
});
