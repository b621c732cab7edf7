import { inputError } from '../../validation/inputError';
import { sampleCallSummary } from '../../records/v2Samples';
import { groupedChoiceField } from '../commonFields';
import { defineOperation } from '../define';
import { callOne, compact } from '../v2';
import { callField } from '../conversationItem/conversationItemFields';

/** Allo keeps summaries of up to this many characters. */
const MAX_SUMMARY_LENGTH = 100000;

export const updateCallSummary = defineOperation({
	resource: 'call',
	operation: 'updateSummary',
	name: 'Update Summary',
	action: 'Update the summary of a call',
	description:
		"Replace a call's AI summary with your own Markdown, e.g. a corrected or enriched one; Allo keeps a version number",
	endpoints: ['updateCallSummary'],
	fields: [
		callField,
		{
			key: 'content',
			label: 'Summary',
			type: 'text',
			required: true,
			example: '## Summary\nCustomer asked about the delivery date.',
			description: 'The new summary, in Markdown, up to 100,000 characters',
		},
		groupedChoiceField(
			{ key: 'templateKey', label: 'Summary Template', group: 'additionalFields' },
			{ MARKDOWN_CLASSIC: 'Classic', MARKDOWN_SHORT_CALL: 'Short Call' },
			'Which of the call’s summaries to replace, when it has more than one',
		),
	],
	sample: { ...sampleCallSummary },
	async execute(context, input) {
		if (input.content.length > MAX_SUMMARY_LENGTH) {
			throw inputError(
				'content',
				'Summary',
				`has ${input.content.length} characters`,
				`Shorten it to at most ${MAX_SUMMARY_LENGTH} characters.`,
			);
		}
		return callOne('updateCallSummary', () => ({
			path: { id: input.callId },
			body: compact({ content: input.content, template_key: input.templateKey }),
		}))(context, input);
	},
});
