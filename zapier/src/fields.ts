import type { PlainInputField, PlainOutputField } from './platform';
import type { FieldDeclaration, JsonRecord, OperationDeclaration } from '../../shared';
import { ZAPIER_DROPDOWNS } from './surface';

const LIST_TYPES: ReadonlyArray<FieldDeclaration['type']> = [
	'phoneList',
	'emailList',
	'multiOptions',
];

function inputType(type: FieldDeclaration['type']): PlainInputField['type'] {
	if (type === 'text') return 'text';
	if (type === 'number') return 'number';
	if (type === 'boolean') return 'boolean';
	if (type === 'dateTime') return 'datetime';
	return 'string';
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** One core field as a Zapier input field. */
export function toInputField(
	field: FieldDeclaration,
	overrides: { required?: boolean } = {},
): PlainInputField {
	// Zapier has no "extra choice" beside a dropdown: an empty field means the core's default choice.
	const fallback = field.extraOptions?.find((option) => option.value === field.default);
	const helpText = [
		field.description && sentence(field.description),
		fallback && `Leave empty for ${fallback.label.toLowerCase()}.`,
	]
		.filter(Boolean)
		.join(' ');
	const options = [...(field.dynamic ? [] : (field.extraOptions ?? [])), ...(field.options ?? [])];
	const dropdown = field.dynamic ? ZAPIER_DROPDOWNS[field.dynamic] : undefined;
	return {
		key: field.key,
		label: field.label,
		type: inputType(field.type),
		required: overrides.required ?? (field.required === true && !fallback),
		...(helpText ? { helpText } : {}),
		...(field.example ? { placeholder: field.example } : {}),
		...(LIST_TYPES.includes(field.type) ? { list: true } : {}),
		...(options.length
			? {
					choices: options.map((option) => ({
						value: option.value,
						label: option.label,
						sample: option.value,
					})),
				}
			: {}),
		...(dropdown
			? {
					dynamic: `${dropdown.key}.id.name`,
					...(dropdown.search ? { search: `${dropdown.search}.id` } : {}),
				}
			: {}),
		...(field.default !== undefined && !fallback ? { default: String(field.default) } : {}),
	};
}

/**
 * An operation's fields as Zapier input fields. `fixed` pins fields for one action (the SMS
 * sender): they are not shown, and fields their `showWhen` hides are left out. Fields shown only
 * for other inputs cannot be conditionally required in Zapier, so they become optional.
 */
export function inputFieldsFor(
	operation: OperationDeclaration,
	fixed: Record<string, string> = {},
): PlainInputField[] {
	return operation.fields
		.filter((field) => !(field.key in fixed))
		.filter((field) =>
			Object.entries(field.showWhen ?? {}).every(
				([key, allowed]) => !(key in fixed) || allowed.includes(fixed[key]),
			),
		)
		.map((field) => {
			const conditional = Object.keys(field.showWhen ?? {}).some((key) => !(key in fixed));
			return toInputField(field, conditional ? { required: false } : {});
		});
}

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
