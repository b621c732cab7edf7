import { alloNumberField } from '../commonFields';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { templateIdField } from './summaryTemplateFields';

export const setNumberDefaultTemplate = defineOperation({
	resource: 'summaryTemplate',
	operation: 'setNumberDefault',
	name: 'Set Number Default',
	action: 'Set the default summary template of a number',
	description:
		'Choose the summary template Allo uses for the calls of one Allo number, or clear it to go back to Allo’s default',
	endpoints: ['setNumberSummaryTemplate'],
	fields: [
		alloNumberField({
			required: true,
			description: 'The Allo number whose calls use the template',
		}),
		templateIdField({
			required: false,
			description: 'The template for the number’s calls; leave empty to clear the default',
		}),
	],
	sample: { number: '+14155550100', default_summary_template_id: 'tst-abc123' },
	execute: callOne('setNumberSummaryTemplate', (input) => ({
		path: { number: input.alloNumber },
		body: { summary_template_id: input.templateId ?? null },
	})),
});
