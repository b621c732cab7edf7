import {
	NodeOperationError,
	type IHookFunctions,
	type ITriggerFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import {
	enableWebhook,
	fetchSubscription,
	listWebhooks,
	settle,
	subscribe,
	unsubscribe,
	type AlloClient,
	type Webhook,
} from '../../shared';
import { toNodeError } from '../Allo/actions/errors';
import { createClient } from '../Allo/transport';
import { forgetSubscription, knownSubscription, rememberSubscription } from './memory';
import { readSettings, type TriggerSettings, type TriggerState } from './settings';

type SubscriptionContext = IHookFunctions | ITriggerFunctions;

const sameTopics = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().every((topic, i) => topic === [...b].sort()[i]);

function forget(state: TriggerState, url: string | undefined) {
	if (url) forgetSubscription(url);
	delete state.webhookId;
	delete state.url;
	delete state.api;
	delete state.signingSecret;
}

/** Publishing, the scheduled check and unpublishing of one URL never interleave in this process. */
const queues = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(url: string, task: () => Promise<T>): Promise<T> {
	const next = (queues.get(url) ?? Promise.resolve()).then(task, task);
	queues.set(
		url,
		next.catch(() => undefined),
	);
	return await next;
}

async function orFail<T>(context: SubscriptionContext, step: Promise<T>): Promise<T> {
	const done = await settle(step);
	if (!done.ok) throw toNodeError(context.getNode(), done.error, 0);
	return done.value;
}

/** The webhook id this trigger delivers through: the one last healed in this process, or published. */
const currentId = (state: TriggerState, url: string) =>
	knownSubscription(url)?.webhookId ?? state.webhookId;

/**
 * Our webhook for `url` in Allo (enabled or not): the one with exactly the chosen events (and
 * number), and, for signed webhooks, the one whose secret we kept. Every other webhook for this
 * URL is stale (events changed, secret lost, API switched) and is deleted, so one URL never gets two.
 */
async function findOurs(
	context: SubscriptionContext,
	client: AlloClient,
	settings: TriggerSettings,
	state: TriggerState,
	url: string,
): Promise<Webhook | undefined> {
	const listed = await orFail(context, listWebhooks(client, settings.api));
	const id = currentId(state, url);
	const secret = knownSubscription(url)?.signingSecret ?? state.signingSecret;
	let ours: Webhook | undefined;
	for (const webhook of listed.filter((w) => w.url === url && w.id)) {
		const matches =
			sameTopics(webhook.topics, settings.topics) &&
			(settings.api === 'v2'
				? webhook.id === id && state.api === 'v2' && Boolean(secret)
				: webhook.allo_number === settings.alloNumber);
		if (matches && ours === undefined) {
			ours = webhook;
			continue;
		}
		await orFail(context, unsubscribe(client, settings.api, webhook.id as string));
	}
	if (id && state.api && state.api !== settings.api && state.url === url) {
		// The API was switched: the webhook this URL had under the other one is stale too.
		await orFail(context, unsubscribe(client, state.api, id));
	}
	return ours;
}

/** True when our webhook is there and on: a disabled v2 webhook is switched back on, keeping its secret. */
async function ensureOn(
	context: SubscriptionContext,
	client: AlloClient,
	settings: TriggerSettings,
	state: TriggerState,
	url: string,
): Promise<boolean> {
	const ours = await findOurs(context, client, settings, state, url);
	if (ours && !ours.enabled) {
		if (settings.api === 'v2') await orFail(context, enableWebhook(client, ours.id as string));
		else {
			// v1 webhooks cannot be switched back on: replace it (they carry no secret).
			await orFail(context, unsubscribe(client, 'v1', ours.id as string));
			forget(state, url);
			return false;
		}
	}
	if (!ours) {
		forget(state, url);
		return false;
	}
	state.webhookId = ours.id as string;
	state.url = url;
	state.api = settings.api;
	return true;
}

async function register(
	context: SubscriptionContext,
	client: AlloClient,
	settings: TriggerSettings,
	state: TriggerState,
	url: string,
): Promise<void> {
	if (settings.notCarried.length > 0) {
		throw new NodeOperationError(
			context.getNode(),
			`Per-number webhooks do not carry ${settings.notCarried.join(', ')}`,
			{
				description:
					'Remove them from Events, or set Webhook API to Current: Signed Webhooks (v2), which carries every event.',
			},
		);
	}
	if (settings.topics.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No events are selected', {
			description: 'Choose at least one event in Events.',
		});
	}
	const { webhook, signingSecret } = await orFail(
		context,
		subscribe(client, {
			api: settings.api,
			url,
			topics: settings.topics,
			alloNumber: settings.alloNumber,
			description: `n8n workflow ${context.getWorkflow().id ?? ''}`.trim(),
		}),
	);
	if (!webhook.id || (settings.api === 'v2' && !signingSecret)) {
		if (webhook.id) await unsubscribe(client, settings.api, webhook.id);
		throw new NodeOperationError(
			context.getNode(),
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
	rememberSubscription({ url, webhookId: webhook.id, signingSecret });
}

const hookParts = async (context: IHookFunctions) => ({
	url: context.getNodeWebhookUrl('default') as string,
	state: context.getWorkflowStaticData('node') as TriggerState,
	settings: readSettings(context),
	client: await createClient(context),
});

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const { url, state, settings, client } = await hookParts(this);
	return await oneAtATime(url, async () => await ensureOn(this, client, settings, state, url));
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const { url, state, settings, client } = await hookParts(this);
	await oneAtATime(url, async () => await register(this, client, settings, state, url));
	return true;
}

/** Removes our webhook (and one a scheduled check made); one Allo already removed counts as deleted. */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const url = (this.getNodeWebhookUrl('default') as string | undefined) ?? state.url;
	await oneAtATime(url ?? '', async () => {
		const ids = new Set([state.webhookId, url ? knownSubscription(url)?.webhookId : undefined]);
		ids.delete(undefined);
		if (ids.size > 0) {
			const client = await createClient(this);
			const api = state.api ?? readSettings(this).api;
			for (const id of ids) await orFail(this, unsubscribe(client, api, id as string));
		}
		forget(state, url);
	});
	return true;
}

/**
 * Puts back the production webhook the workflow was published with, when Allo lost it (deleted, or
 * disabled after failed deliveries): on, or created again with a new secret, never a second one.
 * Does nothing before the first publish, or after unpublishing, when no webhook is expected.
 */
export async function healSubscription(context: ITriggerFunctions): Promise<void> {
	const state = context.getWorkflowStaticData('node') as TriggerState;
	const url = state.url;
	if (!url) return;
	await oneAtATime(url, async () => {
		if (!state.url) return;
		const settings = readSettings(context);
		const client = await createClient(context);
		if (!(await ensureOn(context, client, settings, state, url)))
			await register(context, client, settings, state, url);
	});
}

/** A failed signature asks Allo for the current secret at most this often per URL. */
export const SECRET_REFRESH_SECONDS = 30;
const lastRefresh = new Map<string, number>();

/**
 * The signing secret of the webhook Allo now holds for `url`, read from Allo and remembered in this
 * process, or undefined. For processes that did not make the webhook themselves: n8n's webhook
 * processors, after the main instance replaced a webhook deleted in Allo. Rate-limited, so forged
 * deliveries cannot make the trigger flood Allo with requests.
 */
export async function refreshSigningSecret(
	context: IWebhookFunctions,
	url: string,
): Promise<string | undefined> {
	const now = Date.now();
	if (now - (lastRefresh.get(url) ?? 0) < SECRET_REFRESH_SECONDS * 1000) return undefined;
	lastRefresh.set(url, now);
	const client = await createClient(context);
	const listed = await settle(listWebhooks(client, 'v2'));
	const current = listed.ok ? listed.value.find((w) => w.url === url && w.id) : undefined;
	if (!current) return undefined;
	const fetched = await settle(fetchSubscription(client, current.id as string));
	if (!fetched.ok || !fetched.value.signingSecret) return undefined;
	rememberSubscription({
		url,
		webhookId: current.id as string,
		signingSecret: fetched.value.signingSecret,
	});
	return fetched.value.signingSecret;
}
