import type { FieldDeclaration, FieldGroup, FieldOption } from './types';

/**
 * Fields several operations share, declared once. Each keeps its literal key and type, so the
 * operations using it get typed input.
 */

export const ALL_NUMBERS = 'all';

/** `base` with some of its properties replaced, typed as the result. */
type Overridden<Base, Overrides> = Omit<Base, keyof Overrides> & Overrides;

/** A field as declared, or with some properties replaced for one operation. */
export interface Overridable<Base extends FieldDeclaration> {
	(): Base;
	<const Overrides extends Partial<FieldDeclaration>>(
		overrides: Overrides,
	): Overridden<Base, Overrides>;
}

export function overridable<const Base extends FieldDeclaration>(base: Base): Overridable<Base> {
	function field(): Base;
	function field<const Overrides extends Partial<FieldDeclaration>>(
		overrides: Overrides,
	): Overridden<Base, Overrides>;
	function field(overrides: Partial<FieldDeclaration> = {}) {
		return { ...base, ...overrides };
	}
	return field;
}

export const alloNumberField = overridable({
	key: 'alloNumber',
	label: 'Allo Number',
	type: 'phone',
	dynamic: 'phoneNumbers',
	example: '+14155550100',
	description: 'One of your Allo phone numbers, in E.164 format',
});

export const contactIdField = overridable({
	key: 'contactId',
	label: 'Contact',
	type: 'string',
	required: true,
	dynamic: 'contacts',
	example: 'cnt_abc123',
	description: 'The Allo contact, picked from the list or given by ID',
});

export const contactNumberField = overridable({
	key: 'contactNumber',
	label: 'Contact Number',
	type: 'phone',
	example: '+14155551234',
	description: 'Only calls with this phone number, in E.164 format',
});

/**
 * Contact fields Allo's v1 API writes; `afterEmails` (the Emails Mode choice) comes right after
 * Emails, where Zapier lists it.
 */
export const contactDetailFields = <
	const Group extends FieldGroup,
	const AfterEmails extends readonly FieldDeclaration[] = [],
>(
	group: Group,
	afterEmails: AfterEmails = [] as unknown as AfterEmails,
) =>
	[
		{ key: 'firstName', label: 'First Name', type: 'string', example: 'Jane', group },
		{ key: 'lastName', label: 'Last Name', type: 'string', example: 'Doe', group },
		{
			key: 'emails',
			label: 'Emails',
			type: 'emailList',
			example: 'jane@example.com',
			description: 'One or more email addresses, separated by commas',
			group,
		},
		...afterEmails,
		{ key: 'jobTitle', label: 'Job Title', type: 'string', example: 'Head of Sales', group },
		{ key: 'website', label: 'Website', type: 'string', example: 'https://example.com', group },
	] as const;

export const listModeField = <const Key extends 'emailsMode' | 'numbersMode'>(
	key: Key,
	what: string,
) =>
	({
		key,
		label: `${what} Mode`,
		type: 'options',
		default: 'add',
		group: 'updateFields',
		options: [
			{
				value: 'add',
				label: 'Add to Existing',
				description: `Keep the contact's ${what.toLowerCase()} and add these`,
			},
			{
				value: 'replace',
				label: 'Replace',
				description: `Replace all of the contact's ${what.toLowerCase()} with these`,
			},
		],
		description: `Whether the given ${what.toLowerCase()} are added to the contact's or replace them`,
	}) as const;

/**
 * Choices written as `value: label` (or `value: [label, description]`), in the order they are
 * offered.
 */
export type Choices = Readonly<Record<string, string | readonly [string, string]>>;

type OptionOf<C extends Choices> = FieldOption & { value: Extract<keyof C, string> };

/** The options of such choices, each value kept literal for the typed input. */
export function optionsOf<const C extends Choices>(choices: C): Array<OptionOf<C>> {
	return (Object.keys(choices) as Array<Extract<keyof C, string>>).map((value) => {
		const choice = choices[value];
		return typeof choice === 'string'
			? { value, label: choice }
			: { value, label: choice[0], description: choice[1] };
	});
}

/**
 * An optional choice shown in a group (in n8n, its collection); left empty, Allo's own default
 * applies.
 */
export const groupedChoiceField = <
	const Key extends string,
	const Group extends FieldGroup,
	const C extends Choices,
>(
	field: { key: Key; label: string; group: Group },
	choices: C,
	description?: string,
) =>
	({
		...field,
		type: 'options',
		options: optionsOf(choices),
		...(description === undefined ? {} : { description }),
	}) as const;

/** A single choice whose first option is the default. */
export const choiceField = <const Key extends string, const Options extends readonly FieldOption[]>(
	key: Key,
	label: string,
	options: Options,
	description: string,
) =>
	({
		key,
		label,
		type: 'options',
		default: options[0].value as Options[number]['value'],
		options,
		description,
	}) as const;

/** Phone numbers of a contact, written as a list. */
export const contactNumbersField = overridable({
	key: 'numbers',
	label: 'Phone Numbers',
	type: 'phoneList',
	example: '+14155551234',
	description: 'One or more phone numbers in E.164 format, separated by commas',
});
