import { isValidPhoneNumber, parsePhoneNumber } from 'libphonenumber-js';
import { getManyCalls } from '../../shared/operations/call/getMany';
import { createContact } from '../../shared/operations/contact/create';
import { sendSms } from '../../shared/operations/sms/send';
import { AlloError } from '../../shared/http/errors';
import { callingCode, E164_EXAMPLE, requireE164, toE164 } from '../../shared/validation/phone';
import { validateInput } from '../../shared/validation/input';

/** What libphonenumber-js makes of a number written with its country code: E.164, or undefined. */
function oracle(value: string): string | undefined {
	return isValidPhoneNumber(value) ? parsePhoneNumber(value).number : undefined;
}

const US_AND_FRENCH_NUMBERS: Array<[input: string, why: string]> = [
	// Valid US numbers, as typed
	['+14155551234', 'plain E.164'],
	['+1 (415) 555-1234', 'parentheses, space and dash'],
	['+1.415.555.1234', 'dots'],
	['+1-415-555-1234', 'dashes'],
	['+1 415 555 1234', 'spaces'],
	['+1 (212) 736-5000', 'New York'],
	['+1 650 253 0000', 'California'],
	['+1-800-555-0199', 'toll free'],
	['+1 415 5550100', 'uneven grouping'],
	['+1 415 211 1234', 'N11 exchange (only area codes cannot be N11)'],
	['+1 1 415 555 1234', 'trunk prefix 1 after the country code'],
	// Invalid US numbers
	['+10155551234', 'area code starting with 0'],
	['+1 011 555 1234', 'area code 011'],
	['+11155551234', 'area code starting with 1'],
	['+14150551234', 'exchange starting with 0'],
	['+14151551234', 'exchange starting with 1'],
	['+1 (911) 555-1234', 'N11 service code as area code'],
	['+1 411 555 1234', 'N11 service code as area code'],
	['+1 999 555 1234', 'N9X area code, reserved'],
	['+1 370 555 1234', '37X area code, reserved'],
	['+1415555123', 'too short'],
	['+141555512345', 'too long'],
	['14155551234', 'missing +'],
	['(415) 555-1234', 'national format without country code'],
	['+1 415 555 12a4', 'letter inside'],
	['+1 800 FLOWERS', 'letters'],
	// Valid French numbers
	['+33612345678', 'mobile, E.164'],
	['+33 6 12 34 56 78', 'mobile, spaces'],
	['+33 6.12.34.56.78', 'mobile, dots'],
	['+33-6-12-34-56-78', 'mobile, dashes'],
	['+33(6)12345678', 'parentheses'],
	['+33 612 345 678', 'grouped in threes'],
	['+33 7 00 00 00 00', 'mobile 7'],
	['+33 1 42 68 53 00', 'Paris landline'],
	['+33 9 12 34 56 78', 'VoIP'],
	['+33 800 123 456', 'toll free'],
	['+33 (0)6 12 34 56 78', 'trunk 0 in parentheses, as French numbers are often written'],
	['+33 06 12 34 56 78', 'trunk 0 kept after the country code'],
	['+330612345678', 'trunk 0 kept, no separators'],
	// Invalid French numbers
	['+3361234567', 'too short'],
	['+336123456789', 'too long'],
	['+33 6 12 34 56 78 9', 'too long, formatted'],
	['+33 0 6123 4567', 'trunk 0 and too short'],
	['+33 00612345678', 'two zeros'],
	['0612345678', 'national format without +33'],
	['+33 6 12 34 56 7x', 'letter inside'],
	['++33612345678', 'double plus'],
	// Garbage
	['abc', 'letters only'],
	['', 'empty'],
	['+', 'plus only'],
];

describe('toE164 agrees with libphonenumber-js on US and French numbers', () => {
	test('the table is large enough and holds both valid and invalid numbers', () => {
		const verdicts = US_AND_FRENCH_NUMBERS.map(([input]) => oracle(input) !== undefined);
		expect(US_AND_FRENCH_NUMBERS.length).toBeGreaterThanOrEqual(30);
		expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(15);
		expect(verdicts.filter((valid) => !valid).length).toBeGreaterThanOrEqual(15);
	});

	test.each(US_AND_FRENCH_NUMBERS)('%j (%s)', (input) => {
		expect(toE164(input)).toBe(oracle(input));
	});

	// libphonenumber-js refuses leading whitespace; values from expressions often carry it, so the core trims.
	test.each(['  +1 415 555 1234', '+33 6 12 34 56 78\n', '\t+14155551234 '])(
		'surrounding whitespace is ignored: %j',
		(input) => {
			expect(toE164(input)).toBe(oracle(input.trim()));
			expect(toE164(input)).toBeDefined();
		},
	);
});

describe('callingCode', () => {
	test.each([
		['+14155551234', '1'],
		['+33612345678', '33'],
		['+447700900123', '44'],
		['+35212345678', '352'],
		['+79161234567', '7'],
	])('%s → %s', (number, code) => {
		expect(callingCode(number)).toBe(code);
	});
});

describe('phone field errors name the field and show an example', () => {
	test('requireE164 names the field key and label and gives an E.164 example', () => {
		let error: unknown;
		try {
			requireE164('415-555-1234', 'contactNumber', 'Contact Number');
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(AlloError);
		const alloError = error as AlloError;
		expect(alloError.kind).toBe('invalidInput');
		expect(alloError.code).toBe('INVALID_INPUT');
		expect(alloError.field).toBe('contactNumber');
		expect(alloError.message).toContain('Contact Number');
		expect(alloError.message).toContain('415-555-1234');
		expect(alloError.fix).toContain(E164_EXAMPLE);
	});

	test('requireE164 returns the normalised number', () => {
		expect(requireE164('+1 (415) 555-1234', 'to', 'To')).toBe('+14155551234');
	});

	test('validateInput names the phone field of an operation', () => {
		expect(() =>
			validateInput(sendSms, { from: '+14155550100', to: '+1 415 CALL NOW', message: 'Hi' }),
		).toThrow(
			expect.objectContaining({
				field: 'to',
				kind: 'invalidInput',
				fix: expect.stringContaining(E164_EXAMPLE),
			}),
		);
	});

	test('validateInput names the field for a bad number inside a list', () => {
		expect(() => validateInput(createContact, { numbers: '+14155551234, 4155551235' })).toThrow(
			expect.objectContaining({ field: 'numbers', message: expect.stringContaining('4155551235') }),
		);
	});

	test('validateInput normalises formatted numbers, single and in lists', () => {
		expect(
			validateInput(createContact, { numbers: ['+1 (415) 555-1234', '+33 6 12 34 56 78'] }),
		).toEqual({
			numbers: ['+14155551234', '+33612345678'],
		});
		expect(validateInput(getManyCalls, { alloNumber: '+1 415.555.0100' })).toEqual({
			alloNumber: '+14155550100',
		});
	});

	test('an "all numbers" choice is not taken for a phone number', () => {
		expect(validateInput(getManyCalls, { alloNumber: 'all' })).toEqual({ alloNumber: 'all' });
	});
});
