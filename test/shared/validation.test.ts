import type nock from 'nock';
import { AlloError } from '../../shared/http/errors';
import { getCall } from '../../shared/operations/call/get';
import { createContact } from '../../shared/operations/contact/create';
import { updateContact } from '../../shared/operations/contact/update';
import { runOperation } from '../../shared/operations/run';
import { sendSms } from '../../shared/operations/sms/send';
import type { OperationDeclaration } from '../../shared/operations/types';
import { createWebhook } from '../../shared/operations/webhook/create';
import { parseDateTime } from '../../shared/validation/time';
import { allo, alloClient } from '../support/allo';

const sent = {
	data: { from_number: '+14155550100', to_number: '+14155551234', content: 'Hi' },
};

/** Every endpoint an input check guards; a request to any of them would be a failure. */
function guardScope(): nock.Scope {
	return allo()
		.post('/v1/api/sms')
		.reply(200, sent)
		.post('/v1/api/contacts')
		.reply(200, { data: {} })
		.put(/\/v1\/api\/contacts\/.*/)
		.reply(200, { data: {} })
		.get(/.*/)
		.reply(200, { data: {} })
		.post('/v2/api/webhooks')
		.reply(201, { data: {} })
		.post('/v1/api/webhooks')
		.reply(200, { data: {} });
}

/** Runs an operation expecting an input error naming `field`, with no request sent. */
async function rejectsBeforeAnyRequest(
	operation: OperationDeclaration,
	input: Record<string, unknown>,
	field: string,
): Promise<AlloError> {
	const scope = guardScope();
	const pending = scope.pendingMocks().length;
	const { client, transport } = alloClient();
	const outcome = await runOperation(operation, client, input).then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(outcome).toBeInstanceOf(AlloError);
	const error = outcome as AlloError;
	expect(error).toMatchObject({ kind: 'invalidInput', code: 'INVALID_INPUT', field });
	expect(error.fix.length).toBeGreaterThan(10);
	expect(transport.requests).toHaveLength(0);
	expect(scope.pendingMocks()).toHaveLength(pending);
	return error;
}

describe('Send SMS checks its input before any request', () => {
	const usText = { from: '+14155550100', to: '+14155551234', message: 'Your order shipped' };

	test('a US number to a US number is sent (the guard sees requests)', async () => {
		const scope = allo()
			.post('/v1/api/sms', {
				from: '+14155550100',
				to: '+14155551234',
				message: 'Your order shipped',
			})
			.reply(200, sent);
		const { client } = alloClient();
		const [message] = await runOperation(sendSms, client, { ...usText, to: '+1 (415) 555-1234' });
		expect(scope.isDone()).toBe(true);
		expect(message).toMatchObject({ direction: 'OUTBOUND', contact_number: '+14155551234' });
	});

	test('a US number to a UK number is refused, naming the To field and the rule', async () => {
		const error = await rejectsBeforeAnyRequest(sendSms, { ...usText, to: '+447911123456' }, 'to');
		expect(error.message).toContain('+447911123456');
		expect(error.message).toContain('different country');
		expect(error.fix).toContain('+1');
	});

	test('a US number to a French number is refused with the way that works: the sender ID', async () => {
		const error = await rejectsBeforeAnyRequest(sendSms, { ...usText, to: '+33612345678' }, 'to');
		expect(error.message).toContain('different country');
		// An Allo number in France cannot text through the API: only a sender ID reaches +33.
		expect(error.fix).toContain('sender ID');
		expect(error.fix).not.toContain("Allo number in the recipient's country");
	});

	test('message length is counted in characters, as Allo counts them: an emoji is one', async () => {
		const scope = allo()
			.post('/v1/api/sms', { ...usText, message: '📦'.repeat(1000) })
			.reply(200, sent);
		const { client } = alloClient();
		await runOperation(sendSms, client, { ...usText, message: '📦'.repeat(1000) });
		expect(scope.isDone()).toBe(true);
		const error = await rejectsBeforeAnyRequest(
			sendSms,
			{ ...usText, message: '📦'.repeat(1001) },
			'message',
		);
		expect(error.message).toBe('Message is 1001 characters long');
	});

	test('a French number to a US number is refused', async () => {
		await rejectsBeforeAnyRequest(
			sendSms,
			{ from: '+33612345678', to: '+14155551234', message: 'Bonjour' },
			'to',
		);
	});

	test('a French sender ID to a French number is sent', async () => {
		const scope = allo()
			.post('/v1/api/sms', { sender_id: 'MyShop', to: '+33612345678', message: 'Bonjour' })
			.reply(200, {
				data: { sender_id: 'MyShop', to_number: '+33612345678', content: 'Bonjour' },
			});
		const { client } = alloClient();
		const [message] = await runOperation(sendSms, client, {
			sender: 'senderId',
			senderId: 'MyShop',
			to: '+33 6 12 34 56 78',
			message: 'Bonjour',
		});
		expect(scope.isDone()).toBe(true);
		expect(message).toMatchObject({
			sender_id: 'MyShop',
			allo_number: null,
			to_number: '+33612345678',
		});
	});

	test('a sender ID to a non-French number is refused, naming the To field', async () => {
		const error = await rejectsBeforeAnyRequest(
			sendSms,
			{ sender: 'senderId', senderId: 'MyShop', to: '+14155551234', message: 'Hi' },
			'to',
		);
		expect(error.fix).toContain('+33');
	});

	test.each(['Ab1', 'MyShop', 'Shop2026', 'ABCDEFGHIJK'])(
		'sender ID %j is accepted',
		async (senderId) => {
			const scope = allo()
				.post('/v1/api/sms')
				.reply(200, { data: { id: 'msg-3' } });
			const { client } = alloClient();
			await runOperation(sendSms, client, {
				sender: 'senderId',
				senderId,
				to: '+33612345678',
				message: 'Hi',
			});
			expect(scope.isDone()).toBe(true);
		},
	);

	test.each([
		['AB', 'too short'],
		['ABCDEFGHIJKL', 'too long'],
		['12345', 'no letter'],
		['My Shop', 'space'],
		['Shop!', 'punctuation'],
		['Café', 'accent'],
	])('sender ID %j is refused (%s)', async (senderId) => {
		await rejectsBeforeAnyRequest(
			sendSms,
			{ sender: 'senderId', senderId, to: '+33612345678', message: 'Hi' },
			'senderId',
		);
	});

	test('a message of 1 and of 1000 characters is sent', async () => {
		const scope = allo().post('/v1/api/sms').twice().reply(200, sent);
		const { client } = alloClient();
		await runOperation(sendSms, client, { ...usText, message: 'k' });
		await runOperation(sendSms, client, { ...usText, message: 'x'.repeat(1000) });
		expect(scope.isDone()).toBe(true);
	});

	test('a message of 1001 characters is refused, saying its length', async () => {
		const error = await rejectsBeforeAnyRequest(
			sendSms,
			{ ...usText, message: 'x'.repeat(1001) },
			'message',
		);
		expect(error.message).toContain('1001');
		expect(error.fix).toContain('1000');
	});

	test.each(['', '   \n'])('an empty message %j is refused', async (message) => {
		await rejectsBeforeAnyRequest(sendSms, { ...usText, message }, 'message');
	});

	test.each(['from', 'to', 'message'])('a missing %s is refused, naming it', async (field) => {
		const input: Record<string, unknown> = { ...usText };
		delete input[field];
		const error = await rejectsBeforeAnyRequest(sendSms, input, field);
		expect(error.message).toContain('is required');
	});

	test('a missing sender ID is refused when sending with one', async () => {
		await rejectsBeforeAnyRequest(
			sendSms,
			{ sender: 'senderId', to: '+33612345678', message: 'Hi' },
			'senderId',
		);
	});

	test('an unknown sender choice is refused', async () => {
		await rejectsBeforeAnyRequest(sendSms, { ...usText, sender: 'carrierPigeon' }, 'sender');
	});
});

describe('other operations check required fields and formats before any request', () => {
	test('Get Call needs a call ID', async () => {
		await rejectsBeforeAnyRequest(getCall, {}, 'callId');
		await rejectsBeforeAnyRequest(getCall, { callId: '   ' }, 'callId');
	});

	test('Create Contact needs a phone number, and valid ones', async () => {
		await rejectsBeforeAnyRequest(createContact, { firstName: 'Jane' }, 'numbers');
		await rejectsBeforeAnyRequest(createContact, { numbers: [] }, 'numbers');
		await rejectsBeforeAnyRequest(
			createContact,
			{ numbers: '+14155551234, +1 415 555' },
			'numbers',
		);
	});

	test('Create Contact refuses a bad email, naming the field', async () => {
		await rejectsBeforeAnyRequest(
			createContact,
			{ numbers: '+14155551234', emails: 'jane@example.com, jane at example' },
			'emails',
		);
	});

	test('Update Contact with nothing to change is refused', async () => {
		await rejectsBeforeAnyRequest(updateContact, { contactId: 'cnt_abc123' }, 'updateFields');
	});
});

describe('Create Webhook checks topics and URL before any request', () => {
	const v2Webhook = {
		api: 'v2',
		url: 'https://example.com/webhooks/allo',
		topics: ['call.completed', 'sms.received'],
	};

	test('known topics and an HTTPS URL are registered', async () => {
		const scope = allo()
			.post('/v2/api/webhooks', { url: v2Webhook.url, topics: v2Webhook.topics })
			.reply(201, {
				data: {
					id: 'ep_1',
					url: v2Webhook.url,
					topics: v2Webhook.topics,
					signing_secret: 'whsec_c2VjcmV0',
				},
			});
		const { client } = alloClient();
		const [webhook] = await runOperation(createWebhook, client, v2Webhook);
		expect(scope.isDone()).toBe(true);
		expect(webhook).toMatchObject({ id: 'ep_1', topics: v2Webhook.topics });
		expect(JSON.stringify(webhook)).not.toContain('whsec_');
	});

	test('an unknown v2 topic is refused, naming it', async () => {
		const error = await rejectsBeforeAnyRequest(
			createWebhook,
			{ ...v2Webhook, topics: ['call.completed', 'call.exploded'] },
			'topics',
		);
		expect(error.message).toContain('call.exploded');
		expect(error.fix).toContain('call.completed');
	});

	test('a v2 topic on a v1 webhook is refused', async () => {
		await rejectsBeforeAnyRequest(
			createWebhook,
			{ api: 'v1', url: v2Webhook.url, topicsV1: ['call.completed'], alloNumber: '+14155550100' },
			'topicsV1',
		);
	});

	test('no topics at all is refused', async () => {
		await rejectsBeforeAnyRequest(createWebhook, { ...v2Webhook, topics: [] }, 'topics');
	});

	test('a v1 webhook needs its Allo number', async () => {
		await rejectsBeforeAnyRequest(
			createWebhook,
			{ api: 'v1', url: v2Webhook.url, topicsV1: ['CALL_RECEIVED'] },
			'alloNumber',
		);
	});

	test.each([
		'http://example.com/webhooks/allo',
		'example.com/webhooks',
		'ftp://example.com/x',
		'not a url',
	])('the URL %j is refused', async (url) => {
		const error = await rejectsBeforeAnyRequest(createWebhook, { ...v2Webhook, url }, 'url');
		expect(error.fix).toContain('HTTPS');
	});
});

describe('dates without a zone', () => {
	test.each([
		['2026-12-01 12:00', 'America/New_York', '2026-12-01T17:00:00.000Z'],
		['2026-07-01T12:00:00', 'America/New_York', '2026-07-01T16:00:00.000Z'],
		['2026-03-29T03:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'],
		['2026-12-01', 'Asia/Tokyo', '2026-11-30T15:00:00.000Z'],
		['2026-12-01T12:00:00Z', 'America/New_York', '2026-12-01T12:00:00.000Z'],
		['2026-12-01T12:00:00+02:00', 'America/New_York', '2026-12-01T10:00:00.000Z'],
	])('%s in %s is %s', (text, timeZone, iso) => {
		expect(new Date(parseDateTime(text, timeZone)).toISOString()).toBe(iso);
	});

	test('are UTC when the platform gives no time zone (Zapier)', () => {
		expect(new Date(parseDateTime('2026-12-01 12:00')).toISOString()).toBe(
			'2026-12-01T12:00:00.000Z',
		);
	});
});
