import { unsubscribe } from '../../webhooks/subscriptions';
import { defineOperation } from '../define';
import { webhookApiField } from './webhookFields';

export const deleteWebhook = defineOperation({
	resource: 'webhook',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a webhook',
	description: 'Remove a webhook from Allo; one already removed counts as deleted',
	endpoints: ['deleteWebhook', 'deleteWebhookV1'],
	fields: [
		webhookApiField,
		{
			key: 'webhookId',
			label: 'Webhook ID',
			type: 'string',
			required: true,
			example: 'ep_2NfDKEm9sF8xK3pQr1Zt',
			description: 'The ID of the webhook, as in the output of Get Many',
		},
	],
	sample: { deleted: true },
	async execute({ client }, input) {
		await unsubscribe(client, input.api, input.webhookId);
		return [{ deleted: true }];
	},
});
