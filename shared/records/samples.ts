import { normaliseCall } from './call';
import { normaliseContact } from './contact';
import { normaliseMessage, normaliseSentMessage } from './message';
import { normalisePhoneNumber, normaliseWebhook } from './misc';

/** Example records, made by the normalisers from Allo-shaped payloads so they never drift. */

export const sampleCall = normaliseCall({
	id: 'cll_2NfDKEm9sF8xK3pQr1Zt',
	from_number: '+14155551234',
	to_number: '+14155550100',
	length_in_minutes: 5.5,
	type: 'INBOUND',
	result: 'ANSWERED',
	summary: 'Customer called about order status and delivery timeline.',
	one_sentence_summary: 'Order status inquiry',
	tag: 'support',
	recording_url: 'https://api.withallo.com/v1/assets/recordings/cll_2NfDKEm9sF8xK3pQr1Zt.mp3',
	start_date: '2026-01-15T10:30:00Z',
	transcript: [
		{
			source: 'USER',
			text: 'Hello, how can I help you today?',
			time: '2026-01-15T10:30:05Z',
			start_seconds: 5,
			end_seconds: 8.5,
		},
		{
			source: 'EXTERNAL',
			text: "Hi, I'm calling about my order.",
			time: '2026-01-15T10:30:10Z',
			start_seconds: 10,
			end_seconds: 14,
		},
	],
});

export const sampleContact = normaliseContact({
	id: 'cnt_abc123',
	name: 'Jane',
	last_name: 'Doe',
	numbers: ['+14155551234'],
	emails: ['jane@example.com'],
	company: { name: 'Acme Corp', id: 'com_xyz789' },
	job_title: 'Head of Sales',
	website: 'https://example.com',
	engagement: 'ENGAGED',
	last_activity_date: '2026-01-15T10:30:00Z',
	created_at: '2026-01-10T08:00:00Z',
	updated_at: '2026-01-15T10:30:00Z',
	is_archived: false,
});

export const sampleMessage = normaliseMessage({
	id: 'msg-2NfDKEm9sF8xK3pQr1Zt',
	direction: 'OUTBOUND',
	from_number: '+14155550100',
	to_number: '+14155551234',
	content: 'Thanks for your call! Your order ships today.',
	sent_at: '2026-01-15T11:00:00Z',
});

/** What Send returns, shaped like Allo's answer to POST /v1/api/sms. */
export const sampleSentMessage = normaliseSentMessage({
	from_number: '+14155550100',
	sender_id: null,
	to_number: '+14155551234',
	type: 'OUTBOUND',
	content: 'Thanks for your call! Your order ships today.',
	start_date: '2026-01-15T11:00:00',
});

/** The same, sent from a French sender ID. */
export const sampleSentMessageFrance = normaliseSentMessage({
	from_number: null,
	sender_id: 'MyShop',
	to_number: '+33612345678',
	type: 'OUTBOUND',
	content: 'Votre commande est en route 📦',
	start_date: '2026-01-15T11:00:00',
});

export const samplePhoneNumber = normalisePhoneNumber({
	number: '+14155550100',
	name: 'Main Line',
	country: 'US',
	is_shared_number: false,
});

export const sampleWebhook = normaliseWebhook(
	{
		id: 'ep_2NfDKEm9sF8xK3pQr1Zt',
		url: 'https://example.com/webhooks/allo',
		topics: ['call.completed', 'sms.received'],
		description: 'Production event stream',
		enabled: true,
		created_at: '2026-04-21T14:30:00Z',
	},
	'v2',
);
