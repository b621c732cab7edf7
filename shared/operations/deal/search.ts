import { sampleDeal } from '../../records/v2Samples';
import { crmSortField } from '../company/companyFields';
import { defineOperation } from '../define';
import { callPaged, compact } from '../v2';
import { DEAL_STAGES } from './dealFields';

export const searchDeals = defineOperation({
	resource: 'deal',
	operation: 'search',
	name: 'Search',
	action: 'Search deals',
	description: 'Search the deals of the Allo CRM by name and stage',
	endpoints: ['searchDeals'],
	paged: true,
	fields: [
		{
			key: 'search',
			label: 'Search Text',
			type: 'string',
			example: 'renewal',
			description: 'Words to look for in deal names',
		},
		{
			key: 'stage',
			label: 'Stage',
			type: 'options',
			group: 'filters',
			options: DEAL_STAGES,
			description: 'Only deals at this stage',
		},
		crmSortField,
	],
	sample: { ...sampleDeal },
	execute: callPaged('searchDeals', (input) => ({
		body: compact({
			search: input.search,
			sort: input.sort,
			filters: input.stage ? { stage: input.stage } : undefined,
		}),
	})),
});
