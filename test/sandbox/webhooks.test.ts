import { Webhook } from 'standardwebhooks';
import {
	enableWebhook,
	normaliseEvent,
	runOperation,
	subscribe,
	verifySignature,
	type AlloClient,
} from '../../shared';
import { createContact, sendSms, updateContact } from '../../shared/operations';
import { createReceiver, type Receiver, type Sandbox } from '../../sandbox';
import { clientFor, startSandbox } from '../support/sandbox';

const MAIN_LINE = '+14155550100';
const SUPPORT_LINE = '+14155550101';
const CALLER = '+16282000000';

let sandbox: Sandbox;
let client: AlloClient;
let receiver: Receiver;

const header = (headers: Record<string, string | string[] | undefined>, name: string) =>
	headers[name] as string;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [20, 20] });
	client = clientFor(sandbox).client;
});
afterAll(() => sandbox.close());

beforeEach(async () => {
	sandbox.control.reset();
	receiver = await createReceiver();
});
afterEach(() => receiver.close());

describe('v2 webhooks: workspace-wide, Standard Webhooks signed', () => {
	async function subscribeV2(topics: string[]) {
		const { webhook, signingSecret } = await subscribe(client, {
			api: 'v2',
			url: `${receiver.url}/allo`,
			topics,
		});
		expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
		return { webhook, secret: signingSecret as string };
	}

	it('delivers sms.sent when the core sends a text, signed so the core’s verifier accepts it', async () => {
		const { secret } = await subscribeV2(['sms.sent']);
		await runOperation(sendSms, client, {
			from: MAIN_LINE,
			to: CALLER,
			message: 'Your order shipped',
		});
		await sandbox.control.idle();

		expect(receiver.received).toHaveLength(1);
		const [delivery] = receiver.received;
		expect(delivery.path).toBe('/allo');
		const id = header(delivery.headers, 'webhook-id');
		expect(id).toMatch(/^msg_/);
		expect(
			verifySignature({ headers: delivery.headers, rawBody: delivery.rawBody, secret }),
		).toEqual({
			valid: true,
			id,
			timestamp: Number(header(delivery.headers, 'webhook-timestamp')),
		});
		// The reference implementation agrees.
		expect(() =>
			new Webhook(secret).verify(delivery.rawBody, delivery.headers as Record<string, string>),
		).not.toThrow();
		expect(
			verifySignature({ headers: delivery.headers, rawBody: `${delivery.rawBody} `, secret }),
		).toEqual({ valid: false, reason: 'noMatch' });

		const event = normaliseEvent(delivery.body, id);
		expect(event).toMatchObject({
			event_id: id,
			topic: 'sms.sent',
			seed_topic: 'SMS_SENT',
			api_version: 'v2',
			allo_number: MAIN_LINE,
			message: {
				direction: 'OUTBOUND',
				from_number: MAIN_LINE,
				to_number: CALLER,
				content: 'Your order shipped',
				to_name: 'Jane Doe',
			},
		});
		expect(delivery.body).toMatchObject({
			topic: 'sms.sent',
			version: '2.0',
			timestamp: expect.any(String),
		});
		expect(sandbox.control.deliveries()).toMatchObject([
			{ id, api: 'v2', topic: 'sms.sent', status: 'delivered', attempts: [{ status_code: 200 }] },
		]);
	});

	it('delivers call.received then call.completed with summary, transcript and a recording that downloads', async () => {
		const { secret } = await subscribeV2(['call.received', 'call.completed']);
		const call = sandbox.control.simulateCall({
			from: CALLER,
			to: MAIN_LINE,
			summary: 'Asked about delivery.',
		});
		await sandbox.control.idle();

		expect(receiver.received.map((d) => (d.body as { topic: string }).topic).sort()).toEqual([
			'call.completed',
			'call.received',
		]);
		for (const delivery of receiver.received) {
			expect(
				verifySignature({ headers: delivery.headers, rawBody: delivery.rawBody, secret }).valid,
			).toBe(true);
		}
		const completed = receiver.received.find(
			(d) => (d.body as { topic: string }).topic === 'call.completed',
		);
		const event = normaliseEvent(completed?.body, header(completed?.headers ?? {}, 'webhook-id'));
		expect(event.call).toMatchObject({
			id: call.id,
			direction: 'INBOUND',
			allo_number: MAIN_LINE,
			contact_number: CALLER,
			summary: 'Asked about delivery.',
			recording_url: call.recording_url,
			transcript_text: expect.stringContaining('USER: Hello'),
		});
		expect(event.contact).toMatchObject({ full_name: 'Jane Doe' });
		const recording = await client.download(event.call?.recording_url as string);
		expect(recording.contentType).toBe('audio/mpeg');
		expect([...recording.data.slice(0, 2)]).toEqual([0xff, 0xfb]);

		const ringing = receiver.received.find(
			(d) => (d.body as { topic: string }).topic === 'call.received',
		);
		expect(normaliseEvent(ringing?.body).call).toMatchObject({
			direction: 'INBOUND',
			allo_number: MAIN_LINE,
			contact_number: CALLER,
		});
	});

	it('delivers contact.created and contact.updated for contacts written through the core', async () => {
		await subscribeV2(['contact.created', 'contact.updated']);
		const [created] = await runOperation(createContact, client, {
			numbers: '+14155551234',
			firstName: 'Ada',
		});
		await runOperation(updateContact, client, { contactId: created.id, lastName: 'Lovelace' });
		await sandbox.control.idle();
		const events = receiver.received.map((d) => normaliseEvent(d.body));
		expect(events.map((e) => [e.topic, e.contact?.id, e.contact?.full_name])).toEqual([
			['contact.created', created.id, 'Ada'],
			['contact.updated', created.id, 'Ada Lovelace'],
		]);
	});

	it('retries a failed delivery with the same webhook-id and a fresh signature, until a 2xx', async () => {
		await receiver.close();
		receiver = await createReceiver({ status: (arrival) => (arrival < 3 ? 500 : 204) });
		const { secret } = await subscribeV2(['sms.received']);
		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Is it shipped?' });
		await sandbox.control.idle();

		expect(receiver.received.map((d) => d.status)).toEqual([500, 500, 204]);
		expect(new Set(receiver.received.map((d) => header(d.headers, 'webhook-id'))).size).toBe(1);
		for (const delivery of receiver.received) {
			expect(
				verifySignature({ headers: delivery.headers, rawBody: delivery.rawBody, secret }).valid,
			).toBe(true);
		}
		expect(sandbox.control.deliveries()).toMatchObject([
			{
				status: 'delivered',
				attempts: [{ status_code: 500 }, { status_code: 500 }, { status_code: 204 }],
			},
		]);
	});

	it('gives up after the configured retries', async () => {
		await receiver.close();
		receiver = await createReceiver({ status: 503 });
		await subscribeV2(['sms.received']);
		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Hello?' });
		await sandbox.control.idle();
		expect(receiver.received).toHaveLength(3);
		expect(sandbox.control.deliveries()).toMatchObject([
			{
				status: 'failed',
				attempts: [{ status_code: 503 }, { status_code: 503 }, { status_code: 503 }],
			},
		]);
	});

	it('never contacts an address outside the machine, and skips disabled or deleted webhooks', async () => {
		const outside = await subscribe(client, {
			api: 'v2',
			url: 'https://example.com/allo',
			topics: ['sms.received'],
		});
		const disabled = await subscribeV2(['sms.received']);
		const update = await fetch(`${sandbox.url}/v2/api/webhooks/${disabled.webhook.id}`, {
			method: 'PUT',
			headers: { Authorization: sandbox.apiKeys[0].key, 'Content-Type': 'application/json' },
			body: JSON.stringify({ enabled: false }),
		});
		expect(update.status).toBe(200);
		const deleted = await subscribeV2(['sms.received']);
		await client.call('deleteWebhook', { path: { webhook_id: deleted.webhook.id as string } });

		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Hi' });
		await sandbox.control.idle();
		expect(receiver.received).toEqual([]);
		expect(sandbox.control.deliveries()).toMatchObject([
			{
				webhook_id: outside.webhook.id,
				status: 'refused',
				attempts: [{ status_code: null, error: 'The sandbox delivers only to loopback addresses' }],
			},
		]);
	});

	it('lets a test delete or disable a webhook behind the integration’s back, over HTTP', async () => {
		const { webhook } = await subscribeV2(['sms.received']);
		const control = (method: string, body?: object) =>
			fetch(`${sandbox.url}/_sandbox/webhooks/${webhook.id}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body ? JSON.stringify(body) : undefined,
			});
		expect((await control('PATCH', { enabled: false })).status).toBe(204);
		expect(sandbox.control.webhooks().v2).toMatchObject([{ id: webhook.id, enabled: false }]);
		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Hi' });
		await sandbox.control.idle();
		expect(receiver.received).toEqual([]);

		await enableWebhook(client, webhook.id as string);
		expect(sandbox.control.webhooks().v2).toMatchObject([{ id: webhook.id, enabled: true }]);

		expect((await control('PATCH', { enabled: 'no' })).status).toBe(400);
		expect((await control('DELETE')).status).toBe(204);
		expect(sandbox.control.webhooks().v2).toEqual([]);
		const again = await control('DELETE');
		expect(again.status).toBe(400);
		expect(await again.json()).toEqual({ error: `No webhook ${webhook.id}` });
	});
});

describe('v1 webhooks: one Allo number, unsigned {topic, data}', () => {
	it('fires SMS_SENT for texts sent from the number, and only from it', async () => {
		await subscribe(client, {
			api: 'v1',
			alloNumber: MAIN_LINE,
			url: `${receiver.url}/v1`,
			topics: ['SMS_SENT'],
		});
		await runOperation(sendSms, client, {
			from: SUPPORT_LINE,
			to: CALLER,
			message: 'From support',
		});
		await runOperation(sendSms, client, { from: MAIN_LINE, to: CALLER, message: 'From main' });
		await sandbox.control.idle();

		expect(receiver.received).toHaveLength(1);
		const [delivery] = receiver.received;
		expect(delivery.headers['webhook-signature']).toBeUndefined();
		expect(Object.keys(delivery.body as object)).toEqual(['topic', 'data']);
		expect(normaliseEvent(delivery.body)).toMatchObject({
			event_id: null,
			topic: 'sms.sent',
			seed_topic: 'SMS_SENT',
			api_version: 'v1',
			allo_number: MAIN_LINE,
			message: { direction: 'OUTBOUND', content: 'From main', from_name: 'Main Line' },
		});
	});

	it('fires CALL_RECEIVED with the documented fields, and SMS_RECEIVED and CONTACT_CREATED', async () => {
		await subscribe(client, {
			api: 'v1',
			alloNumber: MAIN_LINE,
			url: `${receiver.url}/v1`,
			topics: ['CALL_RECEIVED', 'SMS_RECEIVED', 'CONTACT_CREATED'],
		});
		const call = sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE });
		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Thanks!' });
		await runOperation(createContact, client, { numbers: '+14155551234', firstName: 'Ada' });
		await sandbox.control.idle();

		const byTopic = Object.fromEntries(
			receiver.received.map((d) => [
				(d.body as { topic: string }).topic,
				d.body as { data: Record<string, unknown> },
			]),
		);
		expect(Object.keys(byTopic).sort()).toEqual([
			'CALL_RECEIVED',
			'CONTACT_CREATED',
			'SMS_RECEIVED',
		]);
		expect(Object.keys(byTopic.CALL_RECEIVED.data)).toEqual(
			expect.arrayContaining([
				'id',
				'start_date',
				'recording_url',
				'from_number',
				'from_name',
				'to',
				'to_name',
				'length_in_minutes',
				'length',
				'tag',
				'summary',
				'one_sentence_summary',
				'transcriptions',
				'concatenated_transcript',
				'data_collected',
				'type',
			]),
		);
		expect(normaliseEvent(byTopic.CALL_RECEIVED).call).toMatchObject({
			id: call.id,
			allo_number: MAIN_LINE,
			from_name: 'Jane Doe',
			to_name: 'Main Line',
		});
		expect(normaliseEvent(byTopic.SMS_RECEIVED).message).toMatchObject({
			direction: 'INBOUND',
			allo_number: MAIN_LINE,
			content: 'Thanks!',
		});
		expect(byTopic.CONTACT_CREATED.data).toMatchObject({
			name: 'Ada',
			company: null,
			numbers: ['+14155551234'],
		});
	});
});
