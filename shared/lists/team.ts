import type { AlloClient } from '../http/client';
import { asArray, asRecord, asString } from '../json';
import type { FieldOption } from '../operations/types';

/** Dropdown choices read from one v2 list: value and label picked from each record. */
const listOptions =
	(
		endpoint: 'listUsers' | 'listTags' | 'listSummaryTemplates',
		choice: (record: Record<string, unknown>) => FieldOption | null,
	) =>
	async (client: AlloClient): Promise<FieldOption[]> =>
		asArray(await client.call(endpoint))
			.map((raw) => choice(asRecord(raw)))
			.filter((option): option is FieldOption => option !== null);

/** Teammates as "Name (email)", by user ID. */
export const userOptions = listOptions('listUsers', (user) => {
	const id = asString(user.id);
	if (!id) return null;
	const name = asString(user.name) ?? asString(user.email) ?? id;
	const email = asString(user.email);
	return { value: id, label: email && email !== name ? `${name} (${email})` : name };
});

/** Tags by name: Allo's tag endpoints take the name. */
export const tagOptions = listOptions('listTags', (tag) => {
	const name = asString(tag.name);
	return name ? { value: name, label: name } : null;
});

export const summaryTemplateOptions = listOptions('listSummaryTemplates', (template) => {
	const id = asString(template.id);
	return id ? { value: id, label: asString(template.name) ?? id } : null;
});
