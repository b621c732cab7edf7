import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { phoneNumberChoices, toNodeOption } from './phoneNumbers';

/** The account's numbers as a dropdown (the trigger's number filters). */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await phoneNumberChoices(this)).map(toNodeOption);
}
