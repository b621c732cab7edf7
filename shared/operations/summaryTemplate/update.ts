import { sampleSummaryTemplate } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { templateBody, templateFields, templateIdField } from './summaryTemplateFields';

export const updateSummaryTemplate = defineOperation({
	resource: 'summaryTemplate',
	operation: 'update',
	name: 'Update',
	action: 'Update a summary template',
	description:
		'Replace a summary template’s name, sections, call context and icon; fields left empty are cleared, as Allo replaces the whole template',
	endpoints: ['updateSummaryTemplate'],
	fields: [templateIdField(), ...templateFields],
	sample: { ...sampleSummaryTemplate },
	execute: callOne('updateSummaryTemplate', (input) => ({
		path: { id: input.templateId },
		body: templateBody(input),
	})),
});
