// Allo Trigger workflows in a running n8n, through its API with the owner's session: create one
// (with nodes chained behind the trigger), publish it and read the signing secret Allo holds for
// the webhook it registered, and list its executions.
const { randomUUID } = require('node:crypto');

const TRIGGER = 'Allo Trigger';

/**
 * A workflow whose Allo Trigger listens to `events` (v2), with `after` chained behind it in order.
 * Resolves with its id and the production path of the trigger's webhook.
 */
async function createTriggerWorkflow(
	api,
	credential,
	{ name, events = ['call.completed'], after = [] },
) {
	const webhookId = randomUUID();
	const nodes = [
		{
			id: randomUUID(),
			name: TRIGGER,
			type: 'n8n-nodes-allo.alloTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { api: 'v2', events, options: {} },
			credentials: { alloApi: { id: credential.id, name: credential.name } },
		},
		...after.map((node, i) => ({ id: randomUUID(), position: [220 * (i + 1), 0], ...node })),
	];
	const connections = {};
	nodes.slice(1).forEach((node, i) => {
		connections[nodes[i].name] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	});
	const workflow = await api('POST', '/api/v1/workflows', {
		name,
		settings: {},
		nodes,
		connections,
	});
	return { id: workflow.id, path: `webhook/${webhookId}/webhook` };
}

/** The v2 webhooks Allo (the sandbox) holds, with the signing secret it shows on a get by id. */
async function alloWebhooks(sandbox) {
	const key = sandbox.apiKeys[0].key;
	return await Promise.all(
		sandbox.control.webhooks().v2.map(async ({ id }) => {
			const response = await fetch(`${sandbox.url}/v2/api/webhooks/${id}`, {
				headers: { authorization: `Api-Key ${key}` },
			});
			if (!response.ok) throw new Error(`GET webhook ${id}: ${response.status}`);
			return (await response.json()).data;
		}),
	);
}

/** Every execution of the workflow, through n8n's public API, with its data when asked. */
async function listExecutions(api, workflowId, { includeData = false } = {}) {
	const all = [];
	let cursor;
	do {
		const page = await api(
			'GET',
			`/api/v1/executions?workflowId=${workflowId}&includeData=${includeData}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor;
	} while (cursor);
	return all;
}

module.exports = { TRIGGER, alloWebhooks, createTriggerWorkflow, listExecutions };
