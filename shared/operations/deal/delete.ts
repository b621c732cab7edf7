import { defineOperation } from '../define';
import { callDone } from '../v2';
import { dealIdField } from './dealFields';

export const deleteDeal = defineOperation({
	resource: 'deal',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a deal',
	description: 'Delete a deal from the Allo CRM for good',
	endpoints: ['deleteDeal'],
	fields: [dealIdField],
	sample: { success: true, deal_id: 'dea-def456' },
	execute: callDone(
		'deleteDeal',
		(input) => ({ path: { id: input.dealId } }),
		(input) => ({ deal_id: input.dealId }),
	),
});
