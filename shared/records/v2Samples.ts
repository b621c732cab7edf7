import { normaliseV2 } from './v2';

/** Example v2 records in Allo's own shapes, through the same normaliser as real answers. */

export const sampleAccount = {
	api_key_id: 'api-1',
	team_id: 'team-xyz789',
	team_name: 'Acme Sales',
	scopes: ['CONVERSATIONS_READ', 'CONTACTS_READ', 'TAGS_READ'],
	read_per_second: 20,
	write_per_second: 5,
};

export const sampleUser = normaliseV2({
	id: 'usr-abc123',
	name: 'John Smith',
	email: 'john@acme.com',
	role: 'MEMBER',
	status: 'ACTIVE',
	image_url: null,
});

export const sampleTag = normaliseV2({ id: 'tag-abc123', name: 'support', color: '#2F80ED' });

const userRef = { id: 'usr-abc123', name: 'John Smith', email: 'john@acme.com' };

export const sampleItem = normaliseV2({
	id: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	type: 'CALL',
	direction: 'INBOUND',
	allo_number: '+14155550100',
	contact_number: '+14155551234',
	contacts: [{ id: 'cnt-abc123', name: 'Sarah Johnson', company: null, deals: [] }],
	user: userRef,
	date: '2026-01-15T10:30:00Z',
	duration: 330,
	result: 'ANSWERED',
	recording_url: 'https://api.withallo.com/v1/assets/recordings/cll-2NfDKEm9sF8xK3pQr1Zt.mp3',
	summary: 'Customer called about order status and delivery timeline.',
	tags: ['support'],
});

export const sampleConversation = normaliseV2({
	contact_number: '+14155551234',
	contacts: [{ id: 'cnt-abc123', name: 'Sarah Johnson', company: null, deals: [] }],
	last_activity: '2026-01-15T10:30:00Z',
	last_item: sampleItem,
});

export const sampleCallSummary = normaliseV2({
	id: 'cll-2NfDKEm9sF8xK3pQr1Zt',
	content: '## Summary\nCustomer asked about the delivery date.',
	version: 2,
	updated_at: '2026-01-15T11:00:00Z',
	updated_by: { id: 'usr-abc123', name: 'John Smith' },
});

export const samplePerson = normaliseV2({
	id: 'cnt-abc123',
	name: 'Sarah',
	last_name: 'Johnson',
	job_title: 'Head of Sales',
	website: 'https://acme.example',
	address: '1 Market St, San Francisco',
	numbers: ['+14155551234'],
	emails: ['sarah@acme.example'],
	company: { id: 'com-xyz789', name: 'Acme Corp' },
	interactions: 12,
	last_activity_at: '2026-01-15T10:30:00Z',
	created_at: '2025-11-02T09:00:00Z',
	updated_at: '2026-01-15T10:35:00Z',
});

export const sampleCompany = normaliseV2({
	id: 'com-xyz789',
	name: 'Acme Corp',
	website: 'https://acme.example',
	industry: 'Software',
	person_count: 4,
	interactions: 31,
	last_activity_at: '2026-01-15T10:30:00Z',
	created_at: '2025-11-02T09:00:00Z',
	updated_at: '2026-01-15T10:35:00Z',
});

export const sampleDeal = normaliseV2({
	id: 'dea-def456',
	name: 'Enterprise Plan',
	status: 'OPEN',
	amount: 12000,
	currency: 'USD',
	closed_at: null,
	company: { id: 'com-xyz789', name: 'Acme Corp' },
	created_at: '2025-12-01T09:00:00Z',
	updated_at: '2026-01-15T10:35:00Z',
});

export const sampleQueueNumber = normaliseV2({
	number_to: '+14155551234',
	position: 0,
	created_at: '2026-01-15T09:00:00Z',
	updated_at: '2026-01-15T09:00:00Z',
	call_start_date: null,
	call_id: null,
	routing_result: null,
});

export const sampleQueue = normaliseV2({
	id: 'dlq-abc123',
	name: 'Monday prospects',
	creator_id: 'usr-abc123',
	assignee_id: 'usr-abc123',
	voicemail_handling: 'SKIP',
	do_not_disturb: 'DISABLED',
	numbers: [sampleQueueNumber],
	created_at: '2026-01-15T09:00:00Z',
	updated_at: '2026-01-15T09:00:00Z',
});

const metric = (value: number, previous: number) => ({
	value,
	previous,
	change: Math.round(((value - previous) / previous) * 100) / 100,
});

export const sampleTeamMetrics = normaliseV2({
	date: { from: '2026-01-01', to: '2026-01-31' },
	compare_date: { from: '2025-12-01', to: '2025-12-31' },
	summary: {
		total_calls: metric(420, 380),
		talk_time_seconds: metric(61200, 58000),
		calls_over_1_min: metric(310, 290),
		answer_rate: metric(0.82, 0.79),
	},
	breakdown: [{ user: userRef, calls: metric(120, 110), answer_rate: metric(0.85, 0.8) }],
	last_updated: '2026-02-01T00:00:00Z',
});

export const sampleOutboundMetrics = normaliseV2({
	date: { from: '2026-01-01', to: '2026-01-31' },
	compare_date: { from: '2025-12-01', to: '2025-12-31' },
	funnel: {
		dials: { count: metric(500, 450), rate: 1 },
		connected: { count: metric(150, 140), rate: 0.3 },
		conversations: { count: metric(90, 80), rate: 0.18 },
		conversions: { count: metric(12, 10), rate: 0.02 },
	},
	time_series: { dials: [{ date: '2026-01-02', value: 25 }] },
	leaderboard: [{ user: userRef, connected: 40 }],
});

export const sampleSummaryTemplate = normaliseV2({
	id: 'tst-abc123',
	name: 'Discovery call',
	call_context: 'First call with a prospect',
	icon: null,
	sections: [{ title: 'Needs', instructions: 'What the prospect needs', order: 0 }],
	created_at: '2026-01-10T09:00:00Z',
	updated_at: '2026-01-10T09:00:00Z',
});

export const sampleNumberV2 = normaliseV2({
	number: '+14155550100',
	name: 'Sales US',
	country: 'US',
	type: 'NUMBER',
	capabilities: ['VOICE', 'SMS'],
	users: [userRef],
});

export const sampleEventType = normaliseV2({
	name: 'call.completed',
	description: 'Call completed',
});
