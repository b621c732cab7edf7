import { paginate } from '../../http/pagination';
import { normaliseConversationItem } from '../../records/conversation';
import { sampleCall } from '../../records/samples';
import { alloNumberField, contactIdField } from '../commonFields';
import { defineOperation } from '../define';

export const getManyConversation = defineOperation({
	resource: 'conversation',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many conversation items',
	description: 'List the calls and texts exchanged with one contact, in order',
	endpoints: ['getContactConversation'],
	paged: true,
	fields: [
		contactIdField(),
		alloNumberField({ group: 'filters', description: 'Only calls and texts of this Allo number' }),
	],
	sample: { type: 'CALL', date: sampleCall.start_date, call: { ...sampleCall }, message: null },
	async execute({ client, page }, input) {
		const items = await paginate(
			client,
			'getContactConversation',
			{
				path: { contact_id: input.contactId },
				query: { allo_number: input.alloNumber },
			},
			page,
		);
		return items.map(normaliseConversationItem);
	},
});
