import type { EndpointName } from '../catalog/endpoints';
import type { AlloClient, RequestParts } from '../http/client';
import { asArray, asRecord, asString } from '../json';
import type { DynamicSource, FieldOption } from '../operations/types';

/** Dropdown choices read from one v2 list: value and label picked from each record. */
const listOptions =
	(
		endpoint: EndpointName,
		choice: (record: Record<string, unknown>) => FieldOption | null,
		parts: RequestParts = {},
	) =>
	async (client: AlloClient): Promise<FieldOption[]> =>
		asArray(await client.call(endpoint, parts))
			.map((raw) => choice(asRecord(raw)))
			.filter((option): option is FieldOption => option !== null);

/** Teammates as "Name (email)", by user ID. */
const userOptions = listOptions('listUsers', (user) => {
	const id = asString(user.id);
	if (!id) return null;
	const name = asString(user.name) ?? asString(user.email) ?? id;
	const email = asString(user.email);
	return { value: id, label: email && email !== name ? `${name} (${email})` : name };
});

/** Tags by name: Allo's tag endpoints take the name. */
const tagOptions = listOptions('listTags', (tag) => {
	const name = asString(tag.name);
	return name ? { value: name, label: name } : null;
});

const summaryTemplateOptions = listOptions('listSummaryTemplates', (template) => {
	const id = asString(template.id);
	return id ? { value: id, label: asString(template.name) ?? id } : null;
});

/** Dropdowns list at most one page: the latest calls, the first companies. */
const PAGE = { page: 1, size: 100 };

/** The latest calls of every number, as "Inbound · +14155551234 · 2026-01-15 10:30". */
const recentCallOptions = listOptions(
	'searchConversationItems',
	(call) => {
		const id = asString(call.id);
		if (!id) return null;
		const when = asString(call.date)?.slice(0, 16).replace('T', ' ');
		const direction = call.direction === 'OUTBOUND' ? 'Outbound' : 'Inbound';
		const label = [direction, asString(call.contact_number), when].filter(Boolean).join(' · ');
		const summary = asString(call.summary);
		return { value: id, label, ...(summary ? { description: summary.slice(0, 80) } : {}) };
	},
	{ body: { type: 'CALL', sort: 'DATE_DESC', ...PAGE } },
);

const companyOptions = listOptions(
	'searchCompanies',
	(company) => {
		const id = asString(company.id);
		return id ? { value: id, label: asString(company.name) ?? id } : null;
	},
	{ body: { sort: 'NAME_ASC', ...PAGE } },
);

/**
 * The dropdowns read in one request, by their source: both platforms offer each of them (contacts
 * and phone numbers are searched or paged instead).
 */
export const TEAM_LISTS = {
	users: userOptions,
	tags: tagOptions,
	summaryTemplates: summaryTemplateOptions,
	calls: recentCallOptions,
	companies: companyOptions,
} as const satisfies Partial<Record<DynamicSource, (client: AlloClient) => Promise<FieldOption[]>>>;

export type TeamListSource = keyof typeof TEAM_LISTS;
