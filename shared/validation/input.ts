import { inputError } from './inputError';
import type { FieldDeclaration, OperationDeclaration, OperationInput } from '../operations/types';
import { requireE164 } from './phone';
import { requireEmail, requireHttpsUrl } from './rules';
import { parseDateTime } from './time';

const isEmpty = (value: unknown) =>
	value === undefined ||
	value === null ||
	(typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

/**
 * Lists arrive as arrays (n8n multi-value, Zapier list fields) or comma-separated strings, and
 * an item of an array may itself be a comma-separated value mapped from an earlier step.
 */
function toList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : [value];
	return items
		.flatMap((item) => String(item).split(/[,;\n]/))
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

function isShown(
	field: FieldDeclaration,
	raw: Record<string, unknown>,
	fields: readonly FieldDeclaration[],
): boolean {
	if (!field.showWhen) return true;
	return Object.entries(field.showWhen).every(([key, allowed]) => {
		const other = fields.find((f) => f.key === key);
		const value = raw[key] ?? other?.default;
		return allowed.includes(value as string | boolean);
	});
}

/** How the platform reads input: zone-less dates are in the workflow's time zone (n8n), else UTC. */
export interface InputContext {
	timeZone?: string;
}

function coerce(field: FieldDeclaration, value: unknown, context: InputContext): unknown {
	const { key, label } = field;
	if (field.extraOptions?.some((option) => option.value === value)) return value;
	switch (field.type) {
		case 'phone':
			return requireE164(value, key, label);
		case 'phoneList':
			return toList(value).map((item) => requireE164(item, key, label));
		case 'email':
			return requireEmail(String(value), key, label);
		case 'emailList':
			return toList(value).map((item) => requireEmail(item, key, label));
		case 'url':
			return requireHttpsUrl(String(value), key, label);
		case 'number': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			if (!Number.isFinite(number)) {
				throw inputError(key, label, `"${String(value)}" is not a number`, 'Enter a number.');
			}
			if (
				(field.min !== undefined && number < field.min) ||
				(field.max !== undefined && number > field.max)
			) {
				throw inputError(
					key,
					label,
					`${number} is out of range`,
					`Enter a number from ${field.min ?? '-∞'} to ${field.max ?? '∞'}.`,
				);
			}
			return number;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (['true', 'yes', '1'].includes(String(value).toLowerCase())) return true;
			if (['false', 'no', '0'].includes(String(value).toLowerCase())) return false;
			throw inputError(key, label, `"${String(value)}" is not true or false`, 'Use true or false.');
		case 'dateTime': {
			const time = parseDateTime(String(value), context.timeZone);
			if (Number.isNaN(time)) {
				throw inputError(
					key,
					label,
					`"${String(value)}" is not a date`,
					'Use an ISO-8601 date, e.g. 2026-01-31T09:00:00Z.',
				);
			}
			return new Date(time).toISOString();
		}
		case 'options':
			if (field.options && !field.options.some((option) => option.value === value)) {
				throw inputError(
					key,
					label,
					`"${String(value)}" is not one of the choices`,
					`Choose one of: ${field.options.map((option) => option.value).join(', ')}.`,
				);
			}
			return value;
		case 'multiOptions': {
			const values = toList(value);
			const unknown = field.options
				? values.filter((v) => !field.options!.some((o) => o.value === v))
				: [];
			if (unknown.length) {
				throw inputError(
					key,
					label,
					`has unknown choices: ${unknown.join(', ')}`,
					`Choose from: ${field.options!.map((option) => option.value).join(', ')}.`,
				);
			}
			return values;
		}
		default:
			return typeof value === 'string' ? value : String(value);
	}
}

/**
 * Checks and normalises raw input against an operation's fields, before any request: required
 * fields present, phone numbers in E.164, emails, URLs, numbers and choices valid. Fields hidden
 * by `showWhen` are dropped; empty optional fields are left out, never sent as blanks.
 */
export function validateInput(
	operation: OperationDeclaration,
	raw: Record<string, unknown>,
	context: InputContext = {},
): OperationInput {
	const input: OperationInput = {};
	for (const field of operation.fields) {
		if (!isShown(field, raw, operation.fields)) continue;
		const value = raw[field.key] ?? field.default;
		if (isEmpty(value)) {
			if (field.required) {
				throw inputError(
					field.key,
					field.label,
					'is required',
					`Enter a value for ${field.label}.`,
				);
			}
			continue;
		}
		input[field.key] = coerce(field, value, context);
	}
	return input;
}
