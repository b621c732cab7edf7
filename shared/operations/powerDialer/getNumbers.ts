import { sampleQueueNumber } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callPaged } from '../v2';
import { teammateField } from './powerDialerFields';

export const getPowerDialerNumbers = defineOperation({
	resource: 'powerDialer',
	operation: 'getNumbers',
	name: 'Get Numbers',
	action: 'Get the numbers of the power dialer queue',
	description:
		'List the numbers in the current power dialer queue, in calling order, with the call placed for each one so far',
	endpoints: ['getDialingQueue'],
	paged: true,
	fields: [teammateField],
	sample: { ...sampleQueueNumber },
	execute: callPaged('getDialingQueue', (input) => ({ query: { user_id: input.userId } })),
});
