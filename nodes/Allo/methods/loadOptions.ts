import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import {
	findOperation,
	phoneNumberOptions,
	companyOptions,
	recentCallOptions,
	summaryTemplateOptions,
	tagOptions,
	userOptions,
	type AlloClient,
	type FieldOption,
} from '../../../shared';
import { createClient } from '../transport';

/** The account's numbers, after any extra choices the current operation offers ("All Numbers"). */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const operation = findOperation(
		String(this.getCurrentNodeParameter('resource') ?? ''),
		String(this.getCurrentNodeParameter('operation') ?? ''),
	);
	const extras = (operation?.fields ?? [])
		.filter((field) => field.dynamic === 'phoneNumbers')
		.flatMap((field) => field.extraOptions ?? []);
	const numbers = await phoneNumberOptions(await createClient(this));
	return [...extras, ...numbers].map((option) => ({
		name: option.label,
		value: option.value,
		...(option.description ? { description: option.description } : {}),
	}));
}

async function teamOptions(
	context: ILoadOptionsFunctions,
	read: (client: AlloClient) => Promise<FieldOption[]>,
): Promise<INodePropertyOptions[]> {
	const options = await read(await createClient(context));
	return options.map((option) => ({
		name: option.label,
		value: option.value,
		...(option.description ? { description: option.description } : {}),
	}));
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
