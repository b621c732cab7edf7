import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { TEAM_LISTS, type TeamListSource } from '../../../shared';
import { createClient } from '../transport';
import { phoneNumberChoices, toNodeOption } from './phoneNumbers';

/** The account's numbers as a dropdown (the trigger's number filters). */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await phoneNumberChoices(this)).map(toNodeOption);
}

/** The loadOptions method behind each team dropdown of the core. */
export const TEAM_LIST_METHODS = {
	users: 'getUsers',
	tags: 'getTags',
	summaryTemplates: 'getSummaryTemplates',
	calls: 'getRecentCalls',
	companies: 'getCompanies',
} as const satisfies Record<TeamListSource, string>;

type LoadOptionsMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** The node's loadOptions methods: the numbers, and one per team dropdown. */
export const loadOptions: Record<string, LoadOptionsMethod> = {
	getPhoneNumbers,
	...Object.fromEntries(
		(Object.keys(TEAM_LIST_METHODS) as TeamListSource[]).map((source) => [
			TEAM_LIST_METHODS[source],
			async function (this: ILoadOptionsFunctions) {
				return (await TEAM_LISTS[source](await createClient(this))).map(toNodeOption);
			},
		]),
	),
};
