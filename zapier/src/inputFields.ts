import type { PlainInputField } from './platform';
import type { FieldDeclaration, OperationDeclaration } from '../shared';
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
