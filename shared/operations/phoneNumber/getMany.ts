import { normalisePhoneNumber } from '../../records/misc';
import { samplePhoneNumber } from '../../records/samples';
import { defineOperation } from '../define';

export const getManyPhoneNumbers = defineOperation({
	resource: 'phoneNumber',
	operation: 'getMany',
	name: 'Get Many',
	action: 'Get many phone numbers',
	description: 'List the phone numbers of the Allo workspace with their names and countries',
	endpoints: ['getNumbers'],
	fields: [],
	sample: { ...samplePhoneNumber },
	async execute({ client }) {
		const numbers = await client.call<unknown[]>('getNumbers');
		return (Array.isArray(numbers) ? numbers : []).map((number) => ({
			...normalisePhoneNumber(number),
		}));
	},
});
