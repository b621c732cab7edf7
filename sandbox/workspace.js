'use strict';
// The v2 half of the demo workspace: team roles, tags, CRM companies and deals, summary templates,
// the power-dialer queues. Kept beside seed.js so each file holds one part of the state.

const TAGS = [
	{ id: 'tag-support', name: 'support', color: '#2F80ED' },
	{ id: 'tag-sales', name: 'sales', color: '#27AE60' },
	{ id: 'tag-billing', name: 'billing', color: '#F2994A' },
	{ id: 'tag-voicemail', name: 'voicemail', color: '#9B51E0' },
];

const DEAL_STAGES = ['OPEN', 'WON', 'LOST'];

/** The roles and states of the seeded users, in the order of seed.js's USERS. */
const USER_DETAILS = [
	{ role: 'ADMIN', status: 'ACTIVE' },
	{ role: 'MEMBER', status: 'ACTIVE' },
];

/**
 * @param {{ now: number, users: Array<{id: string}>, contacts: Array<{company: {id: string, name: string} | null, website: string | null}> }} state
 */
function workspaceState({ now, users, contacts }) {
	const companies = new Map();
	for (const contact of contacts) {
		if (contact.company && !companies.has(contact.company.id)) {
			companies.set(contact.company.id, {
				id: contact.company.id,
				name: contact.company.name,
				website: contact.website,
				industry: null,
				created_at: now,
				updated_at: now,
			});
		}
	}
	const [firstCompany] = companies.values();
	return {
		userDetails: new Map(
			users.map((user, i) => [user.id, { image_url: null, ...USER_DETAILS[i] }]),
		),
		tags: TAGS.map((tag) => ({ ...tag })),
		companies: [...companies.values()],
		deals: firstCompany
			? [
					{
						id: 'dea-sandbox-renewal',
						name: `${firstCompany.name} renewal`,
						status: 'OPEN',
						amount: 12000,
						currency: 'USD',
						closed_at: null,
						company_id: firstCompany.id,
						created_at: now,
						updated_at: now,
					},
				]
			: [],
		summaryTemplates: [
			{
				id: 'tst-sandbox-discovery',
				name: 'Discovery call',
				call_context: 'First call with a prospect',
				icon: null,
				sections: [
					{ title: 'Needs', instructions: 'What the prospect needs', order: 0 },
					{ title: 'Next steps', instructions: 'What was agreed', order: 1 },
				],
				active: true,
				created_at: now,
				updated_at: now,
			},
		],
		/** Number → default summary template id. */
		defaultTemplates: new Map(),
		/** Assignee user id → the newest queue assigned to them. */
		queues: new Map(),
		/** Contact number → { read, archived } of its conversations. */
		conversationStates: new Map(),
	};
}

module.exports = { workspaceState, DEAL_STAGES };
