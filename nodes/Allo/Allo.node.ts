import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { properties, subtitle } from './actions/description';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Allo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Allo',
		name: 'allo',
		icon: { light: 'file:allo.svg', dark: 'file:allo.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle,
		description:
			'Work with Allo calls (AI summaries, transcripts, recordings), contacts, texts, numbers and webhooks',
		defaults: {
			name: 'Allo',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'alloApi',
				required: true,
			},
		],
		properties,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
