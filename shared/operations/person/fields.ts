import type { FieldDeclaration } from '../types';
import { idField } from '../v2';

export const personIdField = idField(
	'personId',
	'Person ID',
	'cnt-abc123',
	'person, as in the output of Person: Search or Contact operations (a contact and a CRM person share their ID)',
);

export const companyIdField = (group: FieldDeclaration['group']): FieldDeclaration => ({
	key: 'companyId',
	label: 'Company ID',
	type: 'string',
	group,
	example: 'com-xyz789',
	description: 'The company the person works for, as in the output of Company: Create or Search',
});

/** The CRM fields of a person, as Allo's people endpoints write them. */
export const personFields = (group: FieldDeclaration['group']): FieldDeclaration[] => [
	{ key: 'firstName', label: 'First Name', type: 'string', example: 'Jane', group },
	{ key: 'lastName', label: 'Last Name', type: 'string', example: 'Doe', group },
	{
		key: 'emails',
		label: 'Emails',
		type: 'emailList',
		example: 'jane@example.com',
		description: 'One or more email addresses, separated by commas; they replace the existing ones',
		group,
	},
	{ key: 'jobTitle', label: 'Job Title', type: 'string', example: 'Head of Sales', group },
	{ key: 'website', label: 'Website', type: 'string', example: 'https://example.com', group },
	{
		key: 'address',
		label: 'Address',
		type: 'string',
		example: '1 Market St, San Francisco',
		group,
	},
	companyIdField(group),
];

export const PERSON_BODY = {
	firstName: 'name',
	lastName: 'last_name',
	emails: 'emails',
	jobTitle: 'job_title',
	website: 'website',
	address: 'address',
	companyId: 'company_id',
	numbers: 'numbers',
};
