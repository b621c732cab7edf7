import { groupedChoiceField } from '../commonFields';
import type { FieldGroup } from '../types';

export const companyIdField = {
	key: 'companyId',
	label: 'Company',
	type: 'string',
	required: true,
	dynamic: 'companies',
	example: 'com-xyz789',
	description:
		'The company, picked from the list or given by ID as in the output of Company: Create or Search',
} as const;

export const companyFields = <const Group extends FieldGroup>(group: Group) =>
	[
		{ key: 'website', label: 'Website', type: 'string', example: 'https://acme.example', group },
		{ key: 'industry', label: 'Industry', type: 'string', example: 'Software', group },
	] as const;

export const COMPANY_BODY = { name: 'name', website: 'website', industry: 'industry' } as const;

/** The order of CRM search results. */
export const crmSortField = groupedChoiceField(
	{ key: 'sort', label: 'Sort', group: 'options' },
	{
		DATE_DESC: 'Recently Updated First',
		DATE_ASC: 'Least Recently Updated First',
		NAME_ASC: 'Name A to Z',
		NAME_DESC: 'Name Z to A',
		CREATED_DESC: 'Newest First',
		CREATED_ASC: 'Oldest First',
	},
	'The order of the results; Allo lists recently updated records first',
);
