import { sampleDeal } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { dealBody } from './body';
import { dealFields } from './dealFields';

export const createDeal = defineOperation({
	resource: 'deal',
	operation: 'create',
	name: 'Create',
	action: 'Create a deal',
	description: 'Add a deal to the Allo CRM with its stage, amount, currency and company',
	endpoints: ['createDeal'],
	fields: [
		{ key: 'name', label: 'Name', type: 'string', required: true, example: 'Enterprise Plan' },
		...dealFields('additionalFields'),
	],
	sample: { ...sampleDeal },
	execute: callOne('createDeal', (input) => ({ body: dealBody(input) })),
});
