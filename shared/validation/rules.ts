import { inputError } from './inputError';
import { callingCode } from './phone';

export const SMS_MAX_LENGTH = 1000;
export const FRANCE_CALLING_CODE = '33';

/** Allo texts only within one country: the recipient must share the sender's calling code. */
export function requireSameCountry(
	from: string,
	to: string,
	toField: string,
	toLabel: string,
): void {
	if (callingCode(from) !== callingCode(to)) {
		throw inputError(
			toField,
			toLabel,
			`${to} is in a different country from the sending number ${from}`,
			callingCode(to) === FRANCE_CALLING_CODE
				? FRANCE_THROUGH_SENDER_ID
				: `Allo only texts numbers in the sender's country: choose a recipient starting with +${callingCode(from)}, or send from an Allo number in the recipient's country.`,
		);
	}
}

/** Allo texts French numbers from a verified sender ID; its French lines cannot text through the API. */
export const FRANCE_THROUGH_SENDER_ID =
	'Allo texts French numbers (+33) only from a verified sender ID: send this text with your sender ID (France) instead of an Allo number.';

export function requireFrenchNumber(to: string, field: string, label: string): void {
	if (callingCode(to) !== FRANCE_CALLING_CODE) {
		throw inputError(
			field,
			label,
			`${to} is not a French number`,
			'Texts sent with a sender ID go to French numbers only: use a number starting with +33, e.g. +33612345678.',
		);
	}
}

const SENDER_ID = /^(?=.*[A-Za-z])[A-Za-z0-9]{3,11}$/;

export function requireSenderId(value: string, field: string, label: string): string {
	return requireMatch(
		SENDER_ID,
		value,
		field,
		label,
		'is not a valid sender ID',
		'A sender ID has 3 to 11 letters or digits, at least one letter, and no spaces, e.g. MyShop.',
	);
}

/** Characters as Allo counts them: code points, so an emoji is one character, not two UTF-16 units. */
export const characterCount = (value: string) => [...value].length;

export function requireMessage(value: string, field: string, label: string): string {
	if (value.trim().length === 0) {
		throw inputError(field, label, 'is empty', 'Write the text to send (1 to 1000 characters).');
	}
	const length = characterCount(value);
	if (length > SMS_MAX_LENGTH) {
		throw inputError(
			field,
			label,
			`is ${length} characters long`,
			`Shorten it to ${SMS_MAX_LENGTH} characters or fewer; Allo sends at most ${SMS_MAX_LENGTH}.`,
		);
	}
	return value;
}

export function requireHttpsUrl(value: string, field: string, label: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value.trim());
	} catch {
		url = undefined;
	}
	if (!url || url.protocol !== 'https:') {
		throw inputError(
			field,
			label,
			`"${value}" is not an HTTPS URL`,
			'Allo delivers webhooks only to public HTTPS addresses, e.g. https://example.com/webhooks/allo.',
		);
	}
	return value.trim();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireEmail(value: string, field: string, label: string): string {
	return requireMatch(
		EMAIL,
		value,
		field,
		label,
		'is not a valid email address',
		'Use a full address, e.g. jane@example.com.',
	);
}

/** The trimmed value when it matches; otherwise an error quoting it. */
function requireMatch(
	pattern: RegExp,
	value: string,
	field: string,
	label: string,
	problem: string,
	fix: string,
): string {
	const trimmed = value.trim();
	if (!pattern.test(trimmed)) throw inputError(field, label, `"${trimmed}" ${problem}`, fix);
	return trimmed;
}
