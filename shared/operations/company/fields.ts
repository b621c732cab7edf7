import type { FieldDeclaration } from '../types';
import { idField } from '../v2';

export const companyIdField = idField(
	'companyId',
	'Company ID',
	'com-xyz789',
	'company, as in the output of Company: Create or Search',
);

export const companyFields = (group: FieldDeclaration['group']): FieldDeclaration[] => [
	{ key: 'website', label: 'Website', type: 'string', example: 'https://acme.example', group },
	{ key: 'industry', label: 'Industry', type: 'string', example: 'Software', group },
];

export const COMPANY_BODY = { name: 'name', website: 'website', industry: 'industry' };

/** The order of CRM search results. */
export const crmSortField: FieldDeclaration = {
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
};
