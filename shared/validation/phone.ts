import { inputError } from './inputError';

export const E164_EXAMPLE = '+14155551234';

/** Separators people type inside phone numbers; removed before checking. */
const SEPARATORS = /[\s\-.()]/g;

/** A typed phone number, or part of one, without its spaces, dashes, dots and parentheses. */
export const stripSeparators = (value: string) => value.replace(SEPARATORS, '');
const E164 = /^\+[1-9]\d{1,14}$/;
/**
 * North American Numbering Plan: area code and exchange never start with 0 or 1, and N11 (service
 * codes), N9X, 37X and 96X (reserved) are never area codes.
 */
const NANP = /^\+1(?!\d11|\d9|37|96)[2-9]\d{2}[2-9]\d{6}$/;
/** France: nine digits after +33, never starting with 0. */
const FRANCE = /^\+33[1-9]\d{8}$/;
/** Drops the trunk prefix people keep after the country code: "+1 1 415…", "+33 (0)6…". */
const dropTrunkPrefix = (number: string) =>
	number.replace(/^\+11(?=\d{10}$)/, '+1').replace(/^\+330(?=\d{9}$)/, '+33');

/** Country calling codes of one or two digits (ITU E.164 assignments); all others have three. */
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(
	'20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
		' ',
	),
);

/** The country calling code of an E.164 number, without the plus: "1", "33", "352". */
export function callingCode(e164: string): string {
	const digits = e164.replace(/^\+/, '');
	if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
	if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
	return digits.slice(0, 3);
}

/** Removes the separators and trunk prefix people type; undefined when what is left is not E.164. */
export function toE164(value: string): string | undefined {
	const compact = dropTrunkPrefix(stripSeparators(value.trim()));
	if (!E164.test(compact)) return undefined;
	if (compact.startsWith('+1') && !NANP.test(compact)) return undefined;
	if (compact.startsWith('+33') && !FRANCE.test(compact)) return undefined;
	return compact;
}

/** A phone number field's value in E.164, or an error naming the field and showing an example. */
export function requireE164(value: unknown, field: string, label: string): string {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
	const number = toE164(text);
	if (!number) {
		throw inputError(
			field,
			label,
			text.trim() === '' ? 'is empty' : `"${text}" is not a valid phone number`,
			`Write it in international E.164 format with the country code, e.g. ${E164_EXAMPLE} or +33612345678.`,
		);
	}
	return number;
}
