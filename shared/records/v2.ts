import { isObject, toIsoDate, type JsonRecord } from '../json';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
/** Keys never passed to outputs: secrets stay out of workflows. */
const SECRET_KEYS = new Set(['signing_secret', 'api_key']);

/**
 * A v2 record as output: Allo's own field names, every date-time in ISO-8601 with a zone (Allo's
 * examples omit it), secrets left out.
 */
export function normaliseV2(raw: unknown): JsonRecord {
	const value = normaliseValue(raw);
	return isObject(value) ? value : { value };
}

function normaliseValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(normaliseValue);
	if (isObject(value)) {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([key]) => !SECRET_KEYS.has(key))
				.map(([key, item]) => [key, normaliseValue(item)]),
		);
	}
	return typeof value === 'string' && DATE_TIME.test(value) ? toIsoDate(value) : value;
}
