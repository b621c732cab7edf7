import { isMatch } from 'lodash';
import { EVENTS, normaliseCall, normaliseEvent, type AlloEvent } from '../../shared';
import { createReceiver, type Receiver, type Sandbox } from '../../sandbox';
import { startSandbox } from '../support/sandbox';
import { failure, run, type Rec } from '../zapier/helpers';
import { connection, rawRequest } from './harness';

const MAIN_LINE = '+14155550100';
const CALLER = '+16282000000';
const NEW_NUMBER = '+14155559876';

let sandbox: Sandbox;
let receiver: Receiver;
let authData: Record<string, string>;

beforeAll(async () => {
	sandbox = await startSandbox({ webhookRetryDelaysMs: [20, 20] });
	authData = connection(sandbox);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
	sandbox.control.reset();
	receiver = await createReceiver();
});
afterEach(() => receiver.close());

interface HookCase {
	key: string;
	topic: string;
	/** The record of the event, as the core normalises a delivery. */
	record: (event: AlloEvent) => object | null;
	/** Makes the sandbox fire the event; returns the id of its record. */
	fire: () => Promise<string>;
	expected: Rec;
}

const cases: HookCase[] = [
	{
		key: 'new_call',
		topic: 'call.completed',
		record: (event) => event.call,
		fire: async () =>
			sandbox.control.simulateCall({
				from: CALLER,
				to: MAIN_LINE,
				summary: 'Asked about delivery times.',
			}).id,
		expected: {
			direction: 'INBOUND',
			allo_number: MAIN_LINE,
			contact_number: CALLER,
			summary: 'Asked about delivery times.',
		},
	},
	{
		key: 'new_inbound_sms',
		topic: 'sms.received',
		record: (event) => event.message,
		fire: async () =>
			sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Is it shipped?' })
				.id,
		expected: {
			direction: 'INBOUND',
			from_number: CALLER,
			to_number: MAIN_LINE,
			allo_number: MAIN_LINE,
			contact_number: CALLER,
			content: 'Is it shipped?',
		},
	},
	{
		key: 'new_contact',
		topic: 'contact.created',
		record: (event) => event.contact,
		// The contact comes from the app's own Create Contact action.
		fire: async () =>
			(
				await run('creates.create_contact.operation.perform', {
					authData,
					inputData: { numbers: [NEW_NUMBER], firstName: 'Nora' },
				})
			).id as string,
		expected: { name: 'Nora', numbers: [NEW_NUMBER] },
	},
	{
		key: 'new_voicemail',
		topic: 'call.completed',
		record: (event) => event.call,
		fire: async () =>
			sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE, result: 'VOICEMAIL' }).id,
		expected: { direction: 'INBOUND', result: 'VOICEMAIL', contact_number: CALLER },
	},
	{
		key: 'new_missed_call',
		topic: 'call.completed',
		record: (event) => event.call,
		fire: async () =>
			sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE, result: 'VOICEMAIL' }).id,
		expected: { direction: 'INBOUND', result: 'VOICEMAIL', allo_number: MAIN_LINE },
	},
	{
		key: 'tag_added',
		topic: 'tag.added',
		record: (event) => ({ ...normaliseCall(event.data), tag: event.tag }),
		// The tag comes from the app's own Add Tags to Call action.
		fire: async () => {
			const { id } = sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE, tags: [] });
			await run('creates.add_tags_to_call.operation.perform', {
				authData,
				inputData: { callId: id, tags: ['billing'] },
			});
			return id;
		},
		expected: { tag: 'billing', contact_number: CALLER },
	},
];

type SubscribeData = { id: string; signing_secret: string };
type Received = Receiver['received'][number];

const hookStep = (key: string, name: string) => `triggers.${key}.operation.${name}`;

/** Zapier turning a Zap on: the trigger subscribes the Zap's own hook URL. */
async function subscribeZap(key: string, targetUrl: string) {
	const subscribeData = await run<SubscribeData>(hookStep(key, 'performSubscribe'), {
		authData,
		inputData: {},
		targetUrl,
	});
	expect(subscribeData).toEqual({
		id: expect.any(String),
		signing_secret: expect.stringMatching(/^whsec_/),
	});
	return subscribeData;
}

/** Zapier handing a delivery that reached the Zap's hook URL to the trigger. */
const perform = (key: string, subscribeData: SubscribeData, received: Received) =>
	run<Rec[]>(hookStep(key, 'perform'), {
		authData,
		inputData: {},
		subscribeData,
		rawRequest: rawRequest(received),
		cleanedRequest: received.body as Rec,
	});

describe.each(cases)('$key: a REST hook round trip through the sandbox', (hook) => {
	const method = (name: string) => hookStep(hook.key, name);
	const label = EVENTS.find((event) => event.topic === hook.topic)?.label;

	/** The deliveries the sandbox made to this Zap's webhook, as Zapier would receive them. */
	const deliveriesTo = (subscribeData: SubscribeData) =>
		sandbox.control
			.deliveries()
			.filter((delivery) => delivery.webhook_id === subscribeData.id)
			.map((delivery) => ({
				delivery,
				received: receiver.received.filter(
					(received) => received.headers['webhook-id'] === delivery.id,
				),
			}));

	it('subscribes, turns the signed delivery into the normalised record, lists alike, unsubscribes', async () => {
		const targetUrl = `${receiver.url}/zap/${hook.key}`;
		const subscribeData = await subscribeZap(hook.key, targetUrl);
		expect(sandbox.control.webhooks().v2).toEqual([
			expect.objectContaining({ id: subscribeData.id, url: targetUrl, topics: [hook.topic] }),
		]);

		const recordId = await hook.fire();
		await sandbox.control.idle();
		const deliveries = deliveriesTo(subscribeData);
		expect(deliveries).toEqual([
			{
				delivery: expect.objectContaining({ api: 'v2', topic: hook.topic, status: 'delivered' }),
				received: [expect.objectContaining({ path: `/zap/${hook.key}` })],
			},
		]);
		const [{ delivery, received }] = deliveries;

		const output = await perform(hook.key, subscribeData, received[0]);
		const event = normaliseEvent(JSON.parse(received[0].rawBody), delivery.id);
		expect(output).toEqual([
			{
				...hook.record(event),
				event_id: delivery.id,
				topic: hook.topic,
				event: label,
				occurred_at: event.occurred_at,
			},
		]);
		expect(output[0]).toMatchObject({ id: recordId, ...hook.expected });
		expect(output[0].occurred_at).toEqual(expect.stringMatching(/Z$/));
		expect(JSON.stringify(output)).not.toContain(subscribeData.signing_secret);

		const polled = await run<Rec[]>(method('performList'), { authData, inputData: {} });
		// Listed records carry the id Zapier dedupes on, the same as the delivery's.
		const listed = polled.filter((record) => isMatch(record, { ...hook.expected, id: recordId }));
		expect(listed).toHaveLength(1);
		expect(Object.keys(listed[0]).sort()).toEqual(Object.keys(output[0]).sort());

		await expect(run(method('performUnsubscribe'), { authData, subscribeData })).resolves.toEqual({
			id: subscribeData.id,
		});
		expect(sandbox.control.webhooks().v2).toEqual([]);
	});
});

describe('deliveries a Zap has seen or cannot trust', () => {
	const KEY = 'new_inbound_sms';

	it('runs once when the sandbox redelivers after a failed attempt', async () => {
		await receiver.close();
		receiver = await createReceiver({ status: (arrival) => (arrival === 1 ? 500 : 200) });
		const subscribeData = await subscribeZap(KEY, `${receiver.url}/zap`);
		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Hello?' });
		await sandbox.control.idle();

		expect(sandbox.control.deliveries()).toMatchObject([
			{ status: 'delivered', attempts: [{ status_code: 500 }, { status_code: 200 }] },
		]);
		expect(receiver.received).toHaveLength(2);
		const outputs: Rec[][] = [];
		for (const received of receiver.received)
			outputs.push(await perform(KEY, subscribeData, received));
		expect(outputs.map((output) => output.length)).toEqual([1, 0]);
	});

	it('refuses a delivery signed for another Zap', async () => {
		const mine = await subscribeZap(KEY, `${receiver.url}/mine`);
		await subscribeZap(KEY, `${receiver.url}/other`);
		sandbox.control.simulateInboundSms({ from: CALLER, to: MAIN_LINE, content: 'Hello?' });
		await sandbox.control.idle();

		const other = receiver.received.find((received) => received.path === '/other');
		expect(other).toBeDefined();
		const error = await failure(perform(KEY, mine, other!));
		expect(error.name).toBe('HaltedError');
		expect(error.message).toContain('does not carry a valid Allo signature');
	});
});
