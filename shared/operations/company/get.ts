import { sampleCompany } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { companyIdField } from './companyFields';

export const getCompany = defineOperation({
	resource: 'company',
	operation: 'get',
	name: 'Get',
	action: 'Get a company',
	description: 'Get one company of the Allo CRM with its number of people and interactions',
	endpoints: ['getCompany'],
	fields: [companyIdField],
	sample: { ...sampleCompany },
	execute: callOne('getCompany', (input) => ({ path: { id: input.companyId } })),
});
