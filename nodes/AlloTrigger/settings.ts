import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { toV2Topic, type V1Topic, type V2Topic, type WebhookApi } from '../../shared';

export interface TriggerSettings {
	api: WebhookApi;
	/** The topics registered with Allo, in the chosen API's names. */
	topics: string[];
	/** The same events as v2 topics, to match incoming events. */
	eventTopics: string[];
	/** v1: the one Allo number of the webhook. */
	alloNumber?: string;
	/** Only events of these numbers start the workflow; empty means all. */
	alloNumbers: string[];
}

export function readSettings(context: IHookFunctions | IWebhookFunctions): TriggerSettings {
	const api = context.getNodeParameter('api', 'v2') as WebhookApi;
	const topics = (context.getNodeParameter(api === 'v2' ? 'events' : 'eventsV1', []) as string[])
		.slice()
		.sort();
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		api,
		topics,
		eventTopics: topics.map((topic) => toV2Topic(topic as V1Topic | V2Topic)),
		alloNumber: api === 'v1' ? (context.getNodeParameter('alloNumber', '') as string) : undefined,
		alloNumbers: api === 'v2' ? ((options.alloNumbers as string[] | undefined) ?? []) : [],
	};
}

/** What the trigger keeps between activations, in the node's static data. */
export interface TriggerState {
	webhookId?: string;
	/** The URL it delivers to: production and test URLs each have their own webhook. */
	url?: string;
	/** The webhook API the stored webhook belongs to. */
	api?: WebhookApi;
	/** The v2 signing secret; never output. */
	signingSecret?: string;
	/** Delivery ids already handled, newest last, to drop Allo's retries. */
	deliveries?: string[];
}
