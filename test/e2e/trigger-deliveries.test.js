// Deliveries to the Allo Trigger in a real n8n: each Allo delivery starts at most one execution,
// whether its copies come one after another, at the same instant or as a replay; every delivery
// gets a small JSON reply; deep payloads stay readable; "Listen for test event" still works.
const { createHmac, randomUUID } = require('node:crypto');
const { createSandbox } = require('../../sandbox');
const h = require('./harness');

jest.setTimeout(300_000);

const WEBHOOK_ID = randomUUID();
const CALLER = '+16282000000';
const MAIN_LINE = '+14155550100';
/** Ids per dedupe test: enough for copies to overlap in flight, few enough for a loaded CI machine. */
const DISTINCT = 25;

let sandbox;
let folder;
let n8n;
let api;
let workflowId;
let secret;

const webhookUrl = () => `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;

/**
 * A v2 delivery signed the way Allo signs it (Standard Webhooks); the same id on every copy.
 * `data` may be JSON text already, for payloads too deep for JSON.stringify.
 */
function signed(id, data, { topic = 'call.completed', timestamp = Date.now() } = {}) {
	const seconds = String(Math.floor(timestamp / 1000));
	const json = typeof data === 'string' ? data : JSON.stringify(data);
	const body = `{"topic":${JSON.stringify(topic)},"version":"2.0","timestamp":"${new Date().toISOString()}","data":${json}}`;
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	const signature = createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64');
	return {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'webhook-id': id,
			'webhook-timestamp': seconds,
			'webhook-signature': `v1,${signature}`,
		},
		body,
	};
}

async function deliver(request) {
	const response = await fetch(webhookUrl(), request);
	return { status: response.status, body: await response.text() };
}

const callData = (id) => ({
	id,
	direction: 'INBOUND',
	from_number: CALLER,
	to_number: MAIN_LINE,
	start_date: new Date().toISOString(),
});

/** Production executions (mode webhook) of the workflow, once `expected` have finished. */
async function productionExecutions(expected) {
	const list = await h.waitFor(
		`${expected} finished executions`,
		async () => {
			const executions = [];
			let cursor;
			do {
				const page = await api(
					'GET',
					`/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
				);
				executions.push(...page.data);
				cursor = page.nextCursor;
			} while (cursor);
			const webhook = executions.filter((e) => e.mode === 'webhook');
			return webhook.length >= expected && webhook.every((e) => e.finished) ? webhook : null;
		},
		120_000,
	);
	// Anything that would have started late has had time to show up.
	await h.sleep(1500);
	return list;
}

const eventOf = (execution) =>
	execution.data.resultData.runData['Allo Trigger'][0].data.main[0][0].json;

/** How many executions each call id started. */
function executionsPerCall(executions) {
	const counts = new Map();
	for (const execution of executions) {
		const id = eventOf(execution).call?.id;
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

let seenExecutions = 0;

beforeAll(async () => {
	sandbox = await createSandbox({ seed: { contacts: 5, calls: 2, messages: 2 } });
	folder = h.createUserFolder();
	const ports = { http: await h.freePort(), broker: await h.freePort() };
	n8n = await h.startN8n(folder.userFolder, ports);
	api = await h.ownerSession(n8n.url);
	const credential = await api('POST', '/api/v1/credentials', {
		name: 'Allo sandbox',
		type: 'alloApi',
		data: { apiKey: sandbox.apiKeys[0].key, baseUrl: sandbox.url },
	});
	const workflow = await api('POST', '/api/v1/workflows', {
		name: 'Allo deliveries',
		settings: {},
		connections: {},
		nodes: [
			{
				id: randomUUID(),
				name: 'Allo Trigger',
				type: 'n8n-nodes-allo.alloTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { api: 'v2', events: ['call.completed'], options: {} },
				credentials: { alloApi: { id: credential.id, name: credential.name } },
			},
		],
	});
	workflowId = workflow.id;
	await api('POST', `/api/v1/workflows/${workflowId}/publish`);
	const [webhook] = await h.waitFor('the webhook in Allo', () => {
		const list = sandbox.control.webhooks().v2;
		return list.length === 1 ? list : null;
	});
	// The secret, as Allo shows it for its webhook.
	const answer = await fetch(`${sandbox.url}/v2/api/webhooks/${webhook.id}`, {
		headers: { authorization: `Api-Key ${sandbox.apiKeys[0].key}` },
	});
	secret = (await answer.json()).data.signing_secret;
});

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.close();
	folder?.remove();
});

test('a delivery is acknowledged with a small JSON reply and starts one execution', async () => {
	const reply = await deliver(signed('msg_first', callData('cll-first')));
	expect(reply).toEqual({ status: 200, body: '{"received":true}' });
	const executions = await productionExecutions((seenExecutions += 1));
	expect(executions).toHaveLength(seenExecutions);
	expect(eventOf(executions[0])).toMatchObject({
		event_id: 'msg_first',
		call: { id: 'cll-first' },
	});
});

test('a copy sent after the first was handled starts nothing', async () => {
	const replies = [];
	for (let i = 0; i < DISTINCT; i += 1) {
		const id = `msg_after_${i}`;
		replies.push(await deliver(signed(id, callData(`cll-after-${i}`))));
		replies.push(await deliver(signed(id, callData(`cll-after-${i}`))));
	}
	expect(replies.filter((r) => r.body === '{"received":true}')).toHaveLength(DISTINCT);
	expect(
		replies.filter((r) => r.body === '{"received":true,"ignored":"duplicate delivery"}'),
	).toHaveLength(DISTINCT);
	const executions = await productionExecutions((seenExecutions += DISTINCT));
	expect(executions).toHaveLength(seenExecutions);
	const counts = executionsPerCall(executions);
	for (let i = 0; i < DISTINCT; i += 1) expect(counts.get(`cll-after-${i}`)).toBe(1);
});

test('copies arriving at the same instant start one execution per delivery', async () => {
	const requests = [];
	for (let i = 0; i < DISTINCT; i += 1) {
		const id = `msg_same_${i}`;
		// Each copy signed on its own, as Allo's retries are: same id, own timestamp and signature.
		for (let copy = 0; copy < 3; copy += 1)
			requests.push(signed(id, callData(`cll-same-${i}`), { timestamp: Date.now() - copy * 1000 }));
	}
	const replies = await Promise.all(requests.map(deliver));
	expect(replies.every((r) => r.status === 200)).toBe(true);
	expect(replies.filter((r) => r.body === '{"received":true}')).toHaveLength(DISTINCT);
	const executions = await productionExecutions((seenExecutions += DISTINCT));
	expect(executions).toHaveLength(seenExecutions);
	const counts = executionsPerCall(executions);
	for (let i = 0; i < DISTINCT; i += 1) expect(counts.get(`cll-same-${i}`)).toBe(1);
});

test('a replay of an old delivery inside the signature window starts nothing', async () => {
	const original = signed('msg_replayed', callData('cll-replayed'), {
		timestamp: Date.now() - 4 * 60 * 1000,
	});
	expect((await deliver(original)).body).toBe('{"received":true}');
	await productionExecutions((seenExecutions += 1));
	// The exact request again, byte for byte, a little later: still within Allo's 5 minutes.
	await h.sleep(2000);
	expect(await deliver(original)).toEqual({
		status: 200,
		body: '{"received":true,"ignored":"duplicate delivery"}',
	});
	const executions = await productionExecutions(seenExecutions);
	expect(executions).toHaveLength(seenExecutions);
	expect(executionsPerCall(executions).get('cll-replayed')).toBe(1);
});

test('an event the workflow does not listen to is acknowledged with the reason', async () => {
	const reply = await deliver(signed('msg_sms', { id: 'sms-1' }, { topic: 'sms.received' }));
	expect(reply).toEqual({ status: 200, body: '{"received":true,"ignored":"event not selected"}' });
});

test('a payload nested 10,000 deep is accepted, cut, and every execution stays readable', async () => {
	const deep = `${'{"deeper":'.repeat(10_000)}{"end":true}${'}'.repeat(10_000)}`;
	const call = JSON.stringify(callData('cll-deep'));
	const reply = await deliver(signed('msg_deep', `${call.slice(0, -1)},"deep":${deep}}`));
	expect(reply).toEqual({ status: 200, body: '{"received":true}' });
	const executions = await productionExecutions((seenExecutions += 1));
	const event = eventOf(executions.find((e) => eventOf(e).call?.id === 'cll-deep'));
	let level = event.data.deep;
	let depth = 1;
	while (typeof level === 'object') {
		level = level.deeper;
		depth += 1;
	}
	expect(level).toBe('[cut: nested deeper than 32 levels]');
	expect(depth).toBe(32);
});

test('error replies carry no stack trace or server path', async () => {
	const replies = [
		await fetch(webhookUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"topic": "call.completed", "data": {',
		}),
		await fetch(`${n8n.url}/webhook/${randomUUID()}/webhook`, { method: 'POST' }),
		await fetch(webhookUrl(), { method: 'POST', body: '{}' }),
	];
	for (const reply of replies) {
		const body = await reply.text();
		expect(reply.status).toBeGreaterThanOrEqual(400);
		expect(body).not.toMatch(/node_modules|\n\s+at |\.js:\d+/);
	}
});

test('"Listen for test event" receives one event through the test URL and then stops', async () => {
	const answer = await api('POST', `/rest/workflows/${workflowId}/run`, {
		triggerToStartFrom: { name: 'Allo Trigger' },
	});
	expect(answer.data).toEqual({ waitingForWebhook: true });
	const testUrl = `${n8n.url}/webhook-test/${WEBHOOK_ID}/webhook`;
	await h.waitFor('the test webhook in Allo', () =>
		sandbox.control.webhooks().v2.some((w) => w.url === testUrl),
	);
	const call = sandbox.control.simulateCall({ from: CALLER, to: MAIN_LINE, summary: 'Test call' });
	await sandbox.control.idle();
	const manual = await h.waitFor('the test execution', async () => {
		const { data } = await api(
			'GET',
			`/api/v1/executions?workflowId=${workflowId}&includeData=true`,
		);
		return data.find((e) => e.mode === 'manual' && e.finished);
	});
	expect(eventOf(manual)).toMatchObject({ topic: 'call.completed', call: { id: call.id } });
	// The test webhook is removed again; the published one stays.
	await h.waitFor('the test webhook removed', () =>
		sandbox.control.webhooks().v2.every((w) => w.url !== testUrl),
	);
	expect(sandbox.control.webhooks().v2).toEqual([expect.objectContaining({ url: webhookUrl() })]);
	const production = await productionExecutions((seenExecutions += 1));
	expect(executionsPerCall(production).get(call.id)).toBe(1);
});
