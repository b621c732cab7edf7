import type { PlainOutputField } from './platform';
import type { JsonRecord } from '../shared';

const ACRONYMS: Record<string, string> = { id: 'ID', url: 'URL', sms: 'SMS', api: 'API' };
const MINOR_WORDS = new Set(['in', 'of', 'at', 'by', 'on', 'to', 'and', 'or']);

/** "length_in_minutes" → "Length in Minutes". */
export function labelForKey(key: string): string {
	const words = key.split(/_|\[\]|__/).filter(Boolean);
	return words
		.map((word, index) => {
			if (ACRONYMS[word]) return ACRONYMS[word];
			const inner = index > 0 && index < words.length - 1;
			return inner && MINOR_WORDS.has(word) ? word : word[0].toUpperCase() + word.slice(1);
		})
		.join(' ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function outputField(key: string, value: unknown): PlainOutputField {
	const field: PlainOutputField = { key, label: labelForKey(key) };
	if (typeof value === 'string') field.type = ISO_DATE.test(value) ? 'datetime' : 'string';
	else if (typeof value === 'number') field.type = 'number';
	else if (typeof value === 'boolean') field.type = 'boolean';
	return field;
}

const isPlainObject = (value: unknown): value is JsonRecord =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Output fields read off a core sample, in Zapier's flattened key style: `parent__child` for
 * objects and `list[]child` for lists of objects.
 */
export function outputFieldsFor(sample: JsonRecord): PlainOutputField[] {
	return Object.entries(sample).flatMap(([key, value]): PlainOutputField[] => {
		if (Array.isArray(value)) {
			const first = value[0];
			if (isPlainObject(first)) {
				// "Transcript: Text" for each line's text, apart from the transcript_text "Transcript Text".
				return Object.entries(first).map(([child, childValue]) => ({
					...outputField(`${key}[]${child}`, childValue),
					label: `${labelForKey(key)}: ${labelForKey(child)}`,
				}));
			}
			return [{ ...outputField(key, first), list: true }];
		}
		if (isPlainObject(value)) {
			return Object.entries(value).map(([child, childValue]) =>
				outputField(`${key}__${child}`, childValue),
			);
		}
		return [outputField(key, value)];
	});
}
