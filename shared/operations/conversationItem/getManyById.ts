import { inputError } from '../../validation/inputError';
import { sampleItem } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callList } from '../v2';

/** Allo's batch read takes at most this many IDs. */
export const BATCH_LIMIT = 100;

export const getConversationItemsById = defineOperation({
	resource: 'conversationItem',
	operation: 'getManyById',
	name: 'Get Many by ID',
	action: 'Get calls and texts by ID',
	description: `Get up to ${BATCH_LIMIT} calls and texts in one request, by their IDs; IDs Allo does not know are left out of the output`,
	endpoints: ['batchGetConversationItems'],
	fields: [
		{
			key: 'itemIds',
			label: 'Call or Text IDs',
			type: 'multiOptions',
			required: true,
			example: 'cll-2NfDKEm9sF8xK3pQr1Zt, msg-8HfKs92LmQ',
			description: `The IDs of calls (cll-…) and texts (msg-…), separated by commas; at most ${BATCH_LIMIT}`,
		},
	],
	sample: { ...sampleItem },
	async execute(context, input) {
		const ids = input.itemIds;
		if (ids.length > BATCH_LIMIT) {
			throw inputError(
				'itemIds',
				'Call or Text IDs',
				`has ${ids.length} IDs`,
				`Give at most ${BATCH_LIMIT} IDs, or split them over several items.`,
			);
		}
		return callList('batchGetConversationItems', () => ({ body: { ids } }))(context, input);
	},
});
