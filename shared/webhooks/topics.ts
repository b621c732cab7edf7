/** The five topics of Allo's v1 webhooks (the ones on Allo's API page). */
export const V1_TOPICS = [
	'CALL_RECEIVED',
	'SMS_RECEIVED',
	'SMS_SENT',
	'CONTACT_CREATED',
	'CONTACT_UPDATED',
] as const;
export type V1Topic = (typeof V1_TOPICS)[number];

/** The topics of Allo's v2 signed webhooks. */
export const V2_TOPICS = [
	'call.received',
	'call.triggered',
	'call.answered',
	'call.completed',
	'sms.received',
	'sms.sent',
	'contact.created',
	'contact.updated',
	'tag.added',
	'tag.removed',
	'summary.updated',
] as const;
export type V2Topic = (typeof V2_TOPICS)[number];

export type WebhookApi = 'v1' | 'v2';

export type EventSubject = 'call' | 'sms' | 'contact' | 'tag' | 'summary';

export interface EventDeclaration {
	topic: V2Topic;
	/** The v1 topic carrying the same event, where there is one. */
	v1Topic?: V1Topic;
	/** Title Case name users pick. */
	label: string;
	/** "Triggers when …." */
	description: string;
	subject: EventSubject;
	/** Direction implied by the event when the payload does not say. */
	direction?: 'INBOUND' | 'OUTBOUND';
}

/** Every event users can subscribe to, seed topics first. */
export const EVENTS: readonly EventDeclaration[] = [
	{
		topic: 'call.completed',
		v1Topic: 'CALL_RECEIVED',
		label: 'Call Completed',
		description: 'Triggers when a call ends, with its AI summary, transcript and recording.',
		subject: 'call',
	},
	{
		topic: 'sms.received',
		v1Topic: 'SMS_RECEIVED',
		label: 'SMS Received',
		description: 'Triggers when a text message arrives on an Allo number.',
		subject: 'sms',
		direction: 'INBOUND',
	},
	{
		topic: 'sms.sent',
		v1Topic: 'SMS_SENT',
		label: 'SMS Sent',
		description: 'Triggers when a text message is sent from an Allo number.',
		subject: 'sms',
		direction: 'OUTBOUND',
	},
	{
		topic: 'contact.created',
		v1Topic: 'CONTACT_CREATED',
		label: 'Contact Created',
		description: 'Triggers when a contact is created.',
		subject: 'contact',
	},
	{
		topic: 'contact.updated',
		v1Topic: 'CONTACT_UPDATED',
		label: 'Contact Updated',
		description: 'Triggers when a contact is changed.',
		subject: 'contact',
	},
	{
		topic: 'call.received',
		label: 'Incoming Call Ringing',
		description: 'Triggers when an incoming call starts ringing on an Allo number.',
		subject: 'call',
		direction: 'INBOUND',
	},
	{
		topic: 'call.answered',
		label: 'Call Answered',
		description: 'Triggers when a call is answered.',
		subject: 'call',
	},
	{
		topic: 'call.triggered',
		label: 'Outbound Call Started',
		description: 'Triggers when an outbound call is placed from an Allo number.',
		subject: 'call',
		direction: 'OUTBOUND',
	},
	{
		topic: 'tag.added',
		label: 'Tag Added',
		description: 'Triggers when a tag is added to a call or conversation.',
		subject: 'tag',
	},
	{
		topic: 'tag.removed',
		label: 'Tag Removed',
		description: 'Triggers when a tag is removed from a call or conversation.',
		subject: 'tag',
	},
	{
		topic: 'summary.updated',
		label: 'Summary Updated',
		description: "Triggers when a call's AI summary is created or edited.",
		subject: 'summary',
	},
];

const byTopic = new Map<string, EventDeclaration>(EVENTS.map((event) => [event.topic, event]));
const byV1Topic = new Map<string, EventDeclaration>(
	EVENTS.filter((event) => event.v1Topic).map((event) => [event.v1Topic as string, event]),
);

/** The event a v1 or v2 topic name stands for. */
export const eventForTopic = (topic: string): EventDeclaration | undefined =>
	byTopic.get(topic) ?? byV1Topic.get(topic);

/** The v2 topic for a seed topic, or the v2 topic itself. */
export const toV2Topic = (topic: V1Topic | V2Topic): V2Topic => eventForTopic(topic)!.topic;

/** The v1 topic of an event, when v1 webhooks carry it. */
export const toV1Topic = (topic: V1Topic | V2Topic): V1Topic | undefined =>
	eventForTopic(topic)?.v1Topic;

/** The topics each webhook API accepts. */
export const topicsFor = (api: WebhookApi): readonly string[] =>
	api === 'v1' ? V1_TOPICS : V2_TOPICS;
