import type { Bundle, Create, Search, SearchOrCreate, ThrottleObject, ZObject } from './platform';
import { operationKind, RATE_LIMITS, runOperation, type OperationDeclaration } from '../shared';
import { attempt } from './errors';
import { inputFieldsFor } from './inputFields';
import { outputFieldsFor } from './outputFields';
import { ZAPIER_CREATES, ZAPIER_SEARCHES, type ZapierCreate, type ZapierSearch } from './surface';
import { recordingFile } from './hydrators';
import { clientFor } from './transport';

/** Zapier uses only a search's first result: Allo is asked for that one. */
export const SEARCH_LIMIT = 1;

/**
 * Holds runs back within Allo's limit for one API key, before Allo answers 429: reads 20 a
 * second, writes 5. Actions of one kind share the same settings, so Zapier counts them together.
 */
export const throttleFor = (operation: OperationDeclaration): ThrottleObject => ({
	window: 1,
	limit:
		operationKind(operation) === 'write' ? RATE_LIMITS.writesPerSecond : RATE_LIMITS.readsPerSecond,
	scope: ['auth'],
});

function createFrom({
	operation,
	fixed = {},
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
			throttle: throttleFor(operation),
		},
	};
}

function searchFrom({ operation, withRecordingFile, ...wording }: ZapierSearch): Search {
	// A file field's sample is where the file comes from.
	const sample = withRecordingFile
		? { ...operation.sample, recording_file: operation.sample.recording_url }
		: operation.sample;
	return {
		key: wording.key,
		noun: wording.noun,
		display: { label: wording.label, description: wording.description },
		operation: {
			inputFields: inputFieldsFor(operation),
			perform: async (z: ZObject, bundle: Bundle) => {
				const records = await attempt(
					z,
					runOperation(operation, clientFor(z, bundle), bundle.inputData, {
						returnAll: false,
						limit: SEARCH_LIMIT,
					}),
				);
				if (!withRecordingFile) return records;
				return records.map((record) =>
					record.recording_url
						? { ...record, recording_file: recordingFile(z, record.id) }
						: record,
				);
			},
			sample,
			outputFields: [
				...outputFieldsFor(operation.sample),
				...(withRecordingFile
					? [{ key: 'recording_file', label: 'Recording File', type: 'file' as const }]
					: []),
			],
			throttle: throttleFor(operation),
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
