import nock from 'nock';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { endpoints, findOperation } from '../../shared';
import { ALLO_NUMBER, CONTACT_NUMBER } from './fixtures';
import { BASE_URL } from './harness';
import type { OperationCase } from './operationCase';

/** The n8n cases of the v2 operations: one request each, its answer and what the node outputs. */

const api = () => nock(BASE_URL).matchHeader('authorization', 'Api-Key test-key-123');

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface V2Spec {
	parameters: INodeParameters;
	method: Method;
	/** The path as sent, encoded. */
	path: string;
	query?: Record<string, string | number | boolean>;
	body?: nock.DataMatcherMap;
	status?: number;
	reply?: unknown;
	check: (items: INodeExecutionData[]) => void;
	badInput?: OperationCase['badInput'];
}

const json = (items: INodeExecutionData[]) => items.map((item) => item.json);

function v2Case(spec: V2Spec): OperationCase {
	const operation = findOperation(
		String(spec.parameters.resource),
		String(spec.parameters.operation),
	);
	if (!operation) throw new Error(`no operation for ${JSON.stringify(spec.parameters)}`);
	const scope = endpoints[operation.endpoints[0]].scope as string;
	const request = () => {
		const scopeOf = api().intercept(spec.path, spec.method, spec.body);
		return spec.query ? scopeOf.query(spec.query) : scopeOf;
	};
	return {
		parameters: spec.parameters,
		happy: () => request().reply(spec.status ?? 200, spec.reply as nock.Body),
		check: spec.check,
		badInput: spec.badInput,
		apiError: {
			reply: () =>
				request().reply(403, {
					error: {
						type: 'permission_error',
						code: 'API_KEY_INSUFFICIENT_SCOPE',
						message: `This API key lacks the ${scope} scope.`,
						errors: [{ message: `required=${scope}`, field: 'scope' }],
					},
				}),
			message: `The API key is missing the ${scope} permission`,
			httpCode: '403',
		},
	};
}

const paged = (data: unknown[], page = 1, totalPages = 1) => ({
	data,
	pagination: {
		page,
		size: 50,
		total_count: data.length,
		total_pages: totalPages,
		has_more: false,
	},
});

const user = {
	id: 'usr-1',
	name: 'Ada Admin',
	email: 'ada@example.com',
	role: 'ADMIN',
	status: 'ACTIVE',
};
const item = (id: string) => ({
	id,
	type: 'CALL',
	direction: 'INBOUND',
	allo_number: ALLO_NUMBER,
	contact_number: CONTACT_NUMBER,
	date: '2026-01-15T10:30:00',
	summary: 'Customer asked about delivery.',
	tags: ['support'],
});
const person = {
	id: 'cnt-1',
	name: 'Jane',
	numbers: [CONTACT_NUMBER],
	created_at: '2026-01-15T10:30:00',
};
const company = { id: 'com-1', name: 'Acme Corp', industry: 'Software' };
const deal = { id: 'dea-1', name: 'Renewal', status: 'OPEN', amount: 1200, currency: 'USD' };
const template = {
	id: 'tst-1',
	name: 'Discovery',
	sections: [{ title: 'Needs', instructions: 'What they need', order: 0 }],
};
const queue = { id: 'dlq-1', name: 'Monday', voicemail_handling: 'SKIP', numbers: [] };
const webhook = {
	id: 'ep_1',
	url: 'https://example.com/hook',
	topics: ['tag.added'],
	enabled: false,
	signing_secret: 'whsec_hidden',
};
const window = { from: '2026-01-01', to: '2026-01-31' };

export const v2Cases: Record<string, OperationCase> = {
	'account:get': v2Case({
		parameters: { resource: 'account', operation: 'get' },
		method: 'GET',
		path: '/v2/api/me',
		reply: {
			data: {
				api_key_id: 'api-1',
				scopes: ['TAGS_READ'],
				team: { id: 't-1', name: 'Acme' },
				rate_limits: { read_per_second: 20, write_per_second: 5 },
			},
		},
		check: (items) =>
			expect(json(items)).toEqual([
				{
					api_key_id: 'api-1',
					team_id: 't-1',
					team_name: 'Acme',
					scopes: ['TAGS_READ'],
					read_per_second: 20,
					write_per_second: 5,
				},
			]),
	}),
	'user:getMany': v2Case({
		parameters: { resource: 'user', operation: 'getMany', filters: { role: 'ADMIN' } },
		method: 'GET',
		path: '/v2/api/users',
		query: { role: 'ADMIN' },
		reply: { data: [user] },
		check: (items) => expect(json(items)).toEqual([user]),
	}),
	'user:get': v2Case({
		parameters: { resource: 'user', operation: 'get', userId: 'usr-1' },
		method: 'GET',
		path: '/v2/api/users/usr-1',
		reply: { data: user },
		check: (items) => expect(json(items)).toEqual([user]),
		badInput: {
			parameters: { resource: 'user', operation: 'get', userId: '={{ $json.userId }}' },
			message: 'User is required',
			description: /Enter a value for User/,
		},
	}),
	'tag:getMany': v2Case({
		parameters: { resource: 'tag', operation: 'getMany' },
		method: 'GET',
		path: '/v2/api/tags',
		reply: { data: [{ id: 'tag-1', name: 'support', color: '#fff' }] },
		check: (items) => expect(json(items).map((t) => t.name)).toEqual(['support']),
	}),
	'tag:add': v2Case({
		parameters: { resource: 'tag', operation: 'add', callId: 'cll-1', tags: ['support', 'sales'] },
		method: 'POST',
		path: '/v2/api/conversations/items/cll-1/tags',
		body: { tags: ['support', 'sales'] },
		check: (items) =>
			expect(json(items)).toEqual([{ success: true, id: 'cll-1', tags: ['support', 'sales'] }]),
	}),
	'tag:remove': v2Case({
		parameters: { resource: 'tag', operation: 'remove', callId: 'cll-1', tag: 'support' },
		method: 'DELETE',
		path: '/v2/api/conversations/items/cll-1/tags/support',
		check: (items) => expect(json(items)).toEqual([{ success: true, id: 'cll-1', tag: 'support' }]),
	}),
	'phoneNumber:getManyDetails': v2Case({
		parameters: { resource: 'phoneNumber', operation: 'getManyDetails' },
		method: 'GET',
		path: '/v2/api/numbers',
		reply: {
			data: [{ number: ALLO_NUMBER, type: 'NUMBER', capabilities: ['VOICE'], users: [user] }],
		},
		check: (items) =>
			expect(json(items)).toEqual([
				expect.objectContaining({ number: ALLO_NUMBER, capabilities: ['VOICE'] }),
			]),
	}),
	'conversation:getManyByNumber': v2Case({
		parameters: {
			resource: 'conversation',
			operation: 'getManyByNumber',
			alloNumber: ALLO_NUMBER,
			limit: 2,
		},
		method: 'GET',
		path: '/v2/api/conversations',
		query: { allo_number: ALLO_NUMBER, page: 1, size: 2 },
		reply: paged([
			{
				contact_number: CONTACT_NUMBER,
				last_activity: '2026-01-15T10:30:00',
				last_item: item('cll-1'),
			},
		]),
		check: (items) =>
			expect(json(items)).toEqual([
				expect.objectContaining({
					contact_number: CONTACT_NUMBER,
					last_activity: '2026-01-15T10:30:00.000Z',
				}),
			]),
	}),
	'conversation:setStatus': v2Case({
		parameters: {
			resource: 'conversation',
			operation: 'setStatus',
			contactNumber: '+1 (415) 555-1234',
			action: 'ARCHIVE',
		},
		method: 'PUT',
		path: '/v2/api/conversations/%2B14155551234/action',
		body: { action: 'ARCHIVE' },
		check: (items) =>
			expect(json(items)).toEqual([
				{ success: true, contact_number: CONTACT_NUMBER, action: 'ARCHIVE' },
			]),
		badInput: {
			parameters: {
				resource: 'conversation',
				operation: 'setStatus',
				contactNumber: 'call me',
				action: 'READ',
			},
			message: 'Contact Number "call me" is not a valid phone number',
			description: /E\.164/,
		},
	}),
	'conversationItem:search': v2Case({
		parameters: {
			resource: 'conversationItem',
			operation: 'search',
			search: 'refund',
			type: 'CALL',
			limit: 10,
			filters: { from: '2026-01-01T00:00:00Z', to: '2026-01-31T00:00:00Z', tags: ['support'] },
		},
		method: 'POST',
		path: '/v2/api/conversations/items/search',
		body: { search: 'refund', type: 'CALL', tags: ['support'], date: window, page: 1, size: 10 },
		reply: paged([item('cll-1')]),
		check: (items) =>
			expect(json(items)).toEqual([
				expect.objectContaining({ id: 'cll-1', date: '2026-01-15T10:30:00.000Z' }),
			]),
		badInput: {
			parameters: {
				resource: 'conversationItem',
				operation: 'search',
				filters: { from: '2026-01-01T00:00:00Z' },
			},
			message: 'To Date is required with From Date',
			description: /Enter To Date too/,
		},
	}),
	'conversationItem:get': v2Case({
		parameters: { resource: 'conversationItem', operation: 'get', itemId: 'msg-1' },
		method: 'GET',
		path: '/v2/api/conversations/items/msg-1',
		reply: { data: { id: 'msg-1', type: 'SMS', content: 'Hello' } },
		check: (items) => expect(json(items)).toEqual([{ id: 'msg-1', type: 'SMS', content: 'Hello' }]),
	}),
	'conversationItem:getManyById': v2Case({
		parameters: { resource: 'conversationItem', operation: 'getManyById', itemIds: 'cll-1, cll-2' },
		method: 'POST',
		path: '/v2/api/conversations/items/batch',
		body: { ids: ['cll-1', 'cll-2'] },
		reply: { data: [item('cll-1'), item('cll-2')] },
		check: (items) => expect(json(items).map((i) => i.id)).toEqual(['cll-1', 'cll-2']),
		badInput: {
			parameters: {
				resource: 'conversationItem',
				operation: 'getManyById',
				itemIds: Array.from({ length: 101 }, (_, i) => `cll-${i}`).join(','),
			},
			message: 'Call or Text IDs has 101 IDs',
			description: /at most 100/,
		},
	}),
	'call:updateSummary': v2Case({
		parameters: {
			resource: 'call',
			operation: 'updateSummary',
			callId: 'cll-1',
			content: '## New',
		},
		method: 'PATCH',
		path: '/v2/api/conversations/items/cll-1/summary',
		body: { content: '## New' },
		reply: { data: { id: 'cll-1', content: '## New', version: 2 } },
		check: (items) => expect(json(items)).toEqual([{ id: 'cll-1', content: '## New', version: 2 }]),
		badInput: {
			parameters: {
				resource: 'call',
				operation: 'updateSummary',
				callId: 'cll-1',
				content: 'x'.repeat(100001),
			},
			message: 'Summary has 100001 characters',
			description: /at most 100000 characters/,
		},
	}),
	'person:create': v2Case({
		parameters: {
			resource: 'person',
			operation: 'create',
			numbers: CONTACT_NUMBER,
			additionalFields: { firstName: 'Jane', companyId: 'com-1' },
		},
		method: 'POST',
		path: '/v2/api/crm/people',
		body: { numbers: [CONTACT_NUMBER], name: 'Jane', company_id: 'com-1' },
		reply: { data: person },
		check: (items) =>
			expect(json(items)).toEqual([{ ...person, created_at: '2026-01-15T10:30:00.000Z' }]),
	}),
	'person:get': v2Case({
		parameters: { resource: 'person', operation: 'get', personId: 'cnt-1' },
		method: 'GET',
		path: '/v2/api/crm/people/cnt-1',
		reply: { data: person },
		check: (items) => expect(json(items)[0]).toMatchObject({ id: 'cnt-1' }),
	}),
	'person:update': v2Case({
		parameters: {
			resource: 'person',
			operation: 'update',
			personId: 'cnt-1',
			updateFields: { address: '1 Market St' },
		},
		method: 'PUT',
		path: '/v2/api/crm/people/cnt-1',
		body: { address: '1 Market St' },
		reply: { data: { ...person, address: '1 Market St' } },
		check: (items) => expect(json(items)[0]).toMatchObject({ address: '1 Market St' }),
		badInput: {
			parameters: { resource: 'person', operation: 'update', personId: 'cnt-1' },
			message: 'Update Fields is empty',
			description: /Add at least one field/,
		},
	}),
	'person:search': v2Case({
		parameters: {
			resource: 'person',
			operation: 'search',
			search: 'acme',
			filters: { dealStatus: 'OPEN' },
			limit: 5,
		},
		method: 'POST',
		path: '/v2/api/crm/people/search',
		body: { search: 'acme', filters: { deal_status: 'OPEN' }, page: 1, size: 5 },
		reply: paged([person]),
		check: (items) => expect(json(items).map((p) => p.id)).toEqual(['cnt-1']),
	}),
	'company:create': v2Case({
		parameters: {
			resource: 'company',
			operation: 'create',
			name: 'Acme Corp',
			additionalFields: { industry: 'Software' },
		},
		method: 'POST',
		path: '/v2/api/crm/companies',
		body: { name: 'Acme Corp', industry: 'Software' },
		status: 201,
		reply: { data: company },
		check: (items) => expect(json(items)).toEqual([company]),
	}),
	'company:get': v2Case({
		parameters: { resource: 'company', operation: 'get', companyId: 'com-1' },
		method: 'GET',
		path: '/v2/api/crm/companies/com-1',
		reply: { data: company },
		check: (items) => expect(json(items)).toEqual([company]),
	}),
	'company:update': v2Case({
		parameters: {
			resource: 'company',
			operation: 'update',
			companyId: 'com-1',
			updateFields: { website: 'https://acme.example' },
		},
		method: 'PUT',
		path: '/v2/api/crm/companies/com-1',
		body: { website: 'https://acme.example' },
		reply: { data: { ...company, website: 'https://acme.example' } },
		check: (items) => expect(json(items)[0]).toMatchObject({ website: 'https://acme.example' }),
	}),
	'company:search': v2Case({
		parameters: {
			resource: 'company',
			operation: 'search',
			returnAll: true,
			filters: { name: 'acme' },
		},
		method: 'POST',
		path: '/v2/api/crm/companies/search',
		body: { filters: { name: 'acme' }, page: 1, size: 100 },
		reply: paged([company]),
		check: (items) => expect(json(items)).toEqual([company]),
	}),
	'deal:create': v2Case({
		parameters: {
			resource: 'deal',
			operation: 'create',
			name: 'Renewal',
			additionalFields: { amount: 1200, currency: 'usd' },
		},
		method: 'POST',
		path: '/v2/api/crm/deals',
		body: { name: 'Renewal', amount: 1200, currency: 'USD' },
		status: 201,
		reply: { data: deal },
		check: (items) => expect(json(items)).toEqual([deal]),
		badInput: {
			parameters: {
				resource: 'deal',
				operation: 'create',
				name: 'Renewal',
				additionalFields: { currency: 'dollars' },
			},
			message: 'Currency "dollars" is not a currency code',
			description: /ISO 4217/,
		},
	}),
	'deal:get': v2Case({
		parameters: { resource: 'deal', operation: 'get', dealId: 'dea-1' },
		method: 'GET',
		path: '/v2/api/crm/deals/dea-1',
		reply: { data: deal },
		check: (items) => expect(json(items)).toEqual([deal]),
	}),
	'deal:update': v2Case({
		parameters: {
			resource: 'deal',
			operation: 'update',
			dealId: 'dea-1',
			updateFields: { status: 'WON' },
		},
		method: 'PATCH',
		path: '/v2/api/crm/deals/dea-1',
		body: { status: 'WON' },
		reply: { data: { ...deal, status: 'WON' } },
		check: (items) => expect(json(items)[0]).toMatchObject({ status: 'WON' }),
	}),
	'deal:delete': v2Case({
		parameters: { resource: 'deal', operation: 'delete', dealId: 'dea-1' },
		method: 'DELETE',
		path: '/v2/api/crm/deals/dea-1',
		status: 204,
		check: (items) => expect(json(items)).toEqual([{ success: true, deal_id: 'dea-1' }]),
	}),
	'deal:search': v2Case({
		parameters: { resource: 'deal', operation: 'search', filters: { stage: 'OPEN' }, limit: 3 },
		method: 'POST',
		path: '/v2/api/crm/deals/search',
		body: { filters: { stage: 'OPEN' }, page: 1, size: 3 },
		reply: paged([deal]),
		check: (items) => expect(json(items)).toEqual([deal]),
	}),
	'powerDialer:getNumbers': v2Case({
		parameters: { resource: 'powerDialer', operation: 'getNumbers', limit: 10 },
		method: 'GET',
		path: '/v2/api/dialing-queues/current',
		query: { page: 1, size: 10 },
		reply: { ...paged([{ number_to: CONTACT_NUMBER, position: 0 }]), queue: { id: 'dlq-1' } },
		check: (items) => expect(json(items)).toEqual([{ number_to: CONTACT_NUMBER, position: 0 }]),
	}),
	'powerDialer:addNumbers': v2Case({
		parameters: {
			resource: 'powerDialer',
			operation: 'addNumbers',
			numbers: `${CONTACT_NUMBER}, +14155559999`,
		},
		method: 'POST',
		path: '/v2/api/dialing-queues/current/numbers',
		body: { numbers: [{ number: CONTACT_NUMBER }, { number: '+14155559999' }] },
		reply: {
			data: {
				added: [{ number_to: CONTACT_NUMBER, position: 0 }],
				skipped: [{ number: '+14155559999', reason: 'DUPLICATE' }],
			},
		},
		check: (items) =>
			expect(json(items)).toEqual([
				{ number_to: CONTACT_NUMBER, position: 0, added: true },
				{ number: '+14155559999', reason: 'DUPLICATE', added: false },
			]),
	}),
	'powerDialer:configure': v2Case({
		parameters: {
			resource: 'powerDialer',
			operation: 'configure',
			updateFields: { voicemailHandling: 'NO_SKIP' },
		},
		method: 'PATCH',
		path: '/v2/api/dialing-queues/current',
		body: { voicemail_handling: 'NO_SKIP' },
		reply: { data: { ...queue, voicemail_handling: 'NO_SKIP' } },
		check: (items) => expect(json(items)[0]).toMatchObject({ voicemail_handling: 'NO_SKIP' }),
	}),
	'powerDialer:reset': v2Case({
		parameters: {
			resource: 'powerDialer',
			operation: 'reset',
			additionalFields: { name: 'Monday' },
		},
		method: 'POST',
		path: '/v2/api/dialing-queues/current',
		body: { name: 'Monday' },
		reply: { data: queue },
		check: (items) => expect(json(items)).toEqual([queue]),
	}),
	'powerDialer:clearNumbers': v2Case({
		parameters: { resource: 'powerDialer', operation: 'clearNumbers', which: 'unassigned' },
		method: 'DELETE',
		path: '/v2/api/dialing-queues/current/numbers',
		query: { unassigned: true },
		reply: { data: { removed: 3 } },
		check: (items) => expect(json(items)).toEqual([{ removed: 3 }]),
	}),
	'analytics:getOverview': v2Case({
		parameters: {
			resource: 'analytics',
			operation: 'getOverview',
			from: '2026-01-01',
			to: '2026-01-31',
		},
		method: 'POST',
		path: '/v2/api/analytics/overview',
		body: { date: window },
		reply: {
			data: { date: window, summary: { total_calls: { value: 4, previous: 2, change: 1 } } },
		},
		check: (items) =>
			expect(json(items)[0]).toMatchObject({ summary: { total_calls: { value: 4 } } }),
		badInput: {
			parameters: {
				resource: 'analytics',
				operation: 'getOverview',
				from: '2026-02-01',
				to: '2026-01-31',
			},
			message: 'From Date is after To Date',
			description: /Enter a day on or before To Date/,
		},
	}),
	'analytics:getOutbound': v2Case({
		parameters: {
			resource: 'analytics',
			operation: 'getOutbound',
			from: '2026-01-01',
			to: '2026-01-31',
			options: { granularity: 'WEEK' },
		},
		method: 'POST',
		path: '/v2/api/analytics/outbound',
		body: { date: window, granularity: 'WEEK' },
		reply: { data: { date: window, funnel: { dials: { count: { value: 9 }, rate: 1 } } } },
		check: (items) => expect(json(items)[0]).toMatchObject({ funnel: { dials: { rate: 1 } } }),
	}),
	'summaryTemplate:getMany': v2Case({
		parameters: { resource: 'summaryTemplate', operation: 'getMany' },
		method: 'GET',
		path: '/v2/api/summary_templates',
		reply: { data: [template] },
		check: (items) => expect(json(items)).toEqual([template]),
	}),
	'summaryTemplate:get': v2Case({
		parameters: { resource: 'summaryTemplate', operation: 'get', templateId: 'tst-1' },
		method: 'GET',
		path: '/v2/api/summary_templates/tst-1',
		reply: { data: template },
		check: (items) => expect(json(items)).toEqual([template]),
	}),
	'summaryTemplate:create': v2Case({
		parameters: {
			resource: 'summaryTemplate',
			operation: 'create',
			name: 'Discovery',
			sections: 'Needs: What they need',
		},
		method: 'POST',
		path: '/v2/api/summary_templates',
		body: { name: 'Discovery', sections: template.sections },
		status: 201,
		reply: { data: template },
		check: (items) => expect(json(items)).toEqual([template]),
		badInput: {
			parameters: {
				resource: 'summaryTemplate',
				operation: 'create',
				name: 'Discovery',
				sections: 'Needs',
			},
			message: 'Sections line 1 is not "Title: instructions"',
			description: /a colon/,
		},
	}),
	'summaryTemplate:update': v2Case({
		parameters: {
			resource: 'summaryTemplate',
			operation: 'update',
			templateId: 'tst-1',
			name: 'Discovery',
			sections: 'Needs: What they need',
		},
		method: 'PUT',
		path: '/v2/api/summary_templates/tst-1',
		body: { name: 'Discovery', sections: template.sections },
		reply: { data: template },
		check: (items) => expect(json(items)).toEqual([template]),
	}),
	'summaryTemplate:delete': v2Case({
		parameters: { resource: 'summaryTemplate', operation: 'delete', templateId: 'tst-1' },
		method: 'DELETE',
		path: '/v2/api/summary_templates/tst-1',
		status: 204,
		check: (items) => expect(json(items)).toEqual([{ success: true, template_id: 'tst-1' }]),
	}),
	'summaryTemplate:setNumberDefault': v2Case({
		parameters: {
			resource: 'summaryTemplate',
			operation: 'setNumberDefault',
			alloNumber: ALLO_NUMBER,
			templateId: 'tst-1',
		},
		method: 'PUT',
		path: '/v2/api/numbers/%2B14155550100/default_summary_template',
		body: { summary_template_id: 'tst-1' },
		reply: { data: { number: ALLO_NUMBER, default_summary_template_id: 'tst-1' } },
		check: (items) =>
			expect(json(items)).toEqual([{ number: ALLO_NUMBER, default_summary_template_id: 'tst-1' }]),
	}),
	'webhook:get': v2Case({
		parameters: { resource: 'webhook', operation: 'get', webhookId: 'ep_1' },
		method: 'GET',
		path: '/v2/api/webhooks/ep_1',
		reply: { data: webhook },
		check: (items) => {
			expect(json(items)[0]).toMatchObject({ id: 'ep_1', enabled: false, api_version: 'v2' });
			expect(JSON.stringify(items)).not.toContain('whsec_');
		},
	}),
	'webhook:update': v2Case({
		parameters: {
			resource: 'webhook',
			operation: 'update',
			webhookId: 'ep_1',
			updateFields: { enabled: false },
		},
		method: 'PUT',
		path: '/v2/api/webhooks/ep_1',
		body: { enabled: false },
		reply: { data: webhook },
		check: (items) => {
			expect(json(items)[0]).toMatchObject({ id: 'ep_1', enabled: false });
			expect(JSON.stringify(items)).not.toContain('whsec_');
		},
	}),
	'webhook:getEventTypes': v2Case({
		parameters: { resource: 'webhook', operation: 'getEventTypes' },
		method: 'GET',
		path: '/v2/api/webhooks/event_types',
		reply: { data: [{ name: 'call.completed', description: 'Call completed' }] },
		check: (items) =>
			expect(json(items)).toEqual([{ name: 'call.completed', description: 'Call completed' }]),
	}),
};
