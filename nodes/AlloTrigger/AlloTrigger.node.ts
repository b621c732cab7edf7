import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { searchPhoneNumbers } from '../Allo/methods/listSearch';
import { getPhoneNumbers } from '../Allo/methods/loadOptions';
import { properties, subtitle } from './description';
import { checkExists, createWebhook, deleteWebhook } from './lifecycle';
import { receive } from './receive';
import { watch } from './watch';

export class AlloTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Allo Trigger',
		name: 'alloTrigger',
		icon: { light: 'file:../Allo/allo.svg', dark: 'file:../Allo/allo.dark.svg' },
		group: ['trigger'],
		// Version 2: one Events parameter for both webhook APIs.
		version: [1, 2],
		subtitle,
		description: 'Starts the workflow when calls, texts, contacts or tags change in Allo',
		defaults: {
			name: 'Allo Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'alloApi',
				required: true,
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty, so n8n answers with the webhook's `{"received":true}` once the execution is stored.
				responseData: '',
				path: 'webhook',
			},
		],
		properties,
	};

	methods = { loadOptions: { getPhoneNumbers }, listSearch: { searchPhoneNumbers } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await watch.call(this);
	}
}
