import nock from 'nock';
import type { IDataObject, IHookFunctions, INodeParameters, IWebhookFunctions } from 'n8n-workflow';
import { Webhook } from 'standardwebhooks';
import { V1_TOPICS, V2_TOPICS } from '../../shared';
import { BASE_URL } from './harness';
import { ALLO_NUMBER, CONTACT_NUMBER, SECOND_NUMBER } from './fixtures';

type Harness = typeof import('./harness');
// The trigger keeps what it remembers (deliveries, subscriptions) for the whole n8n process, as in
// n8n: every test gets a freshly loaded node, as after a restart.
let trigger: Harness['trigger'];
let triggerSetup: Harness['triggerSetup'];
let hooks: Harness['trigger']['webhookMethods']['default'];
beforeEach(async () => {
	await jest.isolateModulesAsync(async () => {
		({ trigger, triggerSetup } = await import('./harness'));
	});
	hooks = trigger.webhookMethods.default;
});

const api = () => nock(BASE_URL).matchHeader('authorization', 'Api-Key test-key-123');
// A throwaway signing value, built here so no secret-looking literal sits in source.
const SECRET = `whsec_${Buffer.from('allo-n8n-test-signing').toString('base64')}`;

const v2Parameters: INodeParameters = { api: 'v2', events: ['sms.received', 'call.completed'] };

const listed = (webhooks: IDataObject[]) => ({ data: webhooks });

/** Publishes with no webhook to adopt: checkExists finds none, create registers one as mocked. */
async function publishNew(setup: ReturnType<typeof triggerSetup>) {
	const context = setup.hookContext() as unknown as IHookFunctions;
	expect(await hooks.checkExists.call(context)).toBe(false);
	expect(await hooks.create.call(context)).toBe(true);
	expect(nock.isDone()).toBe(true);
}

/** Allo creating the per-number webhook for the trigger's URL, number and topics. */
const createsV1Webhook = (setup: ReturnType<typeof triggerSetup>, topics: string[]) =>
	api()
		.post('/v1/api/webhooks', {
			allo_number: ALLO_NUMBER,
			url: setup.webhookUrl,
			topics,
			enabled: true,
		})
		.reply(200, { data: { id: 'web-1', url: setup.webhookUrl, topics, allo_number: ALLO_NUMBER } });

describe('activation lifecycle', () => {
	test('create registers the production URL with the chosen events and keeps id and secret', async () => {
		const setup = triggerSetup(v2Parameters);
		api()
			.post('/v2/api/webhooks', {
				url: setup.webhookUrl,
				topics: ['call.completed', 'sms.received'],
				description: 'n8n workflow wf1',
			})
			.reply(201, {
				data: {
					id: 'ep_1',
					url: setup.webhookUrl,
					topics: ['call.completed', 'sms.received'],
					signing_secret: SECRET,
				},
			});
		expect(await hooks.create.call(setup.hookContext() as unknown as IHookFunctions)).toBe(true);
		expect(setup.state()).toEqual({
			webhookId: 'ep_1',
			url: setup.webhookUrl,
			api: 'v2',
			signingSecret: SECRET,
		});
		expect(nock.isDone()).toBe(true);
	});

	test('checkExists is true for our webhook with exactly these events, and changes nothing', async () => {
		const setup = triggerSetup(v2Parameters, {
			'node:Allo Trigger': { webhookId: 'ep_1', api: 'v2', signingSecret: SECRET },
		});
		api()
			.get('/v2/api/webhooks')
			.reply(
				200,
				listed([
					{ id: 'ep_1', url: setup.webhookUrl, topics: ['sms.received', 'call.completed'] },
					{ id: 'ep_other', url: 'https://elsewhere.example.com/hook', topics: ['call.completed'] },
				]),
			);
		expect(await hooks.checkExists.call(setup.hookContext() as unknown as IHookFunctions)).toBe(
			true,
		);
		expect(setup.state()).toMatchObject({ webhookId: 'ep_1', signingSecret: SECRET });
		expect(nock.isDone()).toBe(true);
	});

	test('checkExists deletes stale webhooks for this URL (other events, lost secret) and reports none', async () => {
		const setup = triggerSetup(v2Parameters, {
			'node:Allo Trigger': { webhookId: 'ep_1', api: 'v2', signingSecret: SECRET },
		});
		api()
			.get('/v2/api/webhooks')
			.reply(
				200,
				listed([
					{ id: 'ep_1', url: setup.webhookUrl, topics: ['call.completed'] },
					{ id: 'ep_ghost', url: setup.webhookUrl, topics: ['call.completed', 'sms.received'] },
					{
						id: 'ep_other',
						url: 'https://elsewhere.example.com/hook',
						topics: ['call.completed', 'sms.received'],
					},
				]),
			);
		api().delete('/v2/api/webhooks/ep_1').reply(204);
		api().delete('/v2/api/webhooks/ep_ghost').reply(204);
		expect(await hooks.checkExists.call(setup.hookContext() as unknown as IHookFunctions)).toBe(
			false,
		);
		expect(setup.state()).toEqual({});
		expect(nock.isDone()).toBe(true);
	});

	test('after static data is lost, the old webhook is replaced, never doubled', async () => {
		const setup = triggerSetup(v2Parameters);
		api()
			.get('/v2/api/webhooks')
			.reply(
				200,
				listed([
					{ id: 'ep_old', url: setup.webhookUrl, topics: ['call.completed', 'sms.received'] },
				]),
			);
		api().delete('/v2/api/webhooks/ep_old').reply(204);
		api()
			.post('/v2/api/webhooks')
			.reply(201, {
				data: {
					id: 'ep_new',
					url: setup.webhookUrl,
					topics: ['call.completed', 'sms.received'],
					signing_secret: SECRET,
				},
			});
		await publishNew(setup);
		expect(setup.state()).toMatchObject({ webhookId: 'ep_new', signingSecret: SECRET });
	});

	test('switching to per-number webhooks removes the signed one registered before', async () => {
		const parameters = { api: 'v1', eventsV1: ['CALL_RECEIVED'], alloNumber: ALLO_NUMBER };
		const setup = triggerSetup(parameters);
		setup.state().webhookId = 'ep_1';
		setup.state().url = setup.webhookUrl;
		setup.state().api = 'v2';
		setup.state().signingSecret = SECRET;
		api().get('/v1/api/webhooks').reply(200, { data: [] });
		api().delete('/v2/api/webhooks/ep_1').reply(204);
		createsV1Webhook(setup, ['CALL_RECEIVED']);
		await publishNew(setup);
		expect(setup.state()).toEqual({
			webhookId: 'web-1',
			url: setup.webhookUrl,
			api: 'v1',
		});
	});

	test('version 2 registers per-number webhooks from the one Events parameter and the number picked', async () => {
		const setup = triggerSetup(
			{
				api: 'v1',
				events: ['sms.received', 'call.completed'],
				alloNumber: { __rl: true, mode: 'list', value: ALLO_NUMBER, cachedResultName: 'Main Line' },
			},
			{},
			2,
		);
		api().get('/v1/api/webhooks').reply(200, { data: [] });
		createsV1Webhook(setup, ['CALL_RECEIVED', 'SMS_RECEIVED']);
		await publishNew(setup);
		expect(setup.state()).toMatchObject({ webhookId: 'web-1', api: 'v1' });
	});

	test('version 2 refuses, before any request, events per-number webhooks do not carry', async () => {
		const setup = triggerSetup(
			{ api: 'v1', events: ['call.completed', 'tag.added'], alloNumber: ALLO_NUMBER },
			{},
			2,
		);
		api().get('/v1/api/webhooks').reply(200, { data: [] });
		const context = setup.hookContext() as unknown as IHookFunctions;
		expect(await hooks.checkExists.call(context)).toBe(false);
		await expect(hooks.create.call(context)).rejects.toMatchObject({
			message: 'Per-number webhooks do not carry Tag Added',
			description: expect.stringContaining('Remove them from Events'),
		});
		expect(nock.isDone()).toBe(true);
	});

	test('a webhook kept for another URL (the production one, while testing) is left alone', async () => {
		const setup = triggerSetup({ api: 'v1', eventsV1: ['CALL_RECEIVED'], alloNumber: ALLO_NUMBER });
		Object.assign(setup.state(), {
			webhookId: 'ep_prod',
			url: 'https://n8n.example.com/webhook/prod/webhook',
			api: 'v2',
			signingSecret: SECRET,
		});
		api().get('/v1/api/webhooks').reply(200, { data: [] });
		expect(await hooks.checkExists.call(setup.hookContext() as unknown as IHookFunctions)).toBe(
			false,
		);
		expect(nock.isDone()).toBe(true);
	});

	test('a per-number webhook for this URL, number and events is adopted', async () => {
		const setup = triggerSetup({
			api: 'v1',
			eventsV1: ['SMS_RECEIVED', 'CALL_RECEIVED'],
			alloNumber: ALLO_NUMBER,
		});
		api()
			.get('/v1/api/webhooks')
			.reply(200, {
				data: [
					{
						id: 'web-1',
						url: setup.webhookUrl,
						topics: ['CALL_RECEIVED', 'SMS_RECEIVED'],
						allo_number: ALLO_NUMBER,
					},
				],
			});
		expect(await hooks.checkExists.call(setup.hookContext() as unknown as IHookFunctions)).toBe(
			true,
		);
		expect(setup.state()).toMatchObject({ webhookId: 'web-1', api: 'v1' });
	});

	test('delete removes the webhook and forgets it; one already gone counts as deleted', async () => {
		const setup = triggerSetup(v2Parameters, {
			'node:Allo Trigger': { webhookId: 'ep_1', api: 'v2', signingSecret: SECRET },
		});
		api()
			.delete('/v2/api/webhooks/ep_1')
			.reply(404, { error: { code: 'WEBHOOK_NOT_FOUND', message: 'gone' } });
		expect(await hooks.delete.call(setup.hookContext() as unknown as IHookFunctions)).toBe(true);
		expect(setup.state()).toEqual({});
		expect(nock.isDone()).toBe(true);
	});

	test('a failing delete is reported, and the webhook is kept in mind', async () => {
		const setup = triggerSetup(v2Parameters, {
			'node:Allo Trigger': { webhookId: 'ep_1', api: 'v2', signingSecret: SECRET },
		});
		api()
			.delete('/v2/api/webhooks/ep_1')
			.reply(403, { error: { code: 'API_KEY_INSUFFICIENT_SCOPE', message: 'scope' } });
		await expect(
			hooks.delete.call(setup.hookContext() as unknown as IHookFunctions),
		).rejects.toMatchObject({
			name: 'NodeApiError',
			message: 'The API key is missing the WEBHOOKS_READ_WRITE permission',
		});
		expect(setup.state()).toMatchObject({ webhookId: 'ep_1' });
	});
});

describe('deliveries', () => {
	const stored = { 'node:Allo Trigger': { webhookId: 'ep_1', api: 'v2', signingSecret: SECRET } };
	const smsPayload = (to = ALLO_NUMBER) =>
		JSON.stringify({
			topic: 'sms.received',
			version: '2.0',
			timestamp: '2026-03-15T14:30:45.123456Z',
			data: {
				id: 'msg_1',
				from_number: CONTACT_NUMBER,
				to_number: to,
				content: 'Is my order ready?',
			},
		});
	// The trigger remembers delivery ids for the whole process, as it does in n8n: ids differ per test.
	let deliveryCount = 0;
	const nextId = () => `msg_delivery_${(deliveryCount += 1)}`;
	const signed = (body: string, id = nextId(), at = new Date(), secret = SECRET) => ({
		body,
		headers: {
			'content-type': 'application/json',
			'webhook-id': id,
			'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
			'webhook-signature': new Webhook(secret).sign(id, at, body),
		},
	});
	/** Hands one request to webhook(); n8n's answer to a started execution is left to the caller. */
	const receive = (
		setup: ReturnType<typeof triggerSetup>,
		request: { body: string; headers: Record<string, string> },
	) => {
		const { context, response, answer, hangUp } = setup.webhookContext(request);
		const result = trigger.webhook.call(context as unknown as IWebhookFunctions);
		return { result, response, answer, hangUp };
	};
	/** One delivery as n8n handles it: a started execution is stored (2xx) or fails to start (`startStatus`). */
	const deliver = async (
		setup: ReturnType<typeof triggerSetup>,
		request: { body: string; headers: Record<string, string> },
		startStatus = 200,
	) => {
		const { result, response, answer } = receive(setup, request);
		const webhookResult = await result;
		if (webhookResult.workflowData) answer(startStatus);
		return { result: webhookResult, response };
	};

	test('a signed delivery starts the workflow with the normalised event', async () => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const { result } = await deliver(setup, signed(smsPayload()));
		expect(result.workflowData?.[0]).toHaveLength(1);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event_id: expect.stringMatching(/^msg_delivery_/),
			topic: 'sms.received',
			event: 'SMS Received',
			api_version: 'v2',
			occurred_at: '2026-03-15T14:30:45.123Z',
			allo_number: ALLO_NUMBER,
			message: {
				id: 'msg_1',
				direction: 'INBOUND',
				contact_number: CONTACT_NUMBER,
				content: 'Is my order ready?',
			},
		});
		expect(JSON.stringify(result)).not.toContain(SECRET);
	});

	test.each([
		[
			'a wrong signature',
			() =>
				signed(
					smsPayload(),
					'msg_x',
					new Date(),
					`whsec_${Buffer.from('another-signing-value').toString('base64')}`,
				),
		],
		['a tampered body', () => ({ ...signed(smsPayload()), body: smsPayload(SECOND_NUMBER) })],
		[
			'a stale timestamp',
			() => signed(smsPayload(), 'msg_old', new Date(Date.now() - 10 * 60 * 1000)),
		],
		[
			'no signature headers',
			() => ({ body: smsPayload(), headers: { 'content-type': 'application/json' } }),
		],
	])('%s is refused with 401 and no execution', async (_name, request) => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const { result, response } = await deliver(setup, request());
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
	});

	test('without the signing secret nothing is accepted', async () => {
		const setup = triggerSetup(v2Parameters, {
			'node:Allo Trigger': { webhookId: 'ep_1', api: 'v2' },
		});
		const { result, response } = await deliver(setup, signed(smsPayload()));
		expect(result.workflowData).toBeUndefined();
		expect(response.status).toBe(401);
	});

	test('a delivery signed with a secret this process never saw is checked against the webhook Allo holds now', async () => {
		// As on a webhook processor after the main instance replaced a webhook deleted in Allo.
		const NEW_SECRET = `whsec_${Buffer.from('replaced-webhook-signing').toString('base64')}`;
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		api()
			.get('/v2/api/webhooks')
			.reply(200, listed([{ id: 'ep_2', url: setup.webhookUrl, topics: ['call.completed'] }]));
		api()
			.get('/v2/api/webhooks/ep_2')
			.reply(200, { data: { id: 'ep_2', url: setup.webhookUrl, signing_secret: NEW_SECRET } });
		const first = await deliver(setup, signed(smsPayload(), undefined, new Date(), NEW_SECRET));
		expect(first.result.workflowData?.[0]).toHaveLength(1);
		expect(nock.isDone()).toBe(true);
		// Known from now on: no further request to Allo.
		const second = await deliver(setup, signed(smsPayload(), undefined, new Date(), NEW_SECRET));
		expect(second.result.workflowData?.[0]).toHaveLength(1);
	});

	test('forged deliveries ask Allo for the current secret at most once per 30 seconds', async () => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const forged = `whsec_${Buffer.from('forged-signing-value').toString('base64')}`;
		api().get('/v2/api/webhooks').once().reply(200, listed([]));
		for (let n = 0; n < 5; n++) {
			const { response } = await deliver(
				setup,
				signed(smsPayload(), undefined, new Date(), forged),
			);
			expect(response.status).toBe(401);
		}
		expect(nock.isDone()).toBe(true);
	});

	test('an event the workflow did not choose is acknowledged without an execution', async () => {
		const setup = triggerSetup({ api: 'v2', events: ['call.completed'] }, structuredClone(stored));
		const { result, response } = await deliver(setup, signed(smsPayload()));
		expect(result.workflowData).toBeUndefined();
		expect(response).toEqual({
			status: 200,
			body: { received: true, ignored: 'event not selected' },
		});
	});

	test('events of other Allo numbers are left out when filtering by number', async () => {
		const setup = triggerSetup(
			{ ...v2Parameters, options: { alloNumbers: [SECOND_NUMBER] } },
			structuredClone(stored),
		);
		const other = await deliver(setup, signed(smsPayload(ALLO_NUMBER), 'msg_a'));
		expect(other.result.workflowData).toBeUndefined();
		expect(other.response).toEqual({
			status: 200,
			body: { received: true, ignored: 'other Allo number' },
		});
		const mine = await deliver(setup, signed(smsPayload(SECOND_NUMBER), 'msg_b'));
		expect(mine.result.workflowData?.[0][0].json.allo_number).toBe(SECOND_NUMBER);
	});

	test('a retried delivery (same webhook-id) runs the workflow once', async () => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const first = await deliver(setup, signed(smsPayload(), 'msg_same'));
		expect(first.result.workflowData).toHaveLength(1);
		const retry = await deliver(setup, signed(smsPayload(), 'msg_same'));
		expect(retry.result.workflowData).toBeUndefined();
		expect(retry.response).toEqual({
			status: 200,
			body: { received: true, ignored: 'duplicate delivery' },
		});
		const next = await deliver(setup, signed(smsPayload(), 'msg_next'));
		expect(next.result.workflowData).toHaveLength(1);
	});

	test('a delivery whose execution failed to start runs when Allo sends it again', async () => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const failed = await deliver(setup, signed(smsPayload(), 'msg_start_fails'), 500);
		expect(failed.result.workflowData).toHaveLength(1);
		const retry = await deliver(setup, signed(smsPayload(), 'msg_start_fails'));
		expect(retry.result.workflowData).toHaveLength(1);
		const again = await deliver(setup, signed(smsPayload(), 'msg_start_fails'));
		expect(again.result.workflowData).toBeUndefined();
		expect(again.response.body).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	test('a delivery whose sender hung up before n8n answered counts as handled', async () => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const slow = receive(setup, signed(smsPayload(), 'msg_sender_hung_up'));
		expect((await slow.result).workflowData).toHaveLength(1);
		slow.hangUp();
		const retry = await deliver(setup, signed(smsPayload(), 'msg_sender_hung_up'));
		expect(retry.response.body).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	/** The first copy's webhook() has returned and n8n has not answered yet when the second arrives. */
	const copyWhileFirstStarts = async (id: string, firstStatus: number) => {
		const setup = triggerSetup(v2Parameters, structuredClone(stored));
		const first = receive(setup, signed(smsPayload(), id));
		expect((await first.result).workflowData).toHaveLength(1);
		let copyDone = false;
		const copy = receive(setup, signed(smsPayload(), id));
		void copy.result.then(() => (copyDone = true));
		// Long enough for webhook() to answer a duplicate that did not wait: it does no I/O.
		for (let turn = 0; turn < 100; turn += 1) await Promise.resolve();
		expect(copyDone).toBe(false);
		first.answer(firstStatus);
		return { result: await copy.result, response: copy.response };
	};

	test('a copy arriving while the first is being stored waits, then is a duplicate', async () => {
		const copy = await copyWhileFirstStarts('msg_in_flight_stored', 200);
		expect(copy.result.workflowData).toBeUndefined();
		expect(copy.response.body).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	test('a copy arriving while the first fails to start waits, then runs', async () => {
		const copy = await copyWhileFirstStarts('msg_in_flight_fails', 503);
		expect(copy.result.workflowData).toHaveLength(1);
	});

	test('per-number (v1) deliveries are unsigned and accepted', async () => {
		const setup = triggerSetup(
			{ api: 'v1', eventsV1: ['CALL_RECEIVED'], alloNumber: ALLO_NUMBER },
			{ 'node:Allo Trigger': { webhookId: 'web-1', api: 'v1' } },
		);
		const body = JSON.stringify({
			topic: 'CALL_RECEIVED',
			data: {
				id: 'cll_9',
				start_date: '2026-01-15T10:30:00Z',
				from_number: CONTACT_NUMBER,
				to: ALLO_NUMBER,
				type: 'INBOUND',
				length_in_minutes: 2,
				summary: 'Asked for a quote.',
			},
		});
		const { result } = await deliver(setup, {
			body,
			headers: { 'content-type': 'application/json' },
		});
		expect(result.workflowData?.[0][0].json).toMatchObject({
			topic: 'call.completed',
			seed_topic: 'CALL_RECEIVED',
			api_version: 'v1',
			allo_number: ALLO_NUMBER,
			call: { id: 'cll_9', contact_number: CONTACT_NUMBER, summary: 'Asked for a quote.' },
		});
	});
});

describe('trigger parameters', () => {
	const description = () => trigger.description;
	const options = (name: string) =>
		(description().properties.find((p) => p.name === name)?.options ?? []) as Array<{
			name: string;
			value: string;
		}>;

	test('offers every Allo event by its label, and only the seed events for per-number webhooks', () => {
		expect(
			options('events')
				.map((o) => o.value)
				.sort(),
		).toEqual([...V2_TOPICS].sort());
		expect(options('events').find((o) => o.value === 'call.completed')?.name).toBe(
			'Call Completed',
		);
		expect(
			options('eventsV1')
				.map((o) => o.value)
				.sort(),
		).toEqual([...V1_TOPICS].sort());
	});

	test('is a trigger without inputs, not offered as an AI tool', () => {
		expect(description()).toMatchObject({
			name: 'alloTrigger',
			displayName: 'Allo Trigger',
			inputs: [],
			group: ['trigger'],
		});
		expect(description().usableAsTool).toBeUndefined();
	});
});
