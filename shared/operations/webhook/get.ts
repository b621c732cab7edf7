import { normaliseWebhook } from '../../records/misc';
import { sampleWebhook } from '../../records/samples';
import { defineOperation } from '../define';
import { webhookIdField } from './webhookFields';

export const getWebhook = defineOperation({
	resource: 'webhook',
	operation: 'get',
	name: 'Get',
	action: 'Get a webhook',
	description:
		'Get one signed (v2) webhook: its URL, events and whether it is enabled. The signing secret is never output.',
	endpoints: ['getWebhook'],
	fields: [webhookIdField],
	sample: { ...sampleWebhook },
	execute: async ({ client }, input) => [
		{
			...normaliseWebhook(
				await client.call('getWebhook', { path: { webhook_id: input.webhookId } }),
				'v2',
			),
		},
	],
});
