import { limitOf, paginate } from '../../http/pagination';
import { CALL_KEY_FIELDS, normaliseCall, type Call } from '../../records/call';
import { normalisePhoneNumber } from '../../records/misc';
import { sampleCall } from '../../records/samples';
import { ALL_NUMBERS, alloNumberField, contactNumberField } from '../commonFields';
import { defineOperation } from '../define';

const newestFirst = (a: Call, b: Call) => (b.start_date ?? '').localeCompare(a.start_date ?? '');

export const getManyCalls = defineOperation({
	resource: 'call',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many calls',
	description:
		'List calls of an Allo number, or of every number, with AI summaries, transcripts and recording links, newest first',
	endpoints: ['searchCalls', 'getNumbers'],
	paged: true,
	fields: [
		alloNumberField({
			required: true,
			default: ALL_NUMBERS,
			extraOptions: [
				{ value: ALL_NUMBERS, label: 'All Numbers', description: 'Calls of every Allo number' },
			],
			description: 'The Allo number whose calls to list, or all numbers',
		}),
		contactNumberField({ group: 'filters' }),
		{
			key: 'since',
			label: 'Since',
			type: 'dateTime',
			group: 'filters',
			description:
				"Only calls that started at or after this time. A time without a zone is read in the workflow's time zone (UTC on Zapier).",
		},
		{
			key: 'until',
			label: 'Until',
			type: 'dateTime',
			group: 'filters',
			description:
				"Only calls that started before this time. A time without a zone is read in the workflow's time zone (UTC on Zapier).",
		},
	],
	simplifiedKeys: [
		...CALL_KEY_FIELDS,
		'length_in_minutes',
		'result',
		'summary',
		'tags',
		'recording_url',
	],
	sample: { ...sampleCall },
	async execute({ client, page }, input) {
		const { since, until } = input;
		const dateFiltered = since !== undefined || until !== undefined;
		// Allo has no date filter: with one, read every page and filter here.
		const selection = dateFiltered ? { returnAll: true } : page;
		const numbers =
			input.alloNumber === ALL_NUMBERS
				? (await client.call<unknown[]>('getNumbers'))
						.map((raw) => normalisePhoneNumber(raw).number)
						.filter((number): number is string => number !== null)
				: [input.alloNumber];

		const calls: Call[] = [];
		for (const alloNumber of numbers) {
			const query = { allo_number: alloNumber, contact_number: input.contactNumber };
			const raw = await paginate(client, 'searchCalls', { query }, selection);
			calls.push(...raw.map(normaliseCall));
		}
		const matching = calls.filter(
			(call) =>
				(!since || (call.start_date !== null && call.start_date >= since)) &&
				(!until || (call.start_date !== null && call.start_date < until)),
		);
		if (numbers.length > 1 || dateFiltered) matching.sort(newestFirst);
		const limited = matching.slice(0, limitOf(page));
		return limited.map((call) => ({ ...call }));
	},
});
