import { EVENTS, V1_TOPICS } from '../../webhooks/topics';
import { choiceField } from '../commonFields';

export const webhookApiField = choiceField(
	'api',
	'Webhook API',
	[
		{
			value: 'v2',
			label: 'Current: Signed Webhooks (v2)',
			description: 'Workspace-wide, signed deliveries, all events',
		},
		{
			value: 'v1',
			label: 'Legacy: Per-Number Webhooks (v1)',
			description: 'Unsigned, one Allo number, five events',
		},
	],
	'Which Allo webhook system to use; signed v2 webhooks are recommended',
);

export const v2TopicOptions = EVENTS.map((event) => ({
	value: event.topic,
	label: event.label,
	description: event.description,
}));

export const v1TopicOptions = V1_TOPICS.map((topic) => {
	const event = EVENTS.find((e) => e.v1Topic === topic)!;
	return { value: topic, label: event.label, description: event.description };
});

/** A signed (v2) webhook, by the ID Create or Get Many output. */
export const webhookIdField = {
	key: 'webhookId',
	label: 'Webhook ID',
	type: 'string',
	required: true,
	example: 'ep_2NfDKEm9sF8xK3pQr1Zt',
	description: 'The ID of the signed (v2) webhook, as in the output of Create or Get Many',
} as const;
