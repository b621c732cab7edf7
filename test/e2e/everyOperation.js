// The steps of the workflow that runs every operation of the Allo node in a real n8n
// (actions.test.js), and the operations it leaves out with the reason; test/n8n/everyOperation.test.ts
// fails when an operation of the core is in neither.
const ADA = '+16282009999';
const GRACE = '+16282008888';
const JANE = '+16282000000';
const MAIN_LINE = '+14155550100';
const HOOK_URL = 'https://hooks.example.com/allo';

const PETER = '+16282007777';
const id = (node) => `={{ $('${node}').first().json.id }}`;
const field = (node, key) => `={{ $('${node}').first().json.${key} }}`;
const byId = (node) => ({ __rl: true, mode: 'id', value: id(node) });

// Each step runs once, whatever the previous step output; later steps read earlier ones by name.
const STEPS = [
	['Phone Numbers', { resource: 'phoneNumber', operation: 'getMany' }],
	[
		'Calls',
		{ resource: 'call', operation: 'getMany', alloNumber: 'all', limit: 20, simplify: false },
	],
	['Call', { resource: 'call', operation: 'get', callId: id('Calls'), simplify: false }],
	[
		'Recording',
		{
			resource: 'call',
			operation: 'downloadRecording',
			callId: "={{ $('Calls').all().find((item) => item.json.recording_url).json.id }}",
			binaryPropertyName: 'recording',
		},
	],
	[
		'Contact Create',
		{
			resource: 'contact',
			operation: 'create',
			numbers: ADA,
			additionalFields: { firstName: 'Ada', lastName: 'Lovelace', emails: 'ada@example.com' },
		},
	],
	[
		'Contact Update',
		{
			resource: 'contact',
			operation: 'update',
			contactId: byId('Contact Create'),
			updateFields: { jobTitle: 'Engineer', emails: 'ada@work.example.com' },
		},
	],
	[
		'Contact Get',
		{ resource: 'contact', operation: 'get', contactId: byId('Contact Create'), simplify: false },
	],
	['Contacts', { resource: 'contact', operation: 'getMany', limit: 120 }],
	['Contact Find', { resource: 'contact', operation: 'find', phoneNumber: ADA }],
	[
		'Upsert Existing',
		{
			resource: 'contact',
			operation: 'upsert',
			phoneNumber: ADA,
			additionalFields: { website: 'https://ada.example.com' },
			simplify: false,
		},
	],
	[
		'Upsert New',
		{
			resource: 'contact',
			operation: 'upsert',
			phoneNumber: GRACE,
			additionalFields: { firstName: 'Grace' },
		},
	],
	['Find Jane', { resource: 'contact', operation: 'find', phoneNumber: JANE }],
	[
		'Conversation',
		{ resource: 'conversation', operation: 'getMany', contactId: byId('Find Jane'), limit: 10 },
	],
	[
		'SMS',
		{
			resource: 'sms',
			operation: 'send',
			sender: 'alloNumber',
			from: MAIN_LINE,
			to: ADA,
			message: "=Thanks {{ $('Contact Get').first().json.name }}, we'll call you back.",
		},
	],
	[
		'Webhook Create',
		{
			resource: 'webhook',
			operation: 'create',
			api: 'v2',
			url: HOOK_URL,
			topics: ['contact.created'],
		},
	],
	['Webhooks', { resource: 'webhook', operation: 'getMany', api: 'v2' }],
	['Webhook Get', { resource: 'webhook', operation: 'get', webhookId: id('Webhook Create') }],
	[
		'Webhook Update',
		{
			resource: 'webhook',
			operation: 'update',
			webhookId: id('Webhook Create'),
			updateFields: { enabled: false, topics: ['tag.added'] },
		},
	],
	['Event Types', { resource: 'webhook', operation: 'getEventTypes' }],
	[
		'Webhook Delete',
		{ resource: 'webhook', operation: 'delete', api: 'v2', webhookId: id('Webhook Create') },
	],
	['Account', { resource: 'account', operation: 'get' }],
	['Users', { resource: 'user', operation: 'getMany', filters: { role: 'MEMBER' } }],
	['User', { resource: 'user', operation: 'get', userId: id('Users') }],
	['Tags', { resource: 'tag', operation: 'getMany' }],
	['Numbers Detailed', { resource: 'phoneNumber', operation: 'getManyDetails' }],
	[
		'Tag Add',
		{ resource: 'tag', operation: 'add', callId: id('Calls'), tags: ['billing', 'sales'] },
	],
	['Tag Remove', { resource: 'tag', operation: 'remove', callId: id('Calls'), tag: 'sales' }],
	[
		'Summary Update',
		{
			resource: 'call',
			operation: 'updateSummary',
			callId: id('Calls'),
			content: '## Summary\nCalled back, all sorted.',
		},
	],
	[
		'Item Search',
		{
			resource: 'conversationItem',
			operation: 'search',
			search: 'refund',
			type: 'CALL',
			returnAll: true,
		},
	],
	[
		'Item Get',
		{
			resource: 'conversationItem',
			operation: 'get',
			itemId: id('Calls'),
			options: { includeTranscript: true },
		},
	],
	[
		'Items By ID',
		{
			resource: 'conversationItem',
			operation: 'getManyById',
			itemIds: "={{ $('Calls').all().slice(0, 3).map((item) => item.json.id).join(',') }}",
		},
	],
	[
		'Conversations',
		{ resource: 'conversation', operation: 'getManyByNumber', alloNumber: MAIN_LINE, limit: 5 },
	],
	[
		'Conversation Read',
		{
			resource: 'conversation',
			operation: 'setStatus',
			contactNumber: field('Conversations', 'contact_number'),
			action: 'READ',
		},
	],
	[
		'Company Create',
		{
			resource: 'company',
			operation: 'create',
			name: 'Analytical Engines',
			additionalFields: { industry: 'Computing' },
		},
	],
	['Company Get', { resource: 'company', operation: 'get', companyId: id('Company Create') }],
	[
		'Company Update',
		{
			resource: 'company',
			operation: 'update',
			companyId: id('Company Create'),
			updateFields: { website: 'https://engines.example' },
		},
	],
	[
		'Company Search',
		{ resource: 'company', operation: 'search', filters: { name: 'analytical' }, returnAll: true },
	],
	[
		'Person Create',
		{
			resource: 'person',
			operation: 'create',
			numbers: PETER,
			additionalFields: {
				firstName: 'Peter',
				companyId: id('Company Create'),
				address: '1 Main St',
			},
		},
	],
	['Person Get', { resource: 'person', operation: 'get', personId: id('Person Create') }],
	[
		'Person Update',
		{
			resource: 'person',
			operation: 'update',
			personId: id('Person Create'),
			updateFields: { jobTitle: 'CTO' },
		},
	],
	[
		'Person Search',
		{ resource: 'person', operation: 'search', filters: { phoneNumber: PETER }, limit: 10 },
	],
	[
		'Deal Create',
		{
			resource: 'deal',
			operation: 'create',
			name: 'Engine pilot',
			additionalFields: { amount: 5000, currency: 'eur', companyId: id('Company Create') },
		},
	],
	['Deal Get', { resource: 'deal', operation: 'get', dealId: id('Deal Create') }],
	[
		'Deal Update',
		{
			resource: 'deal',
			operation: 'update',
			dealId: id('Deal Create'),
			updateFields: { status: 'WON' },
		},
	],
	[
		'Deal Search',
		{ resource: 'deal', operation: 'search', filters: { stage: 'WON' }, returnAll: true },
	],
	['Deal Delete', { resource: 'deal', operation: 'delete', dealId: id('Deal Create') }],
	[
		'Dialer Add',
		{ resource: 'powerDialer', operation: 'addNumbers', numbers: `${ADA}, ${GRACE}, ${PETER}` },
	],
	['Dialer Numbers', { resource: 'powerDialer', operation: 'getNumbers', returnAll: true }],
	[
		'Dialer Configure',
		{
			resource: 'powerDialer',
			operation: 'configure',
			updateFields: { name: 'Follow-ups', voicemailHandling: 'NO_SKIP' },
		},
	],
	[
		'Dialer Remove',
		{ resource: 'powerDialer', operation: 'clearNumbers', which: 'number', number: GRACE },
	],
	[
		'Dialer Reset',
		{ resource: 'powerDialer', operation: 'reset', additionalFields: { name: 'Fresh' } },
	],
	[
		'Overview',
		{
			resource: 'analytics',
			operation: 'getOverview',
			from: '={{ $now.minus({ days: 30 }).toISO() }}',
			to: '={{ $now.toISO() }}',
		},
	],
	[
		'Outbound',
		{
			resource: 'analytics',
			operation: 'getOutbound',
			from: '={{ $now.minus({ days: 30 }).toISO() }}',
			to: '={{ $now.toISO() }}',
			options: { granularity: 'WEEK' },
		},
	],
	[
		'Template Create',
		{
			resource: 'summaryTemplate',
			operation: 'create',
			name: 'Support call',
			sections: 'Issue: What went wrong\nResolution: How it was fixed',
		},
	],
	['Templates', { resource: 'summaryTemplate', operation: 'getMany' }],
	[
		'Template Get',
		{ resource: 'summaryTemplate', operation: 'get', templateId: id('Template Create') },
	],
	[
		'Template Update',
		{
			resource: 'summaryTemplate',
			operation: 'update',
			templateId: id('Template Create'),
			name: 'Support',
			sections: 'Issue: What went wrong',
		},
	],
	[
		'Template Default',
		{
			resource: 'summaryTemplate',
			operation: 'setNumberDefault',
			alloNumber: MAIN_LINE,
			templateId: id('Template Create'),
		},
	],
	[
		'Template Delete',
		{ resource: 'summaryTemplate', operation: 'delete', templateId: id('Template Create') },
	],
];

/**
 * Operations of the core the workflow cannot run in n8n, each with the reason and where they are
 * tested instead. None so far: every operation runs.
 */
const NOT_RUN = {};

module.exports = { STEPS, NOT_RUN, ADA, GRACE, JANE, MAIN_LINE, HOOK_URL, PETER };
