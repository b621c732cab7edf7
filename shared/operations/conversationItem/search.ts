import { sampleItem } from '../../records/v2Samples';
import { alloNumberField, contactNumberField } from '../commonFields';
import { defineOperation } from '../define';
import { userIdField } from '../user/userFields';
import { callPaged, compact, dayWindow } from '../v2';
import { extendOf, includeTranscriptField, tagsFilterField } from './conversationItemFields';

export const searchConversationItems = defineOperation({
	resource: 'conversationItem',
	operation: 'search',
	name: 'Search',
	action: 'Search calls and texts',
	description:
		'Search calls and texts across every Allo number by words in transcripts, summaries and messages, dates, type, direction, result, user and tags, newest first',
	endpoints: ['searchConversationItems'],
	paged: true,
	fields: [
		{
			key: 'search',
			label: 'Search Text',
			type: 'string',
			example: 'refund',
			description: 'Words to look for in call transcripts, summaries and text messages',
		},
		{
			key: 'type',
			label: 'Type',
			type: 'options',
			default: 'ALL',
			options: [
				{ value: 'ALL', label: 'Calls and Texts' },
				{ value: 'CALL', label: 'Calls' },
				{ value: 'SMS', label: 'Texts' },
			],
			description: 'Whether to search calls, texts or both',
		},
		{
			key: 'from',
			label: 'From Date',
			type: 'dateTime',
			group: 'filters',
			description: 'Only items on or after this day (needs To Date too)',
		},
		{
			key: 'to',
			label: 'To Date',
			type: 'dateTime',
			group: 'filters',
			description: 'Only items on or before this day (needs From Date too)',
		},
		{
			key: 'direction',
			label: 'Direction',
			type: 'options',
			group: 'filters',
			options: [
				{ value: 'INBOUND', label: 'Inbound' },
				{ value: 'OUTBOUND', label: 'Outbound' },
			],
		},
		{
			key: 'result',
			label: 'Call Result',
			type: 'options',
			group: 'filters',
			options: [
				{ value: 'ANSWERED', label: 'Answered' },
				{ value: 'VOICEMAIL', label: 'Voicemail' },
				{ value: 'TRANSFERRED', label: 'Transferred' },
			],
			description: 'Only calls that ended this way',
		},
		tagsFilterField,
		alloNumberField({ group: 'filters', description: 'Only items of this Allo number' }),
		contactNumberField({
			group: 'filters',
			description: 'Only items with this phone number, in E.164 format',
		}),
		userIdField({ required: false, group: 'filters', description: 'Only items of this teammate' }),
		{
			key: 'sort',
			label: 'Sort',
			type: 'options',
			group: 'options',
			options: [
				{ value: 'DATE_DESC', label: 'Newest First' },
				{ value: 'DATE_ASC', label: 'Oldest First' },
				{ value: 'RELEVANCE', label: 'Best Match First' },
			],
		},
		includeTranscriptField,
	],
	sample: { ...sampleItem },
	async execute(context, input) {
		const date = dayWindow(input.from, input.to, ['from', 'From Date'], ['to', 'To Date']);
		return callPaged('searchConversationItems', () => ({
			body: compact({
				search: input.search,
				type: input.type,
				direction: input.direction,
				result: input.result,
				tags: input.tags,
				allo_number: input.alloNumber,
				contact_number: input.contactNumber,
				user_id: input.userId,
				sort: input.sort,
				extend: extendOf(input),
				date,
			}),
		}))(context, input);
	},
});
