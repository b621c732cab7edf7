import { sampleItem } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { extendOf, includeTranscriptField, itemIdField } from './conversationItemFields';

export const getConversationItem = defineOperation({
	resource: 'conversationItem',
	operation: 'get',
	name: 'Get',
	action: 'Get a call or text',
	description:
		'Get one call or text by ID: for calls the AI summary, tags, result and recording link, for texts the content and delivery status',
	endpoints: ['getConversationItem'],
	fields: [itemIdField, includeTranscriptField],
	sample: { ...sampleItem },
	execute: callOne('getConversationItem', (input) => ({
		path: { id: input.itemId },
		query: { extend: extendOf(input) },
	})),
});
