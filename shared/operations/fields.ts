import type { FieldDeclaration, FieldOption } from './types';

/** Fields several operations share, declared once. */

export const ALL_NUMBERS = 'all';

export const alloNumberField = (overrides: Partial<FieldDeclaration> = {}): FieldDeclaration => ({
	key: 'alloNumber',
	label: 'Allo Number',
	type: 'phone',
	dynamic: 'phoneNumbers',
	example: '+14155550100',
	description: 'One of your Allo phone numbers, in E.164 format',
	...overrides,
});

export const contactIdField = (overrides: Partial<FieldDeclaration> = {}): FieldDeclaration => ({
	key: 'contactId',
	label: 'Contact',
	type: 'string',
	required: true,
	dynamic: 'contacts',
	example: 'cnt_abc123',
	description: 'The Allo contact, picked from the list or given by ID',
	...overrides,
});

export const contactNumberField = (
	overrides: Partial<FieldDeclaration> = {},
): FieldDeclaration => ({
	key: 'contactNumber',
	label: 'Contact Number',
	type: 'phone',
	example: '+14155551234',
	description: 'Only calls with this phone number, in E.164 format',
	...overrides,
});

/**
 * Contact fields Allo's v1 API writes; `withEmailsMode` puts the Emails Mode choice right after
 * Emails, where Zapier lists it.
 */
export const contactDetailFields = (
	group?: FieldDeclaration['group'],
	withEmailsMode = false,
): FieldDeclaration[] => [
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
	...(withEmailsMode ? [{ ...listModeField('emailsMode', 'Emails'), group }] : []),
	{ key: 'jobTitle', label: 'Job Title', type: 'string', example: 'Head of Sales', group },
	{ key: 'website', label: 'Website', type: 'string', example: 'https://example.com', group },
];

export const listModeField = (
	key: 'emailsMode' | 'numbersMode',
	what: string,
): FieldDeclaration => ({
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
});

/** A single choice whose first option is the default. */
export const choiceField = (
	key: string,
	label: string,
	options: readonly FieldOption[],
	description: string,
): FieldDeclaration => ({
	key,
	label,
	type: 'options',
	default: options[0].value,
	options,
	description,
});
