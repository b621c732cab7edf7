import { sampleSummaryTemplate } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { templateIdField } from './summaryTemplateFields';

export const getSummaryTemplate = defineOperation({
	resource: 'summaryTemplate',
	operation: 'get',
	name: 'Get',
	action: 'Get a summary template',
	description: 'Get one call summary template with its sections',
	endpoints: ['getSummaryTemplate'],
	fields: [templateIdField()],
	sample: { ...sampleSummaryTemplate },
	execute: callOne('getSummaryTemplate', (input) => ({ path: { id: input.templateId } })),
});
