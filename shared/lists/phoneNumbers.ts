import type { AlloClient } from '../http/client';
import { normalisePhoneNumber } from '../records/misc';
import type { FieldOption } from '../operations/types';

/** The account's phone numbers as dropdown choices: "Main Line (+14155550100, US)". */
export async function phoneNumberOptions(client: AlloClient): Promise<FieldOption[]> {
	const numbers = await client.call<unknown[]>('getNumbers');
	return (Array.isArray(numbers) ? numbers : [])
		.map(normalisePhoneNumber)
		.filter((number) => number.number !== null)
		.map((number) => {
			const details = [number.number, number.country].filter(Boolean).join(', ');
			return {
				value: number.number as string,
				label: number.name ? `${number.name} (${details})` : details,
				description: number.is_shared_number ? 'Shared with the team' : undefined,
			};
		});
}
