import { sampleCompany } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { bodyOf, callOne } from '../v2';
import { COMPANY_BODY, companyFields } from './companyFields';

export const createCompany = defineOperation({
	resource: 'company',
	operation: 'create',
	name: 'Create',
	action: 'Create a company',
	description: 'Add a company to the Allo CRM; link people and deals to it by its ID',
	endpoints: ['createCompany'],
	fields: [
		{ key: 'name', label: 'Name', type: 'string', required: true, example: 'Acme Corp' },
		...companyFields('additionalFields'),
	],
	sample: { ...sampleCompany },
	execute: callOne('createCompany', (input) => ({ body: bodyOf(input, COMPANY_BODY) })),
});
