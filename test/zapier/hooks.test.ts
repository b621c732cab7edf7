import nock from 'nock';
import {
	allo,
	App,
	authData,
	delivery,
	errorBody,
	failure,
	run,
	SIGNING_SECRET,
	type Rec,
} from './helpers';

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/1/abc/';
const ALLO_NUMBER = '+14155550100';
const CONTACT_NUMBER = '+14155551234';

const rawCall = (id: string, startDate: string) => ({
	id,
	from_number: CONTACT_NUMBER,
	to_number: ALLO_NUMBER,
	type: 'INBOUND',
	result: 'ANSWERED',
	length_in_minutes: 2.5,
	summary: 'Asked about delivery times.',
	start_date: startDate,
});
const rawMessage = (id: string, direction: 'INBOUND' | 'OUTBOUND', sentAt: string) => ({
	id,
	direction,
	from_number: direction === 'INBOUND' ? CONTACT_NUMBER : ALLO_NUMBER,
	to_number: direction === 'INBOUND' ? ALLO_NUMBER : CONTACT_NUMBER,
	content: 'Is my order on its way?',
	sent_at: sentAt,
});
const v2Message = (id: string, direction: 'INBOUND' | 'OUTBOUND', date: string) => ({
	id,
	type: 'SMS',
	direction,
	allo_number: ALLO_NUMBER,
	contact_number: CONTACT_NUMBER,
	date,
	content: 'Is my order on its way?',
	status: 'DELIVERED',
	message_type: 'SMS',
});
const rawContact = (id: string, createdAt: string, updatedAt: string) => ({
	id,
	name: 'Jane',
	last_name: 'Doe',
	numbers: [CONTACT_NUMBER],
	company: { name: 'Acme Corp', id: 'com_xyz789' },
	created_at: createdAt,
	updated_at: updatedAt,
	last_activity_date: updatedAt,
});

const voicemail = (id: string, startDate: string) => ({
	...rawCall(id, startDate),
	result: 'VOICEMAIL',
	summary: 'Caller asked to be called back.',
});

/** The calls Allo lists for the call triggers' polling fallback. */
function listCalls(calls: unknown[]) {
	allo()
		.get('/v1/api/numbers')
		.reply(200, { data: [{ number: ALLO_NUMBER, name: 'Main Line', country: 'US' }] });
	allo()
		.get('/v1/api/calls')
		.query({ allo_number: ALLO_NUMBER, page: 0, size: 25 })
		.reply(200, { data: { results: calls, metadata: { total_pages: 1 } } });
}

/** What Allo's list endpoints answer for each trigger's polling fallback. */
const listings: Record<string, () => void> = {
	call: () =>
		listCalls([
			rawCall('cll_old', '2026-01-14T09:00:00'),
			rawCall('cll_new', '2026-01-15T09:00:00'),
		]),
	tag: () =>
		listCalls([
			rawCall('cll_untagged', '2026-01-15T09:00:00'),
			{ ...rawCall('cll_tagged', '2026-01-14T09:00:00'), tag: 'support' },
		]),
	missed: () =>
		listCalls([
			rawCall('cll_answered', '2026-01-15T09:00:00'),
			voicemail('cll_voicemail', '2026-01-14T09:00:00'),
			{ ...rawCall('cll_failed', '2026-01-13T09:00:00'), result: 'FAILED' },
		]),
	sms: () => {
		// Allo's conversation search: texts of every contact, newest first, with their ids.
		const items = [
			v2Message('msg-in-new', 'INBOUND', '2026-01-15T09:00:00Z'),
			v2Message('msg-out', 'OUTBOUND', '2026-01-15T08:30:00Z'),
			v2Message('msg-in-old', 'INBOUND', '2026-01-14T08:00:00Z'),
		];
		allo()
			.post(
				'/v2/api/conversations/items/search',
				(body) => body.type === 'SMS' && body.sort === 'DATE_DESC' && body.page === 1,
			)
			.reply((_, body) => {
				const { direction } = body as { direction: string };
				const data = items.filter((item) => item.direction === direction);
				return [200, { data, pagination: { page: 1, size: 25, has_more: false } }];
			});
	},
	contact: () => {
		// The list carries no emails: each contact's come from its details.
		for (const id of ['cnt_created_last', 'cnt_updated_last']) {
			allo()
				.get(`/v1/api/contact/${id}`)
				.reply(200, { data: { id, name: 'Jane', emails: [`${id}@example.com`] } });
		}
		allo()
			.get('/v1/api/contacts')
			.query({ page: 0, size: 100 })
			.reply(200, {
				data: {
					results: [
						rawContact('cnt_created_last', '2026-01-12T08:00:00', '2026-01-12T08:00:00'),
						rawContact('cnt_updated_last', '2026-01-01T08:00:00', '2026-01-16T08:00:00'),
					],
					metadata: { pagination: { total_pages: 1 } },
				},
			});
	},
};

interface Case {
	key: string;
	topic: string;
	subject: 'call' | 'sms' | 'contact';
	/** The listing of the polling fallback, when not the subject's. */
	listing?: string;
	payload: Record<string, unknown>;
	/** Record ids performList returns, newest first. */
	listed: string[];
}

const cases: Case[] = [
	{
		key: 'new_call',
		topic: 'call.completed',
		subject: 'call',
		payload: rawCall('cll_hook', '2026-01-15T10:30:00Z'),
		listed: ['cll_new', 'cll_old'],
	},
	{
		key: 'new_inbound_sms',
		topic: 'sms.received',
		subject: 'sms',
		payload: rawMessage('msg-hook', 'INBOUND', '2026-01-15T10:31:00Z'),
		listed: ['msg-in-new', 'msg-in-old'],
	},
	{
		key: 'new_outbound_sms',
		topic: 'sms.sent',
		subject: 'sms',
		payload: rawMessage('msg-hook', 'OUTBOUND', '2026-01-15T10:31:00Z'),
		listed: ['msg-out'],
	},
	{
		key: 'new_contact',
		topic: 'contact.created',
		subject: 'contact',
		payload: rawContact('cnt_hook', '2026-01-15T10:32:00Z', '2026-01-15T10:32:00Z'),
		listed: ['cnt_created_last', 'cnt_updated_last'],
	},
	{
		key: 'updated_contact',
		topic: 'contact.updated',
		subject: 'contact',
		payload: rawContact('cnt_hook', '2026-01-01T10:32:00Z', '2026-01-15T10:32:00Z'),
		listed: ['cnt_updated_last', 'cnt_created_last'],
	},
	{
		key: 'incoming_call_ringing',
		topic: 'call.received',
		subject: 'call',
		payload: rawCall('cll_hook', '2026-01-15T10:30:00Z'),
		listed: ['cll_new', 'cll_old'],
	},
	{
		key: 'call_answered',
		topic: 'call.answered',
		subject: 'call',
		payload: rawCall('cll_hook', '2026-01-15T10:30:00Z'),
		listed: ['cll_new', 'cll_old'],
	},
	{
		key: 'outbound_call_started',
		topic: 'call.triggered',
		subject: 'call',
		payload: {
			...rawCall('cll_hook', '2026-01-15T10:30:00Z'),
			type: 'OUTBOUND',
			from_number: ALLO_NUMBER,
			to_number: CONTACT_NUMBER,
		},
		listed: ['cll_new', 'cll_old'],
	},
	{
		key: 'tag_added',
		topic: 'tag.added',
		subject: 'call',
		listing: 'tag',
		payload: { ...rawCall('cll_hook', '2026-01-15T10:30:00Z'), tag: 'support' },
		listed: ['cll_tagged'],
	},
	{
		key: 'tag_removed',
		topic: 'tag.removed',
		subject: 'call',
		listing: 'tag',
		payload: { ...rawCall('cll_hook', '2026-01-15T10:30:00Z'), tag: 'support' },
		listed: ['cll_tagged'],
	},
	{
		key: 'summary_updated',
		topic: 'summary.updated',
		subject: 'call',
		payload: rawCall('cll_hook', '2026-01-15T10:30:00Z'),
		listed: ['cll_new', 'cll_old'],
	},
	{
		key: 'new_missed_call',
		topic: 'call.completed',
		subject: 'call',
		listing: 'missed',
		payload: voicemail('cll_hook', '2026-01-15T10:30:00Z'),
		listed: ['cll_voicemail', 'cll_failed'],
	},
	{
		key: 'new_voicemail',
		topic: 'call.completed',
		subject: 'call',
		listing: 'missed',
		payload: voicemail('cll_hook', '2026-01-15T10:30:00Z'),
		listed: ['cll_voicemail'],
	},
];

const envelope = (topic: string, data: Record<string, unknown>) => ({
	type: topic,
	timestamp: '2026-01-15T10:33:00Z',
	data,
});
const subscribeData = { id: 'ep_zap1', signing_secret: SIGNING_SECRET };

describe.each(cases)(
	'$key trigger ($topic)',
	({ key, topic, subject, listing, payload, listed }) => {
		const method = (name: string) => `triggers.${key}.operation.${name}`;
		const perform = (
			rawRequest: { content: string; headers: Record<string, string> },
			inputData: Rec = {},
		) =>
			run<Rec[]>(method('perform'), {
				authData,
				inputData,
				subscribeData,
				rawRequest,
				cleanedRequest: {},
			});

		it('subscribes a new signed v2 webhook for this Zap only, keeping its id and secret', async () => {
			const created = (id: string) => ({
				data: {
					id,
					url: TARGET_URL,
					topics: [topic],
					enabled: true,
					signing_secret: SIGNING_SECRET,
				},
			});
			const bodies: unknown[] = [];
			allo()
				.post('/v2/api/webhooks', (body) => bodies.push(body) > 0)
				.reply(201, created('ep_zap1'))
				.post('/v2/api/webhooks', (body) => bodies.push(body) > 0)
				.reply(201, created('ep_zap2'));

			const first = await run(method('performSubscribe'), {
				authData,
				inputData: {},
				targetUrl: TARGET_URL,
			});
			const second = await run(method('performSubscribe'), {
				authData,
				inputData: {},
				targetUrl: `${TARGET_URL}2`,
			});

			expect(first).toEqual({ id: 'ep_zap1', signing_secret: SIGNING_SECRET });
			expect(second).toEqual({ id: 'ep_zap2', signing_secret: SIGNING_SECRET });
			const label = App.triggers[key].display.label;
			expect(bodies).toEqual([
				{ url: TARGET_URL, topics: [topic], description: `Zapier: ${label}` },
				{ url: `${TARGET_URL}2`, topics: [topic], description: `Zapier: ${label}` },
			]);
		});

		it('unsubscribes only its own webhook, and treats one already gone as removed', async () => {
			const removed = allo().delete('/v2/api/webhooks/ep_zap1').reply(204);
			await expect(run(method('performUnsubscribe'), { authData, subscribeData })).resolves.toEqual(
				{
					id: 'ep_zap1',
				},
			);
			expect(removed.isDone()).toBe(true);

			allo()
				.delete('/v2/api/webhooks/ep_zap1')
				.reply(404, { error: { code: 'WEBHOOK_NOT_FOUND', message: 'Not found' } });
			await expect(run(method('performUnsubscribe'), { authData, subscribeData })).resolves.toEqual(
				{
					id: 'ep_zap1',
				},
			);
		});

		it('emits a delivery signed with the Zap webhook secret, verified over the raw body', async () => {
			const [output] = await perform(delivery(envelope(topic, payload), { id: `msg_${key}` }));
			expect(output).toMatchObject({
				id: payload.id,
				event_id: `msg_${key}`,
				topic,
				occurred_at: '2026-01-15T10:33:00.000Z',
			});
			if (subject !== 'contact')
				expect(output).toMatchObject({ allo_number: ALLO_NUMBER, contact_number: CONTACT_NUMBER });
			if (subject === 'contact')
				expect(output).toMatchObject({ full_name: 'Jane Doe', company_name: 'Acme Corp' });
			expect(JSON.stringify(output)).not.toContain(SIGNING_SECRET);
		});

		it('runs once for a delivery Allo repeats', async () => {
			const signed = delivery(envelope(topic, payload));
			await expect(perform(signed)).resolves.toHaveLength(1);
			await expect(perform(signed)).resolves.toEqual([]);
			await expect(perform(delivery(envelope(topic, payload)))).resolves.toHaveLength(1);
		});

		it('rejects forged, tampered, unsigned and stale deliveries', async () => {
			const body = envelope(topic, payload);
			const forged = delivery(body, { secret: 'whsec_dummyForgedKeyOfAnAttacker000000' });
			const tampered = {
				...delivery(body),
				content: JSON.stringify(envelope(topic, { ...payload, id: 'other' })),
			};
			const unsigned = {
				content: JSON.stringify(body),
				headers: { 'Content-Type': 'application/json' },
			};
			const stale = delivery(body, { at: new Date(Date.now() - 10 * 60 * 1000) });

			for (const [rawRequest, reason] of [
				[forged, 'its signature does not match this webhook'],
				[tampered, 'its signature does not match this webhook'],
				[unsigned, 'it has no webhook signature headers'],
				[stale, 'it was signed more than 5 minutes ago'],
			] as const) {
				const error = await failure(perform(rawRequest));
				expect(error.name).toBe('HaltedError');
				expect(error.message).toContain(reason);
				expect(error.message).not.toContain(SIGNING_SECRET);
			}
		});

		it('ignores deliveries of another topic', async () => {
			const other = topic === 'sms.sent' ? 'sms.received' : 'sms.sent';
			await expect(perform(delivery(envelope(other, payload)))).resolves.toEqual([]);
		});

		if (subject !== 'contact') {
			it('keeps only events of the chosen Allo number', async () => {
				const signed = delivery(envelope(topic, payload));
				await expect(perform(signed, { alloNumber: '+14155550199' })).resolves.toEqual([]);
				await expect(perform(signed, { alloNumber: ALLO_NUMBER })).resolves.toHaveLength(1);
			});

			it('refuses a malformed Allo number before reading anything', async () => {
				const numbers = allo().get('/v1/api/numbers').reply(200, { data: [] });
				const error = await failure(
					run(method('performList'), { authData, inputData: { alloNumber: '12' } }),
				);
				expect(error.name).toBe('AppError');
				expect(errorBody(error)).toMatchObject({
					code: 'INVALID_INPUT',
					message: expect.stringContaining('Allo Number "12" is not a valid phone number'),
				});
				expect(numbers.isDone()).toBe(false);
			});
		}

		it('lists recent records newest first, with exactly the keys a delivery has', async () => {
			listings[listing ?? subject]();
			const polled = await run<Rec[]>(method('performList'), { authData, inputData: {} });
			expect(polled.map((item) => item.id)).toEqual(listed);
			if (subject === 'contact')
				expect(polled.map((item) => item.emails)).toEqual(
					listed.map((id) => [`${id}@example.com`]),
				);
			expect(polled.every((item) => item.event_id === null && item.topic === topic)).toBe(true);

			const [hooked] = await perform(delivery(envelope(topic, payload)));
			const { sample } = App.triggers[key].operation as { sample: Rec };
			expect(Object.keys(polled[0]).sort()).toEqual(Object.keys(hooked).sort());
			expect(Object.keys(sample).sort()).toEqual(Object.keys(hooked).sort());
			expect(nock.pendingMocks()).toEqual([]);
		});
	},
);

describe('call outcome triggers', () => {
	const perform = (key: string, payload: Record<string, unknown>) =>
		run<Rec[]>(`triggers.${key}.operation.perform`, {
			authData,
			inputData: {},
			subscribeData,
			rawRequest: delivery(envelope('call.completed', payload)),
			cleanedRequest: {},
		});

	it('New Missed Call keeps incoming calls nobody answered, voicemails included', async () => {
		await expect(
			perform('new_missed_call', rawCall('cll_1', '2026-01-15T10:30:00Z')),
		).resolves.toEqual([]);
		const transferred = { ...rawCall('cll_2', '2026-01-15T10:30:00Z'), result: 'TRANSFERRED_AI' };
		await expect(perform('new_missed_call', transferred)).resolves.toEqual([]);
		const outbound = { ...voicemail('cll_3', '2026-01-15T10:30:00Z'), type: 'OUTBOUND' };
		await expect(perform('new_missed_call', outbound)).resolves.toEqual([]);
		const failed = { ...rawCall('cll_4', '2026-01-15T10:30:00Z'), result: 'FAILED' };
		await expect(perform('new_missed_call', failed)).resolves.toEqual([
			expect.objectContaining({ id: 'cll_4', result: 'FAILED' }),
		]);
	});

	it('New Voicemail keeps only calls that went to voicemail', async () => {
		await expect(
			perform('new_voicemail', rawCall('cll_1', '2026-01-15T10:30:00Z')),
		).resolves.toEqual([]);
		await expect(
			perform('new_voicemail', voicemail('cll_2', '2026-01-15T10:30:00Z')),
		).resolves.toEqual([
			expect.objectContaining({ id: 'cll_2', result: 'VOICEMAIL', topic: 'call.completed' }),
		]);
	});
});
