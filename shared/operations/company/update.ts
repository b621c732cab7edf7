import { inputError } from '../../validation/inputError';
import { sampleCompany } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { bodyOf, callOne } from '../v2';
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
	async execute(context, input) {
		if (Object.keys(bodyOf(input, COMPANY_BODY)).length === 0) {
			throw inputError(
				'updateFields',
				'Update Fields',
				'is empty',
				'Add at least one field to change.',
			);
		}
		return callOne('updateCompany', () => ({
			path: { id: input.companyId },
			body: bodyOf(input, COMPANY_BODY),
		}))(context, input);
	},
});
