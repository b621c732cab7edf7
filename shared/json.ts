/** Small readers for Allo's loosely typed JSON. */
export type JsonRecord = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonRecord =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): JsonRecord => (isObject(value) ? value : {});

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asString = (value: unknown): string | null =>
	typeof value === 'string' && value !== '' ? value : null;

export const asNumber = (value: unknown): number | null =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;

export const asStrings = (value: unknown): string[] =>
	asArray(value).filter((v): v is string => typeof v === 'string' && v !== '');

/** A JSON text parsed, or the text itself when it is not JSON (Allo's plain-text answers). */
export function parseJsonOrText(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The first present value among the given keys: Allo sends snake_case and, in places, camelCase. */
export const pick = (source: JsonRecord, ...keys: string[]): unknown => {
	for (const key of keys) if (source[key] !== undefined && source[key] !== null) return source[key];
	return null;
};

/** ISO-8601 with a zone: Allo's zone-less date-times are UTC. */
export function toIsoDate(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return new Date(value < 1e12 ? value * 1000 : value).toISOString();
	}
	if (typeof value !== 'string' || value === '') return null;
	// "2024-01-15 10:30:00" would otherwise be read in the server's local time zone.
	const text = value.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d{2}:\d{2})/, '$1T');
	const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`;
	const time = Date.parse(zoned);
	return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** The record without the given keys: for fields Allo never sends in one answer. */
export const omit = <T extends object, K extends keyof T>(record: T, ...keys: K[]): Omit<T, K> =>
	Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key as K))) as Omit<
		T,
		K
	>;
