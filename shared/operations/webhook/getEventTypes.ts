import { sampleEventType } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callList } from '../v2';

export const getWebhookEventTypes = defineOperation({
	resource: 'webhook',
	operation: 'getEventTypes',
	name: 'Get Event Types',
	action: 'Get the webhook event types',
	description: 'List the events a signed (v2) webhook can subscribe to, by name with a description',
	endpoints: ['listWebhookEventTypes'],
	fields: [],
	sample: { ...sampleEventType },
	execute: callList('listWebhookEventTypes'),
});
