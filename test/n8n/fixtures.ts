/** Allo-shaped API payloads used by the n8n tests. */

export const ALLO_NUMBER = '+14155550100';
export const SECOND_NUMBER = '+14155550199';
export const CONTACT_NUMBER = '+14155551234';

export const numbersResponse = {
	data: [
		{ number: ALLO_NUMBER, name: 'Main Line', country: 'US', is_shared_number: false },
		{ number: SECOND_NUMBER, name: 'Support', country: 'US', is_shared_number: true },
	],
};

export const rawCall = (id: string, startDate = '2026-01-15T10:30:00') => ({
	id,
	from_number: CONTACT_NUMBER,
	to_number: ALLO_NUMBER,
	length_in_minutes: 5.5,
	type: 'INBOUND',
	result: 'ANSWERED',
	summary: 'Customer asked about delivery.',
	one_sentence_summary: 'Delivery question',
	tag: 'support',
	recording_url: `https://api.allo.test/v1/assets/recordings/${id}.mp3`,
	start_date: startDate,
	transcript: [
		{
			source: 'USER',
			text: 'Hello',
			time: '2026-01-15T10:30:05Z',
			start_seconds: 5,
			end_seconds: 6,
		},
	],
});

export const v1Page = (results: unknown[], totalPages = 1) => ({
	data: { results, metadata: { total_pages: totalPages } },
});

export const rawContact = (id: string, overrides: Record<string, unknown> = {}) => ({
	id,
	name: 'Jane',
	last_name: 'Doe',
	numbers: [CONTACT_NUMBER],
	emails: ['jane@example.com'],
	company: { name: 'Acme Corp', id: 'com_1' },
	job_title: 'Head of Sales',
	engagement: 'ENGAGED',
	last_activity_date: '2026-01-15T10:30:00Z',
	...overrides,
});

export const scopeError = (scope: string) => ({
	code: 'API_KEY_INSUFFICIENT_SCOPE',
	details: [{ field: 'scope', message: `required=${scope}` }],
});
