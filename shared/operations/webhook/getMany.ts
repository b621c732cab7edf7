import { sampleWebhook } from '../../records/samples';
import { listWebhooks } from '../../webhooks/subscriptions';
import { defineOperation } from '../define';
import { webhookApiField } from './webhookFields';

export const getManyWebhooks = defineOperation({
	resource: 'webhook',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many webhooks',
	description: 'List the webhooks registered in the Allo workspace',
	endpoints: ['listWebhooks', 'listWebhooksV1'],
	fields: [webhookApiField],
	sample: { ...sampleWebhook },
	async execute({ client }, input) {
		const webhooks = await listWebhooks(client, input.api);
		return webhooks.map((webhook) => ({ ...webhook }));
	},
});
