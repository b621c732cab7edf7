import { paginate } from '../../http/pagination';
import { normaliseCall } from '../../records/call';
import { normaliseMessage } from '../../records/message';
import { sampleCall } from '../../records/samples';
import { asRecord } from '../../json';
import { alloNumberField, contactIdField } from '../commonFields';
import { defineOperation } from '../define';

/** A conversation entry: a call or a text, told apart by `type`. */
export function normaliseConversationItem(raw: unknown) {
	const item = asRecord(raw);
	if (item.type === 'TEXT_MESSAGE' || (item.message && !item.call)) {
		const message = normaliseMessage(item.message);
		return { type: 'SMS', date: message.sent_at, call: null, message };
	}
	const call = normaliseCall(item.call);
	return { type: 'CALL', date: call.start_date, call, message: null };
}

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
