import { sampleTeamMetrics } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne } from '../v2';
import { analyticsBody, analyticsFields } from './analyticsFields';

export const getTeamOverview = defineOperation({
	resource: 'analytics',
	operation: 'getOverview',
	name: 'Get Team Overview',
	action: 'Get the team call metrics',
	description:
		'Get the team’s call KPIs for a period (total calls, talk time, calls over a minute, answer rate) with the change against a previous period and a breakdown per user',
	endpoints: ['getTeamMetrics'],
	fields: analyticsFields,
	sample: { ...sampleTeamMetrics },
	execute: callOne('getTeamMetrics', (input) => ({ body: analyticsBody(input) })),
});
