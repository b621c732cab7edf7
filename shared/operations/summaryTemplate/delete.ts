import { defineOperation } from '../define';
import { callDone } from '../v2';
import { templateIdField } from './summaryTemplateFields';

export const deleteSummaryTemplate = defineOperation({
	resource: 'summaryTemplate',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a summary template',
	description: 'Deactivate a call summary template; calls already summarised keep their summary',
	endpoints: ['deleteSummaryTemplate'],
	fields: [templateIdField()],
	sample: { success: true, template_id: 'tst-abc123' },
	execute: callDone(
		'deleteSummaryTemplate',
		(input) => ({ path: { id: input.templateId } }),
		(input) => ({ template_id: input.templateId }),
	),
});
