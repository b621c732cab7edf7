import { inputError } from '../../http/errors';
import type { FieldDeclaration, OperationInput } from '../types';
import { userIdField } from '../user/fields';
import { compact, dayOf } from '../v2';

/** The date window and filters every analytics request takes. */
export const analyticsFields: FieldDeclaration[] = [
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
];

function window(input: OperationInput, fromKey: string, toKey: string, labels: [string, string]) {
	const from = dayOf(input[fromKey]);
	const to = dayOf(input[toKey]);
	if (from === undefined && to === undefined) return undefined;
	if (from === undefined || to === undefined) {
		const [key, label] = from === undefined ? [fromKey, labels[0]] : [toKey, labels[1]];
		throw inputError(key, label, 'is required with the other date', `Enter ${label} too.`);
	}
	if (from > to)
		throw inputError(
			fromKey,
			labels[0],
			`is after ${labels[1]}`,
			`Enter a day on or before ${labels[1]}.`,
		);
	return { from, to };
}

/** The body shared by the analytics endpoints, checked before any request. */
export function analyticsBody(input: OperationInput): Record<string, unknown> {
	return compact({
		date: window(input, 'from', 'to', ['From Date', 'To Date']),
		compare_date: window(input, 'compareFrom', 'compareTo', [
			'Compare From Date',
			'Compare To Date',
		]),
		user_ids: input.userIds,
		allo_numbers: input.alloNumbers,
	});
}
