/** The contact fields of validated input that Allo's v1 API writes. */
export interface ContactDetails {
	firstName?: string;
	lastName?: string;
	jobTitle?: string;
	website?: string;
	emails?: string[];
	numbers?: string[];
}

/** The v1 contact body from validated input; fields not given are left out. */
export function contactBody(input: ContactDetails): Record<string, unknown> {
	const body: Record<string, unknown> = {
		name: input.firstName,
		last_name: input.lastName,
		job_title: input.jobTitle,
		website: input.website,
		emails: input.emails,
		numbers: input.numbers,
	};
	return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/** "add" keeps what the contact has and appends new values, without duplicates. */
export const mergeList = (existing: string[], given: string[] | undefined, mode: unknown) =>
	given === undefined
		? undefined
		: mode === 'replace'
			? given
			: [...new Set([...existing, ...given])];
