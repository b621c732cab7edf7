import { alloNumberField, choiceField, optionsOf } from '../commonFields';
import { defineOperation } from '../define';
import { callDone, compact } from '../v2';

export const setConversationStatus = defineOperation({
	resource: 'conversation',
	operation: 'setStatus',
	name: 'Set Status',
	action: 'Mark or archive a conversation',
	description:
		'Mark the conversation with a phone number as read or unread, or archive or unarchive it',
	endpoints: ['executeConversationAction'],
	fields: [
		{
			key: 'contactNumber',
			label: 'Contact Number',
			type: 'phone',
			required: true,
			example: '+14155551234',
			description: 'The phone number the conversation is with, in E.164 format',
		},
		{
			...choiceField(
				'action',
				'Status',
				optionsOf({
					READ: 'Read',
					UNREAD: 'Unread',
					ARCHIVE: 'Archived',
					UNARCHIVE: 'Not Archived',
				}),
				'The state to put the conversation in',
			),
			required: true,
		},
		alloNumberField({
			group: 'additionalFields',
			description: 'Only the conversation on this Allo number; otherwise on every number',
		}),
	],
	sample: { success: true, contact_number: '+14155551234', action: 'READ' },
	execute: callDone(
		'executeConversationAction',
		(input) => ({
			path: { contact_number: input.contactNumber },
			body: compact({ action: input.action, allo_number: input.alloNumber }),
		}),
		(input) => ({ contact_number: input.contactNumber, action: input.action }),
	),
});
