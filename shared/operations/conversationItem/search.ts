import { sampleItem } from '../../records/v2Samples';
import {
	alloNumberField,
	choiceField,
	contactNumberField,
	groupedChoiceField,
	optionsOf,
} from '../commonFields';
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
		choiceField(
			'type',
			'Type',
			optionsOf({ ALL: 'Calls and Texts', CALL: 'Calls', SMS: 'Texts' }),
			'Whether to search calls, texts or both',
		),
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
		groupedChoiceField(
			{ key: 'direction', label: 'Direction', group: 'filters' },
			{ INBOUND: 'Inbound', OUTBOUND: 'Outbound' },
		),
		groupedChoiceField(
			{ key: 'result', label: 'Call Result', group: 'filters' },
			{ ANSWERED: 'Answered', VOICEMAIL: 'Voicemail', TRANSFERRED: 'Transferred' },
			'Only calls that ended this way',
		),
		tagsFilterField,
		alloNumberField({ group: 'filters', description: 'Only items of this Allo number' }),
		contactNumberField({
			group: 'filters',
			description: 'Only items with this phone number, in E.164 format',
		}),
		userIdField({ required: false, group: 'filters', description: 'Only items of this teammate' }),
		groupedChoiceField(
			{ key: 'sort', label: 'Sort', group: 'options' },
			{ DATE_DESC: 'Newest First', DATE_ASC: 'Oldest First', RELEVANCE: 'Best Match First' },
		),
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
