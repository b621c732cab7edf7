import nock from 'nock';
import { sleep } from 'n8n-workflow';
import { BASE_URL, runAllo } from './harness';
import { ALLO_NUMBER, rawContact } from './fixtures';

/** Many items at once, as Allo's limits allow; the output still follows the input. */

const api = () => nock(BASE_URL).matchHeader('authorization', 'Api-Key test-key-123');

/** Counts the requests Allo is answering at the same time. */
function concurrency() {
	let now = 0;
	let most = 0;
	return {
		get most() {
			return most;
		},
		/** Answers after `ms`, counting the request as in flight meanwhile. */
		answer<T>(ms: number, body: T, status = 200) {
			now++;
			most = Math.max(most, now);
			return sleep(ms).then((): [number, T] => {
				now--;
				return [status, body];
			});
		},
	};
}

const getContact = {
	resource: 'contact',
	operation: 'get',
	contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	simplify: false,
};
const contactInput = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ json: { id: `cnt_${i}` } }));

const sendSms = {
	resource: 'sms',
	operation: 'send',
	sender: 'alloNumber',
	from: ALLO_NUMBER,
	to: '={{ $json.to }}',
	message: '={{ $json.message }}',
};

describe('reads run several items at once', () => {
	test('output keeps the input order and pairs each item with its input, though later items answer first', async () => {
		const count = 12;
		const server = concurrency();
		for (let i = 0; i < count; i++) {
			api()
				.get(`/v1/api/contact/cnt_${i}`)
				.query(true)
				.reply(() => server.answer((count - i) * 10, { data: rawContact(`cnt_${i}`) }));
		}
		const { items, error } = await runAllo(getContact, { input: contactInput(count) });
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual(
			Array.from({ length: count }, (_, i) => [`cnt_${i}`, { item: i }]),
		);
		expect(server.most).toBe(count);
		expect(nock.isDone()).toBe(true);
	});

	test('with Continue On Fail, a failed item becomes an error item in its place', async () => {
		const missing = new Set([1, 4]);
		for (let i = 0; i < 6; i++) {
			api()
				.get(`/v1/api/contact/cnt_${i}`)
				.query(true)
				.delay((6 - i) * 5)
				.reply(
					missing.has(i) ? 400 : 200,
					missing.has(i)
						? { code: 'CONTACT_NOT_FOUND', details: null }
						: { data: rawContact(`cnt_${i}`) },
				);
		}
		const { items, error } = await runAllo(getContact, {
			input: contactInput(6),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual(
			Array.from({ length: 6 }, (_, i) => ({ item: i })),
		);
		for (const [i, item] of items.entries()) {
			if (missing.has(i)) expect(item.json.error).toEqual(expect.stringContaining('contact'));
			else expect(item.json).toMatchObject({ id: `cnt_${i}` });
		}
	});

	test('without Continue On Fail, the node fails with the first failed item', async () => {
		for (let i = 0; i < 4; i++) {
			api()
				.get(`/v1/api/contact/cnt_${i}`)
				.query(true)
				// Item 3 fails first, item 1 later: the error is item 1's.
				.delay(i === 1 ? 40 : 0)
				.reply(
					i === 1 || i === 3 ? 400 : 200,
					i === 1 || i === 3
						? { code: 'CONTACT_NOT_FOUND', details: null }
						: { data: rawContact(`cnt_${i}`) },
				);
		}
		const { error } = await runAllo(getContact, { input: contactInput(4) });
		expect(error?.context.itemIndex).toBe(1);
	});
});

describe('Batching', () => {
	test('one item per batch runs items strictly one after another, in order', async () => {
		const server = concurrency();
		const asked: string[] = [];
		for (let i = 0; i < 5; i++) {
			api()
				.get(`/v1/api/contact/cnt_${i}`)
				.query(true)
				.reply(() => {
					asked.push(`cnt_${i}`);
					return server.answer((5 - i) * 10, { data: rawContact(`cnt_${i}`) });
				});
		}
		const { items } = await runAllo(
			{ ...getContact, options: { batching: { batch: { batchSize: 1, batchInterval: 0 } } } },
			{ input: contactInput(5) },
		);
		expect(server.most).toBe(1);
		expect(asked).toEqual(['cnt_0', 'cnt_1', 'cnt_2', 'cnt_3', 'cnt_4']);
		expect(items.map((item) => item.json.id)).toEqual(asked);
	});

	test('one by one, nothing after a failed item is sent', async () => {
		api()
			.get('/v1/api/contact/cnt_0')
			.query(true)
			.reply(200, { data: rawContact('cnt_0') });
		api()
			.get('/v1/api/contact/cnt_1')
			.query(true)
			.reply(400, { code: 'CONTACT_NOT_FOUND', details: null });
		const later = api().get('/v1/api/contact/cnt_2').query(true).reply(200, {});
		const { error } = await runAllo(
			{ ...getContact, options: { batching: { batch: { batchSize: 1, batchInterval: 0 } } } },
			{ input: contactInput(3) },
		);
		expect(error?.context.itemIndex).toBe(1);
		expect(later.isDone()).toBe(false);
	});
});

describe('texts run several at once, never out of order for one recipient', () => {
	const A = '+14155550001';
	const B = '+14155550002';
	const C = '+14155550003';

	test('texts to one recipient go one after another, in input order; others overlap them', async () => {
		const texts = [
			{ to: A, message: 'A1' },
			{ to: B, message: 'B1' },
			{ to: A, message: 'A2' },
			{ to: C, message: 'C1' },
			{ to: A, message: 'A3' },
		];
		const server = concurrency();
		const log: string[] = [];
		api()
			.post('/v1/api/sms')
			.times(texts.length)
			.reply((_, body) => {
				const { to, message } = body as { to: string; message: string };
				log.push(`start ${message}`);
				// The first text to A is the slowest to answer.
				const ms = message === 'A1' ? 80 : 10;
				return server
					.answer(ms, {
						data: {
							from_number: ALLO_NUMBER,
							to_number: to,
							content: message,
							type: 'OUTBOUND',
							start_date: '2026-01-15T10:30:00',
						},
					})
					.finally(() => log.push(`end ${message}`));
			});
		const { items, error } = await runAllo(sendSms, {
			input: texts.map((text) => ({ json: { ...text, to: text.to.replace('+1', '+1 ') } })),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.content, item.pairedItem])).toEqual(
			texts.map((text, i) => [text.message, { item: i }]),
		);
		const at = (event: string) => log.indexOf(event);
		// "+1 415…" and "+1415…" are one recipient: A's texts wait for each other.
		expect(at('start A2')).toBeGreaterThan(at('end A1'));
		expect(at('start A3')).toBeGreaterThan(at('end A2'));
		// Other recipients do not wait for A.
		expect(at('start B1')).toBeLessThan(at('end A1'));
		expect(at('start C1')).toBeLessThan(at('end A1'));
		expect(server.most).toBeGreaterThan(1);
	});

	test('a text that may have reached Allo is never sent again; the others go out once each', async () => {
		const sent: string[] = [];
		api()
			.post('/v1/api/sms')
			.times(5)
			.reply((_, body, answer) => {
				const { to, message } = body as { to: string; message: string };
				sent.push(message);
				// A gateway error and a dropped connection: either may have reached Allo.
				if (message === 'B1') return answer(null, [502, { error: 'Bad Gateway' }]);
				if (message === 'C1')
					return answer(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [
						0,
						'',
					]);
				answer(null, [200, { data: { to_number: to, content: message, type: 'OUTBOUND' } }]);
			});
		const texts = [
			{ to: A, message: 'A1' },
			{ to: B, message: 'B1' },
			{ to: B, message: 'B2' },
			{ to: C, message: 'C1' },
			{ to: A, message: 'A2' },
		];
		const { items } = await runAllo(sendSms, {
			input: texts.map((text) => ({ json: text })),
			continueOnFail: true,
		});
		expect(sent.sort()).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
		expect(items.map((item) => [item.json.content ?? 'error', item.pairedItem])).toEqual([
			['A1', { item: 0 }],
			['error', { item: 1 }],
			['B2', { item: 2 }],
			['error', { item: 3 }],
			['A2', { item: 4 }],
		]);
		expect(nock.isDone()).toBe(true);
	});
});
