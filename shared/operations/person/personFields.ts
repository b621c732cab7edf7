import { contactDetailFields } from '../commonFields';
import type { FieldGroup } from '../types';

export const personIdField = {
	key: 'personId',
	label: 'Person ID',
	type: 'string',
	required: true,
	example: 'cnt-abc123',
	description:
		'The ID of the person, as in the output of Person: Search or of the Contact operations (a contact and a CRM person share their ID)',
} as const;

/** The CRM fields of a person: a contact's details, plus its address and company. */
export const personFields = <const Group extends FieldGroup>(group: Group) =>
	[
		...contactDetailFields(group),
		{
			key: 'address',
			label: 'Address',
			type: 'string',
			example: '1 Market St, San Francisco',
			group,
		},
		{
			key: 'companyId',
			label: 'Company',
			type: 'string',
			dynamic: 'companies',
			example: 'com-xyz789',
			description:
				'The company the person works for, as in the output of Company: Create or Search',
			group,
		},
	] as const;

/** Allo's name for each person field. */
export const PERSON_BODY = {
	firstName: 'name',
	lastName: 'last_name',
	emails: 'emails',
	jobTitle: 'job_title',
	website: 'website',
	address: 'address',
	companyId: 'company_id',
	numbers: 'numbers',
} as const;
