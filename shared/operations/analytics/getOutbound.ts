import { sampleOutboundMetrics } from '../../records/v2Samples';
import { groupedChoiceField } from '../commonFields';
import { defineOperation } from '../define';
import { callOne, compact } from '../v2';
import { tagsFilterField } from '../conversationItem/conversationItemFields';
import { analyticsBody, analyticsFields } from './analyticsFields';

export const getOutboundMetrics = defineOperation({
	resource: 'analytics',
	operation: 'getOutbound',
	name: 'Get Outbound Metrics',
	action: 'Get the outbound call metrics',
	description:
		'Get outbound calling metrics for a period: the dial funnel (dials, connected, conversations, conversions), time series by day, week or month, a heatmap and a leaderboard',
	endpoints: ['getOutboundMetrics'],
	fields: [
		...analyticsFields,
		groupedChoiceField(
			{ key: 'granularity', label: 'Granularity', group: 'options' },
			{ DAY: 'Day', WEEK: 'Week', MONTH: 'Month' },
			'The step of the time series; Allo uses days when empty',
		),
		tagsFilterField,
	],
	sample: { ...sampleOutboundMetrics },
	execute: callOne('getOutboundMetrics', (input) => ({
		body: {
			...analyticsBody(input),
			...compact({ granularity: input.granularity, tags: input.tags }),
		},
	})),
});
