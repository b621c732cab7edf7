import type {
	IDataObject,
	IHookFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import {
	eventForTopic,
	toV1Topic,
	toV2Topic,
	type V1Topic,
	type V2Topic,
	type WebhookApi,
} from '../../shared';

export interface TriggerSettings {
	api: WebhookApi;
	/** The topics registered with Allo, in the chosen API's names. */
	topics: string[];
	/** The same events as v2 topics, to match incoming events. */
	eventTopics: string[];
	/** Events chosen that per-number (v1) webhooks do not carry, by label. */
	notCarried: string[];
	/** v1: the one Allo number of the webhook. */
	alloNumber?: string;
	/** Only events of these numbers start the workflow; empty means all. */
	alloNumbers: string[];
}

export function readSettings(
	context: IHookFunctions | ITriggerFunctions | IWebhookFunctions,
): TriggerSettings {
	const api = context.getNodeParameter('api', 'v2') as WebhookApi;
	// Version 1 keeps per-number events under their v1 names; version 2 has one Events for both APIs.
	const eventsParameter = api === 'v1' && context.getNode().typeVersion < 2 ? 'eventsV1' : 'events';
	const eventTopics = (context.getNodeParameter(eventsParameter, []) as Array<V1Topic | V2Topic>)
		.map(toV2Topic)
		.sort();
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		api,
		topics:
			api === 'v2' ? eventTopics : eventTopics.flatMap((topic) => toV1Topic(topic) ?? []).sort(),
		eventTopics,
		notCarried:
			api === 'v1'
				? eventTopics
						.filter((topic) => !toV1Topic(topic))
						.map((topic) => eventForTopic(topic)!.label)
				: [],
		// A list picker since version 2, a plain number before: extractValue reads either.
		alloNumber:
			api === 'v1'
				? (context.getNodeParameter('alloNumber', '', { extractValue: true }) as string)
				: undefined,
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
}
