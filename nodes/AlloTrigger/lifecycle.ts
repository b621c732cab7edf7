import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { listWebhooks, settle, subscribe, unsubscribe } from '../../shared';
import { toNodeError } from '../Allo/actions/errors';
import { createClient } from '../Allo/transport';
import { readSettings, type TriggerState } from './settings';

const sameTopics = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().every((topic, i) => topic === [...b].sort()[i]);

function forget(state: TriggerState) {
	delete state.webhookId;
	delete state.url;
	delete state.api;
	delete state.signingSecret;
}

/**
 * True only when Allo holds one webhook for this URL with exactly the chosen events (and number),
 * and, for signed webhooks, it is the one whose secret we kept. Any other webhook for this URL is
 * stale (events changed, secret lost, API switched) and is deleted, so one URL never gets two.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const settings = readSettings(this);
	const client = await createClient(this);

	const listed = await settle(listWebhooks(client, settings.api));
	if (!listed.ok) throw toNodeError(this.getNode(), listed.error, 0);
	let kept: string | undefined;
	for (const webhook of listed.value.filter((w) => w.url === url && w.id)) {
		const ours =
			sameTopics(webhook.topics, settings.topics) &&
			(settings.api === 'v2'
				? webhook.id === state.webhookId && state.api === 'v2' && Boolean(state.signingSecret)
				: webhook.allo_number === settings.alloNumber);
		if (ours && kept === undefined) {
			kept = webhook.id as string;
			continue;
		}
		const removed = await settle(unsubscribe(client, settings.api, webhook.id as string));
		if (!removed.ok) throw toNodeError(this.getNode(), removed.error, 0);
	}
	if (state.webhookId && state.api && state.api !== settings.api && state.url === url) {
		// The API was switched: the webhook this URL had under the other one is stale too.
		const removed = await settle(unsubscribe(client, state.api, state.webhookId));
		if (!removed.ok) throw toNodeError(this.getNode(), removed.error, 0);
	}
	if (kept === undefined) {
		forget(state);
		return false;
	}
	state.webhookId = kept;
	state.url = url;
	state.api = settings.api;
	return true;
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const settings = readSettings(this);
	if (settings.topics.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No events are selected', {
			description: 'Choose at least one event in Events.',
		});
	}
	const client = await createClient(this);
	const created = await settle(
		subscribe(client, {
			api: settings.api,
			url,
			topics: settings.topics,
			alloNumber: settings.alloNumber,
			description: `n8n workflow ${this.getWorkflow().id ?? ''}`.trim(),
		}),
	);
	if (!created.ok) throw toNodeError(this.getNode(), created.error, 0);
	const { webhook, signingSecret } = created.value;
	if (!webhook.id || (settings.api === 'v2' && !signingSecret)) {
		if (webhook.id) await unsubscribe(client, settings.api, webhook.id);
		throw new NodeOperationError(
			this.getNode(),
			'Allo did not return the new webhook and its signing secret',
			{
				description: 'Publish the workflow again; if this persists, contact Allo support.',
			},
		);
	}
	state.webhookId = webhook.id;
	state.url = url;
	state.api = settings.api;
	if (signingSecret) state.signingSecret = signingSecret;
	else delete state.signingSecret;
	state.deliveries = [];
	return true;
}

/** Removes our webhook; one Allo already removed counts as deleted. */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as TriggerState;
	if (state.webhookId) {
		const client = await createClient(this);
		const removed = await settle(
			unsubscribe(client, state.api ?? readSettings(this).api, state.webhookId),
		);
		if (!removed.ok) throw toNodeError(this.getNode(), removed.error, 0);
	}
	forget(state);
	return true;
}
