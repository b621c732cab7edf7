import { sampleSummaryTemplate } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callList } from '../v2';

export const getManySummaryTemplates = defineOperation({
	resource: 'summaryTemplate',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many summary templates',
	description: "List the team's call summary templates with their sections",
	endpoints: ['listSummaryTemplates'],
	fields: [],
	sample: { ...sampleSummaryTemplate },
	execute: callList('listSummaryTemplates'),
});
