import type { AlloClient } from '../http/client';
import { isAlloError } from '../http/errors';
import { settle } from '../settle';
import { normaliseWebhook, type Webhook } from '../records/misc';
import { asArray, asRecord, asString } from '../json';
import type { WebhookApi } from './topics';

export interface SubscribeRequest {
	api: WebhookApi;
	url: string;
	topics: readonly string[];
	/** Required by v1 webhooks, which belong to one Allo number. */
	alloNumber?: string;
	description?: string;
}

export interface Subscription {
	webhook: Webhook;
	/** The `whsec_` secret of a v2 webhook; v1 webhooks are unsigned. Keep it out of outputs. */
	signingSecret: string | null;
}

/** Registers a webhook; v2 answers with the id and signing secret. */
export async function subscribe(
	client: AlloClient,
	request: SubscribeRequest,
): Promise<Subscription> {
	const created =
		request.api === 'v2'
			? await client.call('createWebhook', {
					body: {
						url: request.url,
						topics: request.topics,
						...(request.description ? { description: request.description } : {}),
					},
				})
			: await client.call('createWebhookV1', {
					body: {
						allo_number: request.alloNumber,
						url: request.url,
						topics: request.topics,
						enabled: true,
					},
				});
	return {
		webhook: normaliseWebhook(created, request.api),
		signingSecret: asString(asRecord(created).signing_secret),
	};
}

/** Removes a webhook; one that is already gone counts as removed. */
export async function unsubscribe(client: AlloClient, api: WebhookApi, id: string): Promise<void> {
	const removal = await settle(
		client.call(api === 'v2' ? 'deleteWebhook' : 'deleteWebhookV1', { path: { webhook_id: id } }),
	);
	if (!removal.ok && !(isAlloError(removal.error) && removal.error.kind === 'notFound'))
		throw removal.error;
}

export async function listWebhooks(client: AlloClient, api: WebhookApi): Promise<Webhook[]> {
	const list = await client.call(api === 'v2' ? 'listWebhooks' : 'listWebhooksV1');
	return asArray(list).map((webhook) => normaliseWebhook(webhook, api));
}
