import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { findOperation, phoneNumberOptions, type FieldOption } from '../../../shared';
import { createClient } from '../transport';

/** The account's numbers, after any extra choices the current operation offers ("All Numbers"). */
export async function phoneNumberChoices(context: ILoadOptionsFunctions): Promise<FieldOption[]> {
	const operation = findOperation(
		String(context.getCurrentNodeParameter('resource') ?? ''),
		String(context.getCurrentNodeParameter('operation') ?? ''),
	);
	const extras = (operation?.fields ?? [])
		.filter((field) => field.dynamic === 'phoneNumbers')
		.flatMap((field) => field.extraOptions ?? []);
	return [...extras, ...(await phoneNumberOptions(await createClient(context)))];
}

export const toNodeOption = (option: FieldOption) => ({
	name: option.label,
	value: option.value,
	...(option.description ? { description: option.description } : {}),
});
