import { sampleWebhook } from '../../records/samples';
import { subscribe } from '../../webhooks/subscriptions';
import { alloNumberField } from '../commonFields';
import { defineOperation } from '../define';
import { v1TopicOptions, v2TopicOptions, webhookApiField } from './webhookFields';

export const createWebhook = defineOperation({
	resource: 'webhook',
	operation: 'create',
	name: 'Create',
	action: 'Create a webhook',
	description:
		'Register an HTTPS URL to receive Allo events. The signing secret is never output; to react to events in a workflow, use the Allo Trigger.',
	endpoints: ['createWebhook', 'createWebhookV1'],
	fields: [
		webhookApiField,
		{
			key: 'url',
			label: 'URL',
			type: 'url',
			required: true,
			example: 'https://example.com/webhooks/allo',
			description: 'The public HTTPS address Allo delivers events to',
		},
		{
			key: 'topics',
			label: 'Events',
			type: 'multiOptions',
			required: true,
			options: v2TopicOptions,
			description: 'The events to deliver',
			showWhen: { api: ['v2'] },
		},
		{
			key: 'topicsV1',
			label: 'Events',
			type: 'multiOptions',
			required: true,
			options: v1TopicOptions,
			description: 'The events to deliver',
			showWhen: { api: ['v1'] },
		},
		alloNumberField({
			required: true,
			description: 'The Allo number whose events to deliver',
			showWhen: { api: ['v1'] },
		}),
		{
			key: 'description',
			label: 'Description',
			type: 'string',
			example: 'CRM sync',
			group: 'additionalFields',
			description: 'A label to recognise the webhook by in Allo',
			showWhen: { api: ['v2'] },
		},
	],
	sample: { ...sampleWebhook },
	async execute({ client }, input) {
		const { webhook } = await subscribe(
			client,
			input.api === 'v2'
				? { api: 'v2', url: input.url, topics: input.topics, description: input.description }
				: { api: 'v1', url: input.url, topics: input.topicsV1, alloNumber: input.alloNumber },
		);
		return [{ ...webhook }];
	},
});
