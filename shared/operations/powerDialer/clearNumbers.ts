import { asNumber, asRecord } from '../../json';
import { defineOperation } from '../define';
import { teammateField } from './powerDialerFields';

export const clearPowerDialerNumbers = defineOperation({
	resource: 'powerDialer',
	operation: 'clearNumbers',
	name: 'Remove Numbers',
	action: 'Remove numbers from the power dialer queue',
	description:
		'Remove one number, or every number not called yet, from the current power dialer queue',
	endpoints: ['clearDialingQueueNumbers'],
	fields: [
		{
			key: 'which',
			label: 'Remove',
			type: 'options',
			default: 'number',
			options: [
				{ value: 'number', label: 'One Number', description: 'Every entry of one phone number' },
				{ value: 'unassigned', label: 'Every Number Not Called Yet' },
			],
		},
		{
			key: 'number',
			label: 'Phone Number',
			type: 'phone',
			required: true,
			example: '+14155551234',
			description: 'The number to take out of the queue, in E.164 format',
			showWhen: { which: ['number'] },
		},
		teammateField,
	],
	sample: { removed: 1 },
	async execute({ client }, input) {
		const target = input.which === 'unassigned' ? { unassigned: true } : { number: input.number };
		const data = await client.call('clearDialingQueueNumbers', {
			query: { ...target, user_id: input.userId },
		});
		return [{ removed: asNumber(asRecord(data).removed) ?? 0 }];
	},
});
