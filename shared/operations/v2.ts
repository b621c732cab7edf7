import type { EndpointName } from '../catalog/endpoints';
import type { RequestParts } from '../http/client';
import { inputError } from '../validation/inputError';
import { paginate } from '../http/pagination';
import { normaliseV2 } from '../records/v2';
import type { Execute } from './types';

/** Building blocks of the v2 operations: Allo's v2 records are output with their own names. */

/** An operation that sends one request and outputs the record Allo answers. */
export const callOne =
	<Input>(endpoint: EndpointName, parts: (input: Input) => RequestParts): Execute<Input> =>
	async ({ client }, input) => [normaliseV2(await client.call(endpoint, parts(input)))];

/** An operation whose answer is a list, output one item per record. */
export const callList =
	<Input>(
		endpoint: EndpointName,
		parts: (input: Input) => RequestParts = () => ({}),
	): Execute<Input> =>
	async ({ client }, input) => {
		const data = await client.call<unknown>(endpoint, parts(input));
		return (Array.isArray(data) ? data : []).map(normaliseV2);
	};

/** A paged v2 list or search, honouring Return All and Limit. */
export const callPaged =
	<Input>(
		endpoint: EndpointName,
		parts: (input: Input) => RequestParts = () => ({}),
	): Execute<Input> =>
	async ({ client, page }, input) =>
		(await paginate(client, endpoint, parts(input), page)).map(normaliseV2);

/** An operation Allo answers with no body: it outputs what was done, so the next step can read it. */
export const callDone =
	<Input>(
		endpoint: EndpointName,
		parts: (input: Input) => RequestParts,
		result: (input: Input) => object,
	): Execute<Input> =>
	async ({ client }, input) => {
		await client.call(endpoint, parts(input));
		return [{ success: true, ...result(input) }];
	};

/** The given values renamed to Allo's names (`{ firstName: 'name' }`); absent ones left out. */
export function bodyOf<Input extends object>(
	input: Input,
	names: { readonly [Key in keyof Input]?: string },
): Record<string, unknown> {
	const renamed = new Map(Object.entries(names));
	return Object.fromEntries(
		Object.entries(input)
			.filter(([key, value]) => renamed.has(key) && value !== undefined)
			.map(([key, value]) => [renamed.get(key), value]),
	);
}

/** An update's body, refused before any request when it changes nothing. */
export function changesOf(body: Record<string, unknown>): Record<string, unknown> {
	if (Object.keys(body).length === 0)
		throw inputError(
			'updateFields',
			'Update Fields',
			'is empty',
			'Add at least one field to change.',
		);
	return body;
}

/** The object without its undefined values, so nothing unset is sent. */
export const compact = (value: Record<string, unknown>): Record<string, unknown> =>
	Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));

/** A YYYY-MM-DD day from a validated date-time. */
const dayOf = (value: string) => value.slice(0, 10);

/** A date field of a window: its input key and its label. */
type DateField = readonly [key: string, label: string];

/** One date of a window given without the other. */
const missingDate = ([key, label]: DateField, otherLabel: string) =>
	inputError(
		key,
		label,
		`is required with ${otherLabel}`,
		`Enter ${label} too, or clear both dates.`,
	);

/**
 * Allo's `{from, to}` window of days from two optional date fields: both or neither, in order.
 * Checked before any request, naming the field at fault.
 */
export function dayWindow(
	from: string | undefined,
	to: string | undefined,
	[fromKey, fromLabel]: DateField,
	[toKey, toLabel]: DateField,
): { from: string; to: string } | undefined {
	if (from === undefined && to === undefined) return undefined;
	if (from === undefined) throw missingDate([fromKey, fromLabel], toLabel);
	if (to === undefined) throw missingDate([toKey, toLabel], fromLabel);
	if (dayOf(from) > dayOf(to))
		throw inputError(
			fromKey,
			fromLabel,
			`is after ${toLabel}`,
			`Enter a day on or before ${toLabel}.`,
		);
	return { from: dayOf(from), to: dayOf(to) };
}
