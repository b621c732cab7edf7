import { defineOperation } from '../define';
import { callDone } from '../v2';
import { callField } from '../conversationItem/conversationItemFields';

export const removeTag = defineOperation({
	resource: 'tag',
	operation: 'remove',
	name: 'Remove from Call',
	action: 'Remove a tag from a call',
	description: 'Take one tag off a call',
	endpoints: ['removeTag'],
	fields: [
		callField,
		{
			key: 'tag',
			label: 'Tag',
			type: 'options',
			required: true,
			dynamic: 'tags',
			example: 'support',
			description: 'The tag to remove, by name (as in the output of Tag: Get Many)',
		},
	],
	sample: { success: true, id: 'cll-2NfDKEm9sF8xK3pQr1Zt', tag: 'support' },
	execute: callDone(
		'removeTag',
		(input) => ({ path: { id: input.callId, tag: input.tag } }),
		(input) => ({ id: input.callId, tag: input.tag }),
	),
});
