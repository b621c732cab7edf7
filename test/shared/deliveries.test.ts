import {
	CUT_MARKER,
	DELIVERY_CAPACITY,
	DELIVERY_HORIZON_SECONDS,
	DeliveryLedger,
	cutDepth,
	deliveryKey,
	normaliseEvent,
} from '../../shared';

const HOUR = 3600 * 1000;

describe('the delivery ledger', () => {
	test('holds Allo’s whole retry horizon and 100,000 ids by default', () => {
		expect(DELIVERY_HORIZON_SECONDS).toBeGreaterThanOrEqual(28 * 3600);
		expect(DELIVERY_CAPACITY).toBeGreaterThanOrEqual(100_000);
	});

	test('a key passes once; its copies are refused for the whole horizon', () => {
		const ledger = new DeliveryLedger();
		const start = Date.UTC(2026, 0, 1);
		expect(ledger.firstSeen('a', start)).toBe(true);
		expect(ledger.firstSeen('a', start)).toBe(false);
		expect(ledger.firstSeen('a', start + 28 * HOUR)).toBe(false);
		expect(ledger.firstSeen('b', start + 28 * HOUR)).toBe(true);
	});

	test('forgets keys older than the horizon, and the oldest beyond its capacity', () => {
		const ledger = new DeliveryLedger(3, 10);
		const start = Date.UTC(2026, 0, 1);
		for (const key of ['a', 'b', 'c']) expect(ledger.firstSeen(key, start)).toBe(true);
		expect(ledger.firstSeen('d', start)).toBe(true);
		expect(ledger.size).toBe(3);
		expect(ledger.firstSeen('a', start)).toBe(true);
		expect(ledger.firstSeen('d', start + 11_000)).toBe(true);
		expect(ledger.size).toBe(1);
	});

	test('a claimed key is recorded only when its copy was accepted', async () => {
		const ledger = new DeliveryLedger();
		const failed = await ledger.claim('a');
		failed?.(false);
		const accepted = await ledger.claim('a');
		expect(accepted).toEqual(expect.any(Function));
		accepted?.(true);
		expect(await ledger.claim('a')).toBeNull();
		expect(ledger.size).toBe(1);
	});

	test('stays bounded at 100,000 ids', () => {
		const ledger = new DeliveryLedger();
		const now = Date.now();
		for (let n = 0; n < DELIVERY_CAPACITY + 500; n++) ledger.firstSeen(`msg_${n}`, now);
		expect(ledger.size).toBe(DELIVERY_CAPACITY);
		expect(ledger.firstSeen('msg_0', now)).toBe(true);
		expect(ledger.firstSeen(`msg_${DELIVERY_CAPACITY + 499}`, now)).toBe(false);
	});
});

describe('delivery keys', () => {
	const v1Call = (id: string, start = '2026-01-15T10:30:00Z') =>
		normaliseEvent(JSON.stringify({ topic: 'CALL_RECEIVED', data: { id, start_date: start } }));

	test('a v2 delivery is keyed by its webhook-id, in a fixed size', () => {
		const event = normaliseEvent('{"topic":"call.completed","data":{"id":"cll-1"}}', 'msg_1');
		expect(deliveryKey(event, 'msg_1')).toBe(deliveryKey(event, 'msg_1'));
		expect(deliveryKey(event, 'msg_1')).not.toBe(deliveryKey(event, 'msg_2'));
		expect(deliveryKey(event, 'x'.repeat(10_000))).toHaveLength(22);
	});

	test('an unsigned v1 delivery is keyed by topic, record id and time', () => {
		expect(deliveryKey(v1Call('cll-1'), null)).toBe(deliveryKey(v1Call('cll-1'), null));
		expect(deliveryKey(v1Call('cll-1'), null)).not.toBe(deliveryKey(v1Call('cll-2'), null));
		expect(deliveryKey(v1Call('cll-1'), null)).not.toBe(
			deliveryKey(v1Call('cll-1', '2026-01-15T10:31:00Z'), null),
		);
		const sms = normaliseEvent(JSON.stringify({ topic: 'SMS_RECEIVED', data: { id: 'cll-1' } }));
		expect(deliveryKey(sms, null)).not.toBe(deliveryKey(v1Call('cll-1'), null));
	});

	test('a v1 payload with neither id nor time has no key, so nothing is dropped', () => {
		const event = normaliseEvent(JSON.stringify({ topic: 'CONTACT_CREATED', data: {} }));
		expect(deliveryKey(event, null)).toBeNull();
	});
});

describe('deep payloads', () => {
	test('are cut at 32 levels with a marker; shallower ones are unchanged', () => {
		let deep: unknown = 'bottom';
		for (let i = 0; i < 100; i++) deep = { next: deep };
		let level = cutDepth(deep) as Record<string, unknown>;
		for (let i = 0; i < 31; i++) level = level.next as Record<string, unknown>;
		expect(level.next).toBe(CUT_MARKER);
		const shallow = { a: [1, { b: 'c' }], d: null };
		expect(cutDepth(shallow)).toEqual(shallow);
	});

	test('an event from a payload 10,000 deep keeps its data, cut', () => {
		const body = `{"topic":"call.completed","data":{"id":"cll-1","x":${'{"y":'.repeat(10_000)}1${'}'.repeat(10_000)}}}`;
		const event = normaliseEvent(body, 'msg_1');
		expect(event.data.id).toBe('cll-1');
		expect(JSON.stringify(event.data)).toContain(CUT_MARKER);
	});
});
