import { normaliseWebhook } from '../../records/misc';
import { sampleWebhook } from '../../records/samples';
import { defineOperation } from '../define';
import { bodyOf, changesOf } from '../v2';
import { v2TopicOptions, webhookIdField } from './webhookFields';

const BODY = { url: 'url', topics: 'topics', description: 'description', enabled: 'enabled' };

export const updateWebhook = defineOperation({
	resource: 'webhook',
	operation: 'update',
	name: 'Update',
	action: 'Update a webhook',
	description:
		'Change the URL, events, description of a signed (v2) webhook, or pause and resume it; only the fields given change',
	endpoints: ['updateWebhook'],
	fields: [
		webhookIdField,
		{
			key: 'url',
			label: 'URL',
			type: 'url',
			group: 'updateFields',
			example: 'https://example.com/webhooks/allo',
			description: 'The public HTTPS address Allo delivers events to',
		},
		{
			key: 'topics',
			label: 'Events',
			type: 'multiOptions',
			group: 'updateFields',
			options: v2TopicOptions,
			description: 'The events to deliver; they replace the current ones',
		},
		{ key: 'description', label: 'Description', type: 'string', group: 'updateFields' },
		{
			key: 'enabled',
			label: 'Enabled',
			type: 'boolean',
			group: 'updateFields',
			description: 'Whether Allo delivers events to the webhook',
		},
	],
	sample: { ...sampleWebhook },
	async execute({ client }, input) {
		const body = changesOf(bodyOf(input, BODY));
		const raw = await client.call('updateWebhook', {
			path: { webhook_id: input.webhookId },
			body,
		});
		return [{ ...normaliseWebhook(raw, 'v2') }];
	},
});
