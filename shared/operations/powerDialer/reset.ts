import { sampleQueue } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne, compact } from '../v2';
import { teammateField } from './powerDialerFields';

export const resetPowerDialer = defineOperation({
	resource: 'powerDialer',
	operation: 'reset',
	name: 'Reset',
	action: 'Start a new power dialer queue',
	description:
		'Replace the current power dialer queue with a new, empty one; the old queue is no longer current',
	endpoints: ['resetDialingQueue'],
	fields: [
		{
			key: 'name',
			label: 'Queue Name',
			type: 'string',
			example: 'Monday prospects',
			group: 'additionalFields',
		},
		teammateField,
	],
	sample: { ...sampleQueue },
	execute: callOne('resetDialingQueue', (input) => ({
		body: compact({ name: input.name, user_id: input.userId }),
	})),
});
