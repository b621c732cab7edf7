import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { contactChoices } from '../../../shared';
import { createClient } from '../transport';

/** Contacts for the Contact picker, one page at a time, filtered by name or number. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 0;
	const { results, nextPage } = await contactChoices(await createClient(this), page, filter);
	return {
		results: results.map((choice) => ({ name: choice.label, value: choice.value })),
		paginationToken: nextPage === undefined ? undefined : String(nextPage),
	};
}
