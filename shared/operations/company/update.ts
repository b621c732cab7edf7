import { sampleCompany } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { bodyOf, callOne, changesOf } from '../v2';
import { COMPANY_BODY, companyFields, companyIdField } from './companyFields';

export const updateCompany = defineOperation({
	resource: 'company',
	operation: 'update',
	name: 'Update',
	action: 'Update a company',
	description:
		'Change the name, website or industry of a company of the Allo CRM; only the fields given change',
	endpoints: ['updateCompany'],
	fields: [
		companyIdField,
		{ key: 'name', label: 'Name', type: 'string', example: 'Acme Corp', group: 'updateFields' },
		...companyFields('updateFields'),
	],
	sample: { ...sampleCompany },
	execute: callOne('updateCompany', (input) => ({
		path: { id: input.companyId },
		body: changesOf(bodyOf(input, COMPANY_BODY)),
	})),
});
