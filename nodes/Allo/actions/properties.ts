import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type {
	DynamicSource,
	FieldDeclaration,
	FieldGroup,
	FieldOption,
	OperationDeclaration,
} from '../../../shared';
import { TEAM_LIST_METHODS } from '../methods/loadOptions';
import { batchingOption } from './batching';

/** The list method and wording of each picker of the core's dynamic sources. */
const PICKERS: Partial<
	Record<DynamicSource, { searchListMethod: string; placeholder: string; byId: string }>
> = {
	phoneNumbers: {
		searchListMethod: 'searchPhoneNumbers',
		placeholder: 'Select a number...',
		byId: 'By Number',
	},
	contacts: {
		searchListMethod: 'searchContacts',
		placeholder: 'Select a contact...',
		byId: 'By ID',
	},
};

/** How n8n names and labels each group of optional fields. */
export const GROUPS: Record<FieldGroup, { displayName: string; placeholder: string }> = {
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	options: { displayName: 'Options', placeholder: 'Add Option' },
};

export const DYNAMIC_OPTIONS_DESCRIPTION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const toOptions = (options: readonly FieldOption[]): INodePropertyOptions[] =>
	options
		.map((option) => ({
			name: option.label,
			value: option.value,
			...(option.description ? { description: option.description } : {}),
		}))
		.sort(byName);

/** Fields inside a collection refer to top-level parameters by absolute path. */
function displayOptions(field: FieldDeclaration, show: Record<string, unknown[]>, nested: boolean) {
	const when = Object.entries(field.showWhen ?? {}).map(([key, values]) => [
		nested ? `/${key}` : key,
		[...values],
	]);
	const all = { ...show, ...Object.fromEntries(when) };
	return Object.keys(all).length ? { displayOptions: { show: all } } : {};
}

function typed(field: FieldDeclaration): Partial<INodeProperties> {
	const placeholder = field.example ? { placeholder: `e.g. ${field.example}` } : {};
	switch (field.type) {
		case 'text':
			return {
				type: 'string',
				default: field.default ?? '',
				typeOptions: { rows: 4 },
				...placeholder,
			};
		case 'number':
			return {
				type: 'number',
				default: field.default ?? 0,
				typeOptions: {
					...(field.min !== undefined ? { minValue: field.min } : {}),
					...(field.max !== undefined ? { maxValue: field.max } : {}),
				},
			};
		case 'boolean':
			return { type: 'boolean', default: field.default ?? false };
		case 'dateTime':
			return { type: 'dateTime', default: field.default ?? '' };
		case 'options':
			return {
				type: 'options',
				options: toOptions(field.options ?? []),
				default: field.default ?? field.options?.[0]?.value ?? '',
			};
		case 'multiOptions':
			return {
				type: 'multiOptions',
				options: toOptions(field.options ?? []),
				default: field.default ?? [],
			};
		default:
			return { type: 'string', default: field.default ?? '', ...placeholder };
	}
}

/** One declared field as an n8n parameter. */
export function toProperty(
	field: FieldDeclaration,
	show: Record<string, unknown[]>,
	nested = false,
): INodeProperties {
	const base = {
		name: field.key,
		...(field.required && !nested ? { required: true } : {}),
		...displayOptions(field, show, nested),
	};
	const teamMethod =
		field.dynamic && field.dynamic in TEAM_LIST_METHODS
			? TEAM_LIST_METHODS[field.dynamic as keyof typeof TEAM_LIST_METHODS]
			: undefined;
	if (teamMethod) {
		const multiple = field.type === 'multiOptions';
		return {
			...base,
			displayName: `${field.label} ${multiple ? 'Names or IDs' : 'Name or ID'}`,
			type: multiple ? 'multiOptions' : 'options',
			typeOptions: { loadOptionsMethod: teamMethod },
			default: field.default ?? (multiple ? [] : ''),
			description: DYNAMIC_OPTIONS_DESCRIPTION,
			...(field.description ? { hint: field.description } : {}),
		};
	}
	const picker = field.dynamic ? PICKERS[field.dynamic] : undefined;
	if (picker) {
		// A list loads when opened, so never before n8n has set the credential; a failed load retries.
		const extra = field.extraOptions?.find((option) => option.value === field.default);
		return {
			...base,
			displayName: field.label,
			type: 'resourceLocator',
			default: {
				mode: 'list',
				value: field.default ?? '',
				...(extra ? { cachedResultName: extra.label } : {}),
			},
			description: field.description,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: picker.placeholder,
					typeOptions: { searchListMethod: picker.searchListMethod, searchable: true },
				},
				{
					displayName: picker.byId,
					name: 'id',
					type: 'string',
					placeholder: field.example ? `e.g. ${field.example}` : undefined,
				},
			],
		};
	}
	return {
		...base,
		displayName: field.label,
		...(field.description ? { description: field.description } : {}),
		...typed(field),
	} as INodeProperties;
}

/**
 * The showWhen every field of a collection shares: the collection shows only when they can, so
 * it never opens empty (a v2-only Description under the v1 API).
 */
function sharedCondition(fields: readonly FieldDeclaration[]): Record<string, unknown[]> {
	const [first, ...rest] = fields.map((field) => field.showWhen ?? {});
	return Object.fromEntries(
		Object.entries(first ?? {})
			.filter(([key, values]) =>
				rest.every((when) => JSON.stringify(when[key]) === JSON.stringify(values)),
			)
			.map(([key, values]) => [key, [...values]]),
	);
}

/** The parameters of one operation: required fields, paging, Simplify, then the collections. */
export function operationProperties(
	operation: OperationDeclaration,
	extra: INodeProperties[] = [],
): INodeProperties[] {
	const show = { resource: [operation.resource], operation: [operation.operation] };
	const topLevel = operation.fields
		.filter((field) => !field.group)
		.map((field) => toProperty(field, show));
	const paging: INodeProperties[] = operation.paged
		? [
				{
					displayName: 'Return All',
					name: 'returnAll',
					type: 'boolean',
					default: false,
					description: 'Whether to return all results or only up to a given limit',
					displayOptions: { show },
				},
				{
					displayName: 'Limit',
					name: 'limit',
					type: 'number',
					// n8n's lint wants the literal: the core's DEFAULT_LIMIT.
					default: 50,
					typeOptions: { minValue: 1 },
					description: 'Max number of results to return',
					displayOptions: { show: { ...show, returnAll: [false] } },
				},
			]
		: [];
	const simplify: INodeProperties[] = operation.simplifiedKeys
		? [
				{
					displayName: 'Simplify',
					name: 'simplify',
					type: 'boolean',
					default: true,
					description:
						'Whether to return a simplified version of the response instead of the raw data',
					displayOptions: { show },
				},
			]
		: [];
	// Every operation's Options hold Batching, as the HTTP Request node's do.
	const collections = (Object.keys(GROUPS) as FieldGroup[])
		.map((group) => {
			const declared = operation.fields.filter((field) => field.group === group);
			return {
				group,
				// Batching applies to every operation, so it never narrows when Options shows.
				fields: group === 'options' ? [] : declared,
				options: [
					...declared.map((field) => toProperty(field, {}, true)),
					...(group === 'options' ? [batchingOption] : []),
				],
			};
		})
		.filter(({ options }) => options.length > 0)
		.map(
			({ group, fields, options }): INodeProperties => ({
				displayName: GROUPS[group].displayName,
				name: group,
				type: 'collection',
				placeholder: GROUPS[group].placeholder,
				default: {},
				displayOptions: { show: { ...show, ...sharedCondition(fields) } },
				options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			}),
		);
	return [
		...topLevel,
		...extra.map((property) => ({ ...property, displayOptions: { show } })),
		...paging,
		...simplify,
		...collections,
	];
}
