import type { EndpointName } from '../catalog/endpoints';
import type { Execute } from './types';

export interface GetByIdOptions<Key extends string> {
	endpoint: EndpointName;
	/** The placeholder of the endpoint's path that takes the ID, e.g. `contact_id`. */
	pathParameter: string;
	/** The input field that holds the ID. */
	idField: Key;
	/** Allo's `extend` query: the related data to include. */
	extend: string;
	normalise: (raw: unknown) => object;
}

/** The `execute` of an operation that reads one record by the ID in one field. */
export const getById =
	<Key extends string>(options: GetByIdOptions<Key>): Execute<Record<Key, string>> =>
	async ({ client }, input) => {
		const raw = await client.call(options.endpoint, {
			path: { [options.pathParameter]: input[options.idField] },
			query: { extend: options.extend },
		});
		return [{ ...options.normalise(raw) }];
	};
