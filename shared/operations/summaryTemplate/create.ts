import { sampleSummaryTemplate } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { templateBody, templateFields } from './summaryTemplateFields';

export const createSummaryTemplate = defineOperation({
	resource: 'summaryTemplate',
	operation: 'create',
	name: 'Create',
	action: 'Create a summary template',
	description: 'Create a call summary template: the sections Allo’s AI fills in for each call',
	endpoints: ['createSummaryTemplate'],
	fields: templateFields,
	sample: { ...sampleSummaryTemplate },
	execute: callOne('createSummaryTemplate', (input) => ({ body: templateBody(input) })),
});
