import type { Bundle, Create, Search, SearchOrCreate, ThrottleObject, ZObject } from './platform';
import { RATE_LIMITS, runOperation } from '../../shared';
import { attempt } from './errors';
import { inputFieldsFor } from './inputFields';
import { outputFieldsFor } from './outputFields';
import { ZAPIER_CREATES, ZAPIER_SEARCHES, type ZapierCreate, type ZapierSearch } from './surface';
import { clientFor } from './transport';

/** Results a search returns; Zapier uses the first. */
export const SEARCH_LIMIT = 10;

/** Keeps sends within Allo's write rate for one API key, before Allo answers 429. */
const sendThrottle: ThrottleObject = {
	window: 1,
	limit: RATE_LIMITS.writesPerSecond,
	scope: ['auth'],
};

function createFrom({
	operation,
	fixed = {},
	throttled,
	sample = operation.sample,
	...wording
}: ZapierCreate): Create {
	return {
		key: wording.key,
		noun: wording.noun,
		display: { label: wording.label, description: wording.description },
		operation: {
			inputFields: inputFieldsFor(operation, fixed),
			perform: async (z: ZObject, bundle: Bundle) => {
				const [record] = await attempt(
					z,
					runOperation(operation, clientFor(z, bundle), { ...bundle.inputData, ...fixed }),
				);
				return record;
			},
			sample,
			outputFields: outputFieldsFor(sample),
			...(throttled ? { throttle: sendThrottle } : {}),
		},
	};
}

function searchFrom({ operation, ...wording }: ZapierSearch): Search {
	return {
		key: wording.key,
		noun: wording.noun,
		display: { label: wording.label, description: wording.description },
		operation: {
			inputFields: inputFieldsFor(operation),
			perform: (z: ZObject, bundle: Bundle) =>
				attempt(
					z,
					runOperation(operation, clientFor(z, bundle), bundle.inputData, {
						returnAll: false,
						limit: SEARCH_LIMIT,
					}),
				),
			sample: operation.sample,
			outputFields: outputFieldsFor(operation.sample),
		},
	};
}

const byKey = <T extends { key: string }>(items: T[]): Record<string, T> =>
	Object.fromEntries(items.map((item) => [item.key, item]));

export const creates = byKey(ZAPIER_CREATES.map(createFrom));
export const searches = byKey(ZAPIER_SEARCHES.map(searchFrom));

/** Find-or-create steps live under the key of their search, as Zapier requires. */
export const searchOrCreates: Record<string, SearchOrCreate> = byKey(
	ZAPIER_SEARCHES.flatMap(({ key, orCreate }) =>
		orCreate
			? [
					{
						key,
						display: { label: orCreate.label, description: orCreate.description },
						search: key,
						create: orCreate.create,
					},
				]
			: [],
	),
);
