import type { EndpointName } from '../catalog/endpoints';
import type { RequestParts } from '../http/client';
import { paginate } from '../http/pagination';
import { normaliseV2 } from '../records/v2';
import type { FieldDeclaration, OperationDeclaration, OperationInput } from './types';

/** Building blocks of the v2 operations: Allo's v2 records are output with their own names. */

type Execute = OperationDeclaration['execute'];
type Parts = (input: OperationInput) => RequestParts;

/** An operation that sends one request and outputs the record Allo answers. */
export const callOne =
	(endpoint: EndpointName, parts: Parts): Execute =>
	async ({ client }, input) => [normaliseV2(await client.call(endpoint, parts(input)))];

/** An operation whose answer is a list, output one item per record. */
export const callList =
	(endpoint: EndpointName, parts: Parts = () => ({})): Execute =>
	async ({ client }, input) => {
		const data = await client.call<unknown>(endpoint, parts(input));
		return (Array.isArray(data) ? data : []).map(normaliseV2);
	};

/** A paged v2 list or search, honouring Return All and Limit. */
export const callPaged =
	(endpoint: EndpointName, parts: Parts = () => ({})): Execute =>
	async ({ client, page }, input) =>
		(await paginate(client, endpoint, parts(input), page)).map(normaliseV2);

/** An operation Allo answers with no body: it outputs what was done, so the next step can read it. */
export const callDone =
	(endpoint: EndpointName, parts: Parts, result: (input: OperationInput) => object): Execute =>
	async ({ client }, input) => {
		await client.call(endpoint, parts(input));
		return [{ success: true, ...result(input) }];
	};

/** Keeps the keys whose value was given, renamed to Allo's: `{ firstName: 'name' }`. */
export function bodyOf(
	input: OperationInput,
	names: Record<string, string>,
): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(names)
			.filter(([key]) => input[key] !== undefined)
			.map(([key, name]) => [name, input[key]]),
	);
}

/** A required ID field, as the output of another operation gives it. */
export const idField = (
	key: string,
	label: string,
	example: string,
	from: string,
	overrides: Partial<FieldDeclaration> = {},
): FieldDeclaration => ({
	key,
	label,
	type: 'string',
	required: true,
	example,
	description: `The ID of the ${from}`,
	...overrides,
});

/** A YYYY-MM-DD day from a validated date-time. */
export const dayOf = (value: unknown) =>
	typeof value === 'string' ? value.slice(0, 10) : undefined;

/** The object without its undefined values, so nothing unset is sent. */
export const compact = (value: Record<string, unknown>): Record<string, unknown> =>
	Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
