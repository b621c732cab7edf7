import { sampleCompany } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callPaged, compact } from '../v2';
import { crmSortField } from './companyFields';

export const searchCompanies = defineOperation({
	resource: 'company',
	operation: 'search',
	name: 'Search',
	action: 'Search companies',
	description: 'Search the companies of the Allo CRM by name, website or industry',
	endpoints: ['searchCompanies'],
	paged: true,
	fields: [
		{
			key: 'name',
			label: 'Name',
			type: 'string',
			group: 'filters',
			description: 'Only companies whose name contains this',
		},
		{
			key: 'website',
			label: 'Website',
			type: 'string',
			group: 'filters',
			description: 'Only companies whose website contains this',
		},
		{
			key: 'industry',
			label: 'Industry',
			type: 'string',
			group: 'filters',
			description: 'Only companies whose industry contains this',
		},
		crmSortField,
	],
	sample: { ...sampleCompany },
	execute: callPaged('searchCompanies', (input) => {
		const filters = compact({ name: input.name, website: input.website, industry: input.industry });
		return {
			body: compact({
				sort: input.sort,
				filters: Object.keys(filters).length ? filters : undefined,
			}),
		};
	}),
});
