// The Allo Trigger in a real n8n: publishing registers one signed webhook in the sandbox, events
// start one execution each, forged deliveries are refused, and the registration follows the
// workflow through unpublishing, publishing and restarts, and heals when Allo lost it.
const { randomUUID } = require('node:crypto');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');

jest.setTimeout(300_000);

/** The trigger checks a v2 webhook in Allo every minute: a heal shows within that, plus slack. */
const HEAL_WITHIN_MS = 90_000;

const WEBHOOK_ID = randomUUID();
const CALLER = '+16282000000';
const MAIN_LINE = '+14155550100';

let sandbox;
let folder;
let ports;
let n8n;
let api;
let workflowId;

const v2Webhooks = () => sandbox.control.webhooks().v2;
/** Publishing and unpublishing finish after n8n answers: wait, then check nothing else arrives. */
async function settledWebhooks(count) {
	await h.waitFor(`${count} webhooks in Allo`, () => v2Webhooks().length === count);
	await h.sleep(1000);
	return v2Webhooks();
}
const webhookUrl = () => `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;

async function executions(expected) {
	return await h.waitFor(`${expected} executions`, async () => {
		const { data } = await api(
			'GET',
			`/api/v1/executions?workflowId=${workflowId}&includeData=true`,
		);
		return data.length >= expected && data.every((e) => e.finished) ? data : null;
	});
}

const triggerItem = (execution) => {
	const runs = execution.data.resultData.runData['Allo Trigger'];
	expect(runs).toHaveLength(1);
	expect(runs[0].data.main[0]).toHaveLength(1);
	return runs[0].data.main[0][0].json;
};

beforeAll(async () => {
	sandbox = await createSandbox({
		seed: { contacts: 20, calls: 5, messages: 5 },
		webhookRetryDelaysMs: [500, 500],
	});
	folder = h.createUserFolder();
	ports = { http: await h.freePort(), broker: await h.freePort() };
	n8n = await h.startN8n(folder.userFolder, ports);
	api = await h.ownerSession(n8n.url);
	const workflow = await h.createTriggerWorkflow(api, sandbox, {
		name: 'Allo calls and texts',
		webhookId: WEBHOOK_ID,
		parameters: { api: 'v2', events: ['call.completed', 'sms.received'], options: {} },
	});
	workflowId = workflow.id;
});

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	folder?.remove();
});

test('publishing registers exactly one signed webhook for the chosen events', async () => {
	await api('POST', `/api/v1/workflows/${workflowId}/publish`);
	expect(await settledWebhooks(1)).toEqual([
		expect.objectContaining({ url: webhookUrl(), topics: ['call.completed', 'sms.received'] }),
	]);
});

test('a completed call starts one execution with the normalised event', async () => {
	const call = sandbox.control.simulateCall({
		from: CALLER,
		to: MAIN_LINE,
		summary: 'Asked for a quote',
	});
	await sandbox.control.idle();
	const list = await executions(1);
	expect(list).toHaveLength(1);
	const event = triggerItem(list[0]);
	const delivery = sandbox.control.deliveries().find((d) => d.topic === 'call.completed');
	expect(delivery.status).toBe('delivered');
	expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
	expect(event).toMatchObject({
		event_id: delivery.id,
		topic: 'call.completed',
		seed_topic: 'CALL_RECEIVED',
		event: 'Call Completed',
		api_version: 'v2',
		allo_number: MAIN_LINE,
		call: expect.objectContaining({ id: call.id, summary: 'Asked for a quote' }),
		message: null,
	});
	expect(JSON.stringify(event)).not.toContain('whsec_');
});

test('an inbound text starts one execution with the message', async () => {
	const sms = sandbox.control.simulateInboundSms({
		from: CALLER,
		to: MAIN_LINE,
		content: 'Is the shop open?',
	});
	await sandbox.control.idle();
	const list = await executions(2);
	expect(list).toHaveLength(2);
	const event = triggerItem(list.find((e) => triggerItem(e).topic === 'sms.received'));
	expect(event).toMatchObject({
		topic: 'sms.received',
		event: 'SMS Received',
		allo_number: MAIN_LINE,
		message: expect.objectContaining({ id: sms.id, content: 'Is the shop open?' }),
		call: null,
	});
});

test('a forged signature is refused with 401 and starts nothing', async () => {
	const body = JSON.stringify({
		topic: 'call.completed',
		timestamp: new Date().toISOString(),
		data: { id: 'cll-forged' },
	});
	const response = await fetch(webhookUrl(), {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'webhook-id': 'msg_forged',
			'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
			'webhook-signature': `v1,${Buffer.alloc(32, 7).toString('base64')}`,
		},
		body,
	});
	expect(response.status).toBe(401);
	await h.sleep(1500);
	const { data } = await api('GET', `/api/v1/executions?workflowId=${workflowId}`);
	expect(data).toHaveLength(2);
});

test('unpublishing removes the webhook from Allo', async () => {
	await api('POST', `/api/v1/workflows/${workflowId}/unpublish`);
	expect(await settledWebhooks(0)).toEqual([]);
});

test('after publishing again and restarting n8n, one webhook remains and still delivers', async () => {
	await api('POST', `/api/v1/workflows/${workflowId}/publish`);
	const [registered] = (await settledWebhooks(1)).map((webhook) => webhook.id);

	await n8n.stop();
	n8n = await h.startN8n(folder.userFolder, ports);
	const workflow = await api('GET', `/api/v1/workflows/${workflowId}`);
	expect(workflow.active).toBe(true);
	expect(await settledWebhooks(1)).toEqual([
		expect.objectContaining({ id: registered, url: webhookUrl() }),
	]);

	const call = sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE });
	await sandbox.control.idle();
	const list = await executions(3);
	expect(list).toHaveLength(3);
	expect(list.map(triggerItem).filter((event) => event.call?.id === call.id)).toHaveLength(1);
});

/** A call, delivered once with a 200 (its signature verified), and the one execution it started. */
async function deliveredOnce(expectedExecutions) {
	const call = sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE });
	await sandbox.control.idle();
	const delivery = sandbox.control
		.deliveries()
		.find((d) => d.topic === 'call.completed' && d.payload.data.id === call.id);
	expect(delivery.attempts.map((a) => a.status_code)).toEqual([200]);
	const list = await executions(expectedExecutions);
	expect(list).toHaveLength(expectedExecutions);
	expect(list.map(triggerItem).filter((event) => event.call?.id === call.id)).toHaveLength(1);
	return delivery;
}

test('a webhook disabled in Allo is switched back on within a minute, keeping its secret', async () => {
	const [before] = v2Webhooks();
	sandbox.control.setWebhookEnabled(before.id, false);
	await h.waitFor(
		'the webhook enabled again',
		() => v2Webhooks()[0]?.enabled,
		HEAL_WITHIN_MS,
		1000,
	);
	expect(await settledWebhooks(1)).toEqual([
		expect.objectContaining({ id: before.id, enabled: true, url: webhookUrl() }),
	]);
	const delivery = await deliveredOnce(4);
	expect(delivery.webhook_id).toBe(before.id);
});

test('a webhook deleted in Allo while n8n was down is created again at start, once, with a secret both agree on', async () => {
	const [before] = v2Webhooks();
	await n8n.stop();
	sandbox.control.deleteWebhook(before.id);
	n8n = await h.startN8n(folder.userFolder, ports);
	const [after] = await settledWebhooks(1);
	expect(after).toEqual(
		expect.objectContaining({
			url: webhookUrl(),
			enabled: true,
			topics: ['call.completed', 'sms.received'],
		}),
	);
	expect(after.id).not.toBe(before.id);
	const delivery = await deliveredOnce(5);
	expect(delivery.webhook_id).toBe(after.id);
});

test('a webhook deleted in Allo while n8n runs is created again within a minute', async () => {
	const [before] = v2Webhooks();
	sandbox.control.deleteWebhook(before.id);
	await h.waitFor('a new webhook', () => v2Webhooks()[0]?.id, HEAL_WITHIN_MS, 1000);
	const [after] = await settledWebhooks(1);
	expect(after.id).not.toBe(before.id);
	const delivery = await deliveredOnce(6);
	expect(delivery.webhook_id).toBe(after.id);
});

test('unpublishing after a heal leaves no webhook behind', async () => {
	await api('POST', `/api/v1/workflows/${workflowId}/unpublish`);
	expect(await settledWebhooks(0)).toEqual([]);
});

test('a version 2 trigger on per-number webhooks registers the picked number for its events', async () => {
	const workflow = await h.createTriggerWorkflow(api, sandbox, {
		name: 'Allo per-number calls',
		webhookId: randomUUID(),
		typeVersion: 2,
		parameters: {
			api: 'v1',
			events: ['sms.received', 'call.completed'],
			// As the editor saves a number picked from the list.
			alloNumber: { __rl: true, mode: 'list', value: MAIN_LINE, cachedResultName: 'Main Line' },
		},
	});
	await api('POST', `/api/v1/workflows/${workflow.id}/publish`);
	const registered = await h.waitFor('the per-number webhook in Allo', () =>
		sandbox.control
			.webhooks()
			.v1.find((webhook) => webhook.url.includes(workflow.nodes[0].webhookId)),
	);
	expect(registered).toMatchObject({
		allo_number: MAIN_LINE,
		topics: ['CALL_RECEIVED', 'SMS_RECEIVED'],
	});
	await api('POST', `/api/v1/workflows/${workflow.id}/unpublish`);
});
