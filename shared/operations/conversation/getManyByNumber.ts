import { sampleConversation } from '../../records/v2Samples';
import { alloNumberField } from '../commonFields';
import { defineOperation } from '../define';
import { callPaged } from '../v2';

export const getManyConversationsByNumber = defineOperation({
	resource: 'conversation',
	operation: 'getManyByNumber',
	name: 'Get Many by Allo Number',
	action: 'Get many conversations of an Allo number',
	description:
		'List the conversations of one Allo number, one per contact phone number with its latest call or text, most recent activity first',
	endpoints: ['listConversations'],
	paged: true,
	fields: [
		alloNumberField({ required: true, description: 'The Allo number whose conversations to list' }),
		{
			key: 'since',
			label: 'Active Since',
			type: 'dateTime',
			group: 'filters',
			description: 'Only conversations with activity after this time, for incremental syncs',
		},
		{
			key: 'unread',
			label: 'Unread Only',
			type: 'boolean',
			default: false,
			group: 'filters',
			description: 'Whether to list only unread conversations',
		},
	],
	sample: { ...sampleConversation },
	execute: callPaged('listConversations', (input) => ({
		query: {
			allo_number: input.alloNumber,
			last_activity_since: input.since,
			unread: input.unread === true ? true : undefined,
		},
	})),
});
