import { sampleDeal } from '../../records/v2Samples';
import { crmSortField } from '../company/companyFields';
import { groupedChoiceField } from '../commonFields';
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
		groupedChoiceField(
			{ key: 'stage', label: 'Stage', group: 'filters' },
			DEAL_STAGES,
			'Only deals at this stage',
		),
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
