import { sampleQueueNumber } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { normaliseV2 } from '../../records/v2';
import { asArray, asRecord } from '../../json';
import { compact } from '../v2';
import { teammateField } from './powerDialerFields';

export const addPowerDialerNumbers = defineOperation({
	resource: 'powerDialer',
	operation: 'addNumbers',
	name: 'Add Numbers',
	action: 'Add numbers to the power dialer queue',
	description:
		'Append phone numbers to the end of the current power dialer queue (created if there is none). Outputs one item per number added; numbers Allo skipped are output with their reason.',
	endpoints: ['appendDialingQueueNumbers'],
	fields: [
		{
			key: 'numbers',
			label: 'Phone Numbers',
			type: 'phoneList',
			required: true,
			example: '+14155551234, +14155555678',
			description: 'The numbers to call, in E.164 format, separated by commas',
		},
		{
			key: 'name',
			label: 'Contact First Name',
			type: 'string',
			group: 'additionalFields',
			description: 'Shown to the caller for every number added by this item',
		},
		{ key: 'lastName', label: 'Contact Last Name', type: 'string', group: 'additionalFields' },
		{ key: 'company', label: 'Contact Company', type: 'string', group: 'additionalFields' },
		teammateField,
	],
	sample: { ...sampleQueueNumber },
	async execute({ client }, input) {
		const numbers = input.numbers.map((number) =>
			compact({ number, name: input.name, last_name: input.lastName, company: input.company }),
		);
		const data = asRecord(
			await client.call('appendDialingQueueNumbers', {
				body: compact({ numbers, user_id: input.userId }),
			}),
		);
		return [
			...asArray(data.added).map((entry) => ({ ...normaliseV2(entry), added: true })),
			...asArray(data.skipped).map((entry) => ({ ...normaliseV2(entry), added: false })),
		];
	},
});
