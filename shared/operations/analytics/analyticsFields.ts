import { userIdField } from '../user/userFields';
import { compact, dayWindow } from '../v2';

/** The date window and filters every analytics request takes. */
export const analyticsFields = [
	{
		key: 'from',
		label: 'From Date',
		type: 'dateTime',
		required: true,
		example: '2026-01-01',
		description: 'The first day of the period (its date is used)',
	},
	{
		key: 'to',
		label: 'To Date',
		type: 'dateTime',
		required: true,
		example: '2026-01-31',
		description: 'The last day of the period, included',
	},
	{
		key: 'compareFrom',
		label: 'Compare From Date',
		type: 'dateTime',
		group: 'options',
		description: 'The first day of the period to compare with; the period just before when empty',
	},
	{
		key: 'compareTo',
		label: 'Compare To Date',
		type: 'dateTime',
		group: 'options',
		description: 'The last day of the period to compare with (needs Compare From Date too)',
	},
	userIdField({
		key: 'userIds',
		label: 'Users',
		type: 'multiOptions',
		required: false,
		group: 'filters',
		description: 'Only calls of these teammates',
	}),
	{
		key: 'alloNumbers',
		label: 'Allo Numbers',
		type: 'phoneList',
		group: 'filters',
		example: '+14155550100',
		description: 'Only calls of these Allo numbers, in E.164 format, separated by commas',
	},
] as const;

interface AnalyticsInput {
	from: string;
	to: string;
	compareFrom?: string;
	compareTo?: string;
	userIds?: string[];
	alloNumbers?: string[];
}

/** The body shared by the analytics endpoints, checked before any request. */
export function analyticsBody(input: AnalyticsInput): Record<string, unknown> {
	return compact({
		date: dayWindow(input.from, input.to, ['from', 'From Date'], ['to', 'To Date']),
		compare_date: dayWindow(
			input.compareFrom,
			input.compareTo,
			['compareFrom', 'Compare From Date'],
			['compareTo', 'Compare To Date'],
		),
		user_ids: input.userIds,
		allo_numbers: input.alloNumbers,
	});
}
