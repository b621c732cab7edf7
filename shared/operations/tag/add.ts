import { defineOperation } from '../define';
import { callDone } from '../v2';
import { callField } from '../conversationItem/conversationItemFields';

export const addTags = defineOperation({
	resource: 'tag',
	operation: 'add',
	name: 'Add to Call',
	action: 'Add tags to a call',
	description: 'Tag a call with one or more of the team’s tags; tags it already has are kept',
	endpoints: ['addTags'],
	fields: [
		callField,
		{
			key: 'tags',
			label: 'Tags',
			type: 'multiOptions',
			required: true,
			dynamic: 'tags',
			example: 'support',
			description: 'The tags to add, by name (as in the output of Tag: Get Many)',
		},
	],
	sample: { success: true, id: 'cll-2NfDKEm9sF8xK3pQr1Zt', tags: ['support'] },
	execute: callDone(
		'addTags',
		(input) => ({ path: { id: input.callId }, body: { tags: input.tags } }),
		(input) => ({ id: input.callId, tags: input.tags }),
	),
});
