import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import {
	companyOptions,
	recentCallOptions,
	summaryTemplateOptions,
	tagOptions,
	userOptions,
	type AlloClient,
	type FieldOption,
} from '../../../shared';
import { createClient } from '../transport';
import { phoneNumberChoices, toNodeOption } from './phoneNumbers';

/** The account's numbers as a dropdown (the trigger's number filters). */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await phoneNumberChoices(this)).map(toNodeOption);
}

async function teamOptions(
	context: ILoadOptionsFunctions,
	read: (client: AlloClient) => Promise<FieldOption[]>,
): Promise<INodePropertyOptions[]> {
	return (await read(await createClient(context))).map(toNodeOption);
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return teamOptions(this, userOptions);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return teamOptions(this, tagOptions);
}

export async function getSummaryTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return teamOptions(this, summaryTemplateOptions);
}

export async function getRecentCalls(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return teamOptions(this, recentCallOptions);
}

export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return teamOptions(this, companyOptions);
}
