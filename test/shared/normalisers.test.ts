import { toIsoDate } from '../../shared/json';
import { normaliseCall } from '../../shared/records/call';
import { normaliseContact } from '../../shared/records/contact';
import { normaliseMessage } from '../../shared/records/message';
import { normaliseWebhook } from '../../shared/records/misc';
import { eventMatchesNumbers, normaliseEvent } from '../../shared/webhooks/event';
import {
	EVENTS,
	eventForTopic,
	V1_TOPICS,
	toV1Topic,
	topicsFor,
	toV2Topic,
	V2_TOPICS,
} from '../../shared/webhooks/topics';

/** The CALL_RECEIVED example of Allo's v1 webhook guide (snake_case, `data`). */
const v1CallSnake = {
	topic: 'CALL_RECEIVED',
	data: {
		id: 'call_abc123',
		start_date: '2024-01-15T10:30:00Z',
		recording_url: 'https://storage.withallo.com/recordings/abc123.mp3',
		from_number: '+14155551234',
		from_name: 'John Doe',
		to: '+14155550100',
		to_name: 'Acme Support',
		length_in_minutes: 5.5,
		length: '5m 30s',
		tag: 'support',
		summary: 'Customer called about order status and delivery timeline.',
		one_sentence_summary: 'Order status inquiry',
		type: 'INBOUND',
		transcriptions: [
			{ source: 'AGENT', time: '2024-01-15T10:30:05Z', text: 'Hello, how can I help you today?' },
			{ source: 'USER', time: '2024-01-15T10:30:09Z', text: 'Where is my order?' },
		],
	},
};

/** The same event in the camelCase snapshot of the guide. */
const v1CallCamel = {
	topic: 'CALL_RECEIVED',
	data: {
		id: 'call_abc123',
		startDate: '2024-01-15T10:30:00Z',
		recordingUrl: 'https://storage.withallo.com/recordings/abc123.mp3',
		fromNumber: '+14155551234',
		fromName: 'John Doe',
		to: '+14155550100',
		toName: 'Acme Support',
		lengthInMinutes: 5.5,
		tag: 'support',
		summary: 'Customer called about order status and delivery timeline.',
		oneSentenceSummary: 'Order status inquiry',
		concatenatedTranscript: 'AGENT: Hello, how can I help you today?\nUSER: Where is my order?',
		type: 'INBOUND',
	},
};

/** The older guide: payload under `body`, tag named `call_category`, zone-less dates. */
const v1CallBody = {
	topic: 'CALL_RECEIVED',
	body: {
		id: 'call_abc123',
		start_date: '2024-01-15T10:30:00',
		recording_url: 'https://storage.withallo.com/recordings/abc123.mp3',
		from_number: '+14155550100',
		to: '+14155551234',
		length_in_minutes: 5.5,
		call_category: 'support',
		summary: 'Customer called about order status and delivery timeline.',
		type: 'OUTBOUND',
	},
};

describe('v1 call webhooks', () => {
	test('snake_case with data', () => {
		const event = normaliseEvent(v1CallSnake);
		expect(event).toMatchObject({
			event_id: null,
			topic: 'call.completed',
			v1_topic: 'CALL_RECEIVED',
			seed_topic: 'CALL_RECEIVED',
			event: 'Call Completed',
			api_version: 'v1',
			occurred_at: '2024-01-15T10:30:00.000Z',
			allo_number: '+14155550100',
		});
		expect(event.call).toMatchObject({
			id: 'call_abc123',
			direction: 'INBOUND',
			allo_number: '+14155550100',
			contact_number: '+14155551234',
			from_name: 'John Doe',
			to_name: 'Acme Support',
			start_date: '2024-01-15T10:30:00.000Z',
			length_in_minutes: 5.5,
			tag: 'support',
			tags: ['support'],
			one_sentence_summary: 'Order status inquiry',
			recording_url: 'https://storage.withallo.com/recordings/abc123.mp3',
			transcript_text: 'AGENT: Hello, how can I help you today?\nUSER: Where is my order?',
		});
		expect(event.call?.transcript[0]).toEqual({
			source: 'AGENT',
			speaker: 'AI assistant',
			text: 'Hello, how can I help you today?',
			time: '2024-01-15T10:30:05.000Z',
			start_seconds: null,
			end_seconds: null,
		});
		expect(event.data).toEqual(v1CallSnake.data);
	});

	test('camelCase gives the same call', () => {
		const snake = normaliseEvent(v1CallSnake).call;
		const camel = normaliseEvent(v1CallCamel).call;
		expect(camel).toEqual({ ...snake, transcript: [] });
	});

	test('the older body envelope, call_category and zone-less dates', () => {
		const event = normaliseEvent(v1CallBody);
		expect(event.topic).toBe('call.completed');
		expect(event.call).toMatchObject({
			direction: 'OUTBOUND',
			allo_number: '+14155550100',
			contact_number: '+14155551234',
			start_date: '2024-01-15T10:30:00.000Z',
			tag: 'support',
		});
		expect(event.occurred_at).toBe('2024-01-15T10:30:00.000Z');
	});

	test('a raw body as text or bytes', () => {
		const text = JSON.stringify(v1CallSnake);
		expect(normaliseEvent(text)).toEqual(normaliseEvent(v1CallSnake));
		expect(normaliseEvent(new TextEncoder().encode(text))).toEqual(normaliseEvent(v1CallSnake));
	});
});

describe('v1 SMS and contact webhooks', () => {
	const received = {
		topic: 'SMS_RECEIVED',
		data: {
			direction: 'INBOUND',
			type: 'SMS',
			content: 'Hello, I wanted to check the status of my order.',
			sent_at: '2025-09-15T16:50:00Z',
			from_number: '+15555555555',
			to_number: '+16666666666',
			from_name: 'John Doe',
			to_name: 'Allô Support',
		},
	};

	test('SMS_RECEIVED', () => {
		const event = normaliseEvent(received);
		expect(event).toMatchObject({
			topic: 'sms.received',
			v1_topic: 'SMS_RECEIVED',
			seed_topic: 'SMS_RECEIVED',
			allo_number: '+16666666666',
		});
		expect(event.message).toMatchObject({
			direction: 'INBOUND',
			message_type: 'SMS',
			allo_number: '+16666666666',
			contact_number: '+15555555555',
			content: 'Hello, I wanted to check the status of my order.',
			sent_at: '2025-09-15T16:50:00.000Z',
		});
		expect(event.call).toBeNull();
	});

	test('the direction comes from the topic when the payload only gives the message type', () => {
		const { direction: _, ...withoutDirection } = received.data;
		expect(_).toBe('INBOUND');
		const inbound = normaliseEvent({ topic: 'SMS_RECEIVED', body: withoutDirection });
		expect(inbound.message).toMatchObject({
			direction: 'INBOUND',
			message_type: 'SMS',
			allo_number: '+16666666666',
		});
		const outbound = normaliseEvent({
			topic: 'SMS_SENT',
			data: { ...withoutDirection, from_number: '+16666666666', to_number: '+15555555555' },
		});
		expect(outbound.message).toMatchObject({
			direction: 'OUTBOUND',
			allo_number: '+16666666666',
			contact_number: '+15555555555',
		});
	});

	test('camelCase SMS payloads', () => {
		const event = normaliseEvent({
			topic: 'SMS_SENT',
			data: {
				fromNumber: '+16666666666',
				toNumber: '+15555555555',
				content: 'On its way',
				sentAt: '2025-09-15T16:55:00',
			},
		});
		expect(event.message).toMatchObject({
			direction: 'OUTBOUND',
			from_number: '+16666666666',
			to_number: '+15555555555',
			allo_number: '+16666666666',
			sent_at: '2025-09-15T16:55:00.000Z',
		});
	});

	test('CONTACT_CREATED with the company as a string', () => {
		const event = normaliseEvent({
			topic: 'CONTACT_CREATED',
			data: {
				id: 'cnt_1',
				name: 'Jane',
				last_name: 'Doe',
				company: 'Acme',
				emails: ['jane@example.com'],
				numbers: ['+14155551234'],
			},
		});
		expect(event).toMatchObject({ topic: 'contact.created', event: 'Contact Created' });
		expect(event.contact).toMatchObject({
			id: 'cnt_1',
			full_name: 'Jane Doe',
			company_name: 'Acme',
			emails: ['jane@example.com'],
			numbers: ['+14155551234'],
		});
	});
});

describe('v2 webhooks', () => {
	test('the v2 envelope', () => {
		const event = normaliseEvent(
			{
				topic: 'call.completed',
				version: '2.0',
				timestamp: '2025-03-15T14:30:45.123456Z',
				data: {
					id: 'cll_2NfDKEm9sF8xK3pQr1Zt',
					from_number: '+33612345678',
					to: '+33112345678',
					type: 'INBOUND',
					result: 'ANSWERED',
					summary: 'Customer called about a refund.',
					tags: ['billing', 'refund'],
					person: { id: 'per-1', name: 'Marie', last_name: 'Curie', numbers: ['+33612345678'] },
				},
			},
			'msg_2NfDKEm9sF8xK3pQr1Zt',
		);
		expect(event).toMatchObject({
			event_id: 'msg_2NfDKEm9sF8xK3pQr1Zt',
			topic: 'call.completed',
			v1_topic: 'CALL_RECEIVED',
			seed_topic: 'CALL_RECEIVED',
			api_version: 'v2',
			occurred_at: '2025-03-15T14:30:45.123Z',
			allo_number: '+33112345678',
		});
		expect(event.call).toMatchObject({
			id: 'cll_2NfDKEm9sF8xK3pQr1Zt',
			result: 'ANSWERED',
			tag: 'billing',
			tags: ['billing', 'refund'],
		});
		expect(event.contact).toMatchObject({ id: 'per-1', full_name: 'Marie Curie' });
	});

	test('v2-only topics: the implied direction, tags and unknown topics', () => {
		const ringing = normaliseEvent({
			topic: 'call.received',
			version: '2.0',
			data: {
				from_number: '+14155551234',
				to_number: '+14155550100',
				started_at: '2026-01-15T10:00:00Z',
			},
		});
		expect(ringing).toMatchObject({
			event: 'Incoming Call Ringing',
			v1_topic: null,
			seed_topic: null,
			allo_number: '+14155550100',
		});
		expect(ringing.call).toMatchObject({
			direction: 'INBOUND',
			start_date: '2026-01-15T10:00:00.000Z',
		});

		const tag = normaliseEvent({ topic: 'tag.added', version: '2.0', data: { tag: 'vip' } });
		expect(tag).toMatchObject({ topic: 'tag.added', tag: 'vip', call: null, message: null });

		const unknown = normaliseEvent({ topic: 'deal.won', version: '2.0', data: { id: 'deal-1' } });
		expect(unknown).toMatchObject({
			topic: 'deal.won',
			event: 'deal.won',
			v1_topic: null,
			seed_topic: null,
			call: null,
		});
	});

	test('events match the chosen Allo numbers', () => {
		const event = normaliseEvent(v1CallSnake);
		expect(eventMatchesNumbers(event, [])).toBe(true);
		expect(eventMatchesNumbers(event, ['+14155550100'])).toBe(true);
		expect(eventMatchesNumbers(event, ['+14155559999'])).toBe(false);
	});
});

describe('topic mapping between v1 and v2', () => {
	test.each([
		['CALL_RECEIVED', 'call.completed'],
		['SMS_RECEIVED', 'sms.received'],
		['SMS_SENT', 'sms.sent'],
		['CONTACT_CREATED', 'contact.created'],
		['CONTACT_UPDATED', 'contact.updated'],
	] as const)('%s ↔ %s', (seed, v2) => {
		expect(toV2Topic(seed)).toBe(v2);
		expect(toV1Topic(v2)).toBe(seed);
		expect(toV2Topic(v2)).toBe(v2);
		expect(eventForTopic(seed)).toBe(eventForTopic(v2));
	});

	test('every topic has one event, and v2-only topics have no seed topic', () => {
		expect(EVENTS.map((event) => event.topic).sort()).toEqual([...V2_TOPICS].sort());
		expect(
			EVENTS.filter((event) => event.v1Topic)
				.map((event) => event.v1Topic)
				.sort(),
		).toEqual([...V1_TOPICS].sort());
		expect(toV1Topic('call.answered')).toBeUndefined();
		expect(topicsFor('v1')).toEqual(V1_TOPICS);
		expect(topicsFor('v2')).toEqual(V2_TOPICS);
	});
});

describe('records', () => {
	test('zone-less dates become ISO with Z; zoned and epoch dates are converted to UTC', () => {
		expect(toIsoDate('2024-01-15T10:30:00')).toBe('2024-01-15T10:30:00.000Z');
		expect(toIsoDate('2024-01-15T10:30:00.5')).toBe('2024-01-15T10:30:00.500Z');
		// Checked under TZ=America/Los_Angeles too: a space instead of T must not mean local time.
		expect(toIsoDate('2024-01-15 10:30:00')).toBe('2024-01-15T10:30:00.000Z');
		expect(toIsoDate('2024-01-15T12:30:00+02:00')).toBe('2024-01-15T10:30:00.000Z');
		expect(toIsoDate('2024-01-15T10:30:00z')).toBe('2024-01-15T10:30:00.000Z');
		expect(toIsoDate(1705314600)).toBe('2024-01-15T10:30:00.000Z');
		expect(toIsoDate(1705314600000)).toBe('2024-01-15T10:30:00.000Z');
		expect(toIsoDate('')).toBeNull();
		expect(toIsoDate(null)).toBeNull();
	});

	test('a v1 contact from the list, with zone-less dates', () => {
		const contact = normaliseContact({
			id: 'cnt_abc123',
			name: 'John',
			last_name: 'Doe',
			company: { name: 'Acme Corp', id: 'com_xyz789' },
			job_title: 'Manager',
			website: null,
			is_archived: false,
			created_at: '2024-01-10T08:00:00',
			updated_at: '2024-01-15T10:30:00',
			numbers: ['+1234567890'],
			last_activity_date: '2024-01-15T10:30:00',
			engagement: 'ENGAGED',
		});
		expect(contact).toMatchObject({
			full_name: 'John Doe',
			company_name: 'Acme Corp',
			company_id: 'com_xyz789',
			website: null,
			emails: [],
			created_at: '2024-01-10T08:00:00.000Z',
			updated_at: '2024-01-15T10:30:00.000Z',
			last_activity_date: '2024-01-15T10:30:00.000Z',
			is_archived: false,
		});
	});

	test('a v2 conversation item call uses allo_number and contact_number', () => {
		const call = normaliseCall({
			id: 'cll-1',
			direction: 'OUTBOUND',
			allo_number: '+14155550100',
			contact_number: '+14155551234',
			start_date: '2026-01-15T09:00:00',
			duration: 90,
			transcript: [{ source: 'USER', text: 'Hi', start_seconds: 1, end_seconds: 2.5 }],
		});
		expect(call).toMatchObject({
			direction: 'OUTBOUND',
			from_number: '+14155550100',
			to_number: '+14155551234',
			start_date: '2026-01-15T09:00:00.000Z',
			length_in_minutes: 1.5,
			transcript_text: 'USER: Hi',
		});
		expect(call.transcript[0]).toMatchObject({ start_seconds: 1, end_seconds: 2.5 });
	});

	test('a sent SMS from a sender ID', () => {
		const message = normaliseMessage({
			direction: 'OUTBOUND',
			sender_id: 'MyShop',
			to_number: '+33612345678',
			content: 'Bonjour',
			start_date: '2026-01-15T09:00:00',
		});
		expect(message).toMatchObject({
			// A sender ID is not an Allo number: it stays in sender_id.
			allo_number: null,
			sender_id: 'MyShop',
			contact_number: '+33612345678',
			sent_at: '2026-01-15T09:00:00.000Z',
		});
	});

	test('webhooks never carry the signing secret', () => {
		const webhook = normaliseWebhook(
			{
				id: 'web-1',
				alloNumber: '+14155550100',
				url: 'https://example.com/hook',
				topics: ['CALL_RECEIVED'],
				signing_secret: 'whsec_c2VjcmV0',
			},
			'v1',
		);
		expect(webhook).toMatchObject({ id: 'web-1', allo_number: '+14155550100', enabled: true });
		expect(JSON.stringify(webhook)).not.toContain('whsec_');
	});
});
