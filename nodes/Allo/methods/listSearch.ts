import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { choiceName, contactChoices } from '../../../shared';
import { createClient } from '../transport';
import { phoneNumberChoices, toNodeOption } from './phoneNumbers';

/** Contacts for the Contact picker, one page at a time; a search looks through every contact. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 0;
	const { results, nextPage } = await contactChoices(await createClient(this), page, filter);
	return {
		// n8n's list shows names only: the number and company go in the name.
		results: results.map((choice) => ({ name: choiceName(choice), value: choice.value })),
		paginationToken: nextPage === undefined ? undefined : String(nextPage),
	};
}

const compact = (text: string) => text.toLowerCase().replace(/[\s\-.()]/g, '');

/** The Allo number pickers: the account's numbers, filtered by name or number. */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = compact(filter ?? '');
	const choices = await phoneNumberChoices(this);
	return {
		results: choices
			.filter((option) => !needle || compact(`${option.label} ${option.value}`).includes(needle))
			.map(toNodeOption),
	};
}
