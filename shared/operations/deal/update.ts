import { changesOf } from '../v2';
import { sampleDeal } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { normaliseV2 } from '../../records/v2';
import { dealBody } from './body';
import { dealFields, dealIdField } from './dealFields';

export const updateDeal = defineOperation({
	resource: 'deal',
	operation: 'update',
	name: 'Update',
	action: 'Update a deal',
	description: 'Change a deal of the Allo CRM, e.g. move it to Won; only the fields given change',
	endpoints: ['updateDeal'],
	fields: [
		dealIdField,
		{
			key: 'name',
			label: 'Name',
			type: 'string',
			example: 'Enterprise Plan',
			group: 'updateFields',
		},
		...dealFields('updateFields'),
	],
	sample: { ...sampleDeal },
	async execute({ client }, input) {
		const body = changesOf(dealBody(input));
		return [normaliseV2(await client.call('updateDeal', { path: { id: input.dealId }, body }))];
	},
});
