import { sampleDeal } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { dealIdField } from './dealFields';

export const getDeal = defineOperation({
	resource: 'deal',
	operation: 'get',
	name: 'Get',
	action: 'Get a deal',
	description: 'Get one deal of the Allo CRM',
	endpoints: ['getDeal'],
	fields: [dealIdField],
	sample: { ...sampleDeal },
	execute: callOne('getDeal', (input) => ({ path: { id: input.dealId } })),
});
