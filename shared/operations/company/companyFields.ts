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
export const crmSortField = {
	key: 'sort',
	label: 'Sort',
	type: 'options',
	group: 'options',
	options: [
		{ value: 'DATE_DESC', label: 'Recently Updated First' },
		{ value: 'DATE_ASC', label: 'Least Recently Updated First' },
		{ value: 'NAME_ASC', label: 'Name A to Z' },
		{ value: 'NAME_DESC', label: 'Name Z to A' },
		{ value: 'CREATED_DESC', label: 'Newest First' },
		{ value: 'CREATED_ASC', label: 'Oldest First' },
	],
	description: 'The order of the results; Allo lists recently updated records first',
} as const;
