import type { HttpMethod } from '../transport';

export type ApiVersion = 'v1' | 'v2';

export type Scope =
	| 'CONVERSATIONS_READ'
	| 'CONTACTS_READ'
	| 'CONTACTS_READ_WRITE'
	| 'SMS_SEND'
	| 'WEBHOOKS_READ_WRITE'
	| 'CRM_READ'
	| 'CRM_WRITE'
	| 'CRM_DELETE'
	| 'CONVERSATIONS_WRITE'
	| 'PHONE_NUMBERS_READ'
	| 'USERS_READ'
	| 'TAGS_READ'
	| 'TAGS_WRITE'
	| 'DIALING_QUEUE_READ_WRITE'
	| 'SUMMARY_TEMPLATES_READ'
	| 'SUMMARY_TEMPLATES_WRITE';

/** How a list endpoint pages: v1 is 0-indexed with total_pages, v2 1-indexed with has_more. */
export type Paging = 'v1' | 'v2';

export interface Endpoint {
	method: HttpMethod;
	/** Path with `{name}` placeholders, as sent. */
	path: string;
	version: ApiVersion;
	/** The scope the API key needs; undefined when any valid key may call it. */
	scope?: Scope;
	paging?: Paging;
	/** Where the paging parameters go. */
	pagingIn?: 'query' | 'body';
	/** The key of this operation in Allo's OpenAPI document when it differs from `path`. */
	openApiPath?: string;
	/** Documented outside the OpenAPI document (v1 webhooks). */
	undocumented?: true;
	/** A POST that only reads (searches): safe to retry, paced as a write. */
	readOnly?: true;
}

const define = <K extends string>(catalog: Record<K, Endpoint>) => catalog;

/** Every Allo endpoint the integrations call. */
export const endpoints = define({
	searchCalls: {
		method: 'GET',
		path: '/v1/api/calls',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		paging: 'v1',
		pagingIn: 'query',
	},
	getConversationItem: {
		method: 'GET',
		path: '/v2/api/conversations/items/{id}',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
	},
	searchContacts: {
		method: 'GET',
		path: '/v1/api/contacts',
		version: 'v1',
		scope: 'CONTACTS_READ',
		paging: 'v1',
		pagingIn: 'query',
	},
	createContact: {
		method: 'POST',
		path: '/v1/api/contacts',
		version: 'v1',
		scope: 'CONTACTS_READ_WRITE',
	},
	updateContact: {
		method: 'PUT',
		path: '/v1/api/contacts/{contact_id}',
		version: 'v1',
		scope: 'CONTACTS_READ_WRITE',
	},
	getContact: {
		method: 'GET',
		path: '/v1/api/contact/{contact_id}',
		version: 'v1',
		scope: 'CONTACTS_READ',
	},
	searchPeople: {
		method: 'POST',
		path: '/v2/api/crm/people/search',
		version: 'v2',
		readOnly: true,
		scope: 'CRM_READ',
		paging: 'v2',
		pagingIn: 'body',
	},
	sendSms: {
		method: 'POST',
		path: '/v1/api/sms',
		version: 'v1',
		scope: 'SMS_SEND',
	},
	sendSmsFrance: {
		method: 'POST',
		path: '/v1/api/sms',
		version: 'v1',
		scope: 'SMS_SEND',
		openApiPath: '/v1/api/sms#france',
	},
	getContactConversation: {
		method: 'GET',
		path: '/v1/api/contact/{contact_id}/conversation',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		paging: 'v1',
		pagingIn: 'query',
	},
	getNumbers: {
		method: 'GET',
		path: '/v1/api/numbers',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
	},
	listWebhooks: {
		method: 'GET',
		path: '/v2/api/webhooks',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
	},
	createWebhook: {
		method: 'POST',
		path: '/v2/api/webhooks',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
	},
	getWebhook: {
		method: 'GET',
		path: '/v2/api/webhooks/{webhook_id}',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
	},
	updateWebhook: {
		method: 'PUT',
		path: '/v2/api/webhooks/{webhook_id}',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
	},
	deleteWebhook: {
		method: 'DELETE',
		path: '/v2/api/webhooks/{webhook_id}',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
	},
	listWebhooksV1: {
		method: 'GET',
		path: '/v1/api/webhooks',
		version: 'v1',
		scope: 'WEBHOOKS_READ_WRITE',
		undocumented: true,
	},
	createWebhookV1: {
		method: 'POST',
		path: '/v1/api/webhooks',
		version: 'v1',
		scope: 'WEBHOOKS_READ_WRITE',
		undocumented: true,
	},
	deleteWebhookV1: {
		method: 'DELETE',
		path: '/v1/api/webhooks/{webhook_id}',
		version: 'v1',
		scope: 'WEBHOOKS_READ_WRITE',
		undocumented: true,
	},
	getMe: {
		method: 'GET',
		path: '/v2/api/me',
		version: 'v2',
	},
	listWebhookEventTypes: {
		method: 'GET',
		path: '/v2/api/webhooks/event_types',
		version: 'v2',
		scope: 'WEBHOOKS_READ_WRITE',
	},
	listUsers: {
		method: 'GET',
		path: '/v2/api/users',
		version: 'v2',
		scope: 'USERS_READ',
	},
	getUser: {
		method: 'GET',
		path: '/v2/api/users/{id}',
		version: 'v2',
		scope: 'USERS_READ',
	},
	listTags: {
		method: 'GET',
		path: '/v2/api/tags',
		version: 'v2',
		scope: 'TAGS_READ',
	},
	addTags: {
		method: 'POST',
		path: '/v2/api/conversations/items/{id}/tags',
		version: 'v2',
		scope: 'TAGS_WRITE',
	},
	removeTag: {
		method: 'DELETE',
		path: '/v2/api/conversations/items/{id}/tags/{tag}',
		version: 'v2',
		scope: 'TAGS_WRITE',
	},
	listNumbers: {
		method: 'GET',
		path: '/v2/api/numbers',
		version: 'v2',
		scope: 'PHONE_NUMBERS_READ',
	},
	listConversations: {
		method: 'GET',
		path: '/v2/api/conversations',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		paging: 'v2',
		pagingIn: 'query',
	},
	searchConversationItems: {
		method: 'POST',
		path: '/v2/api/conversations/items/search',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		paging: 'v2',
		pagingIn: 'body',
		readOnly: true,
	},
	batchGetConversationItems: {
		method: 'POST',
		path: '/v2/api/conversations/items/batch',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		readOnly: true,
	},
	updateCallSummary: {
		method: 'PATCH',
		path: '/v2/api/conversations/items/{id}/summary',
		version: 'v2',
		scope: 'CONVERSATIONS_WRITE',
	},
	executeConversationAction: {
		method: 'PUT',
		path: '/v2/api/conversations/{contact_number}/action',
		version: 'v2',
		scope: 'CONVERSATIONS_WRITE',
	},
	createPerson: {
		method: 'POST',
		path: '/v2/api/crm/people',
		version: 'v2',
		scope: 'CRM_WRITE',
	},
	getPerson: {
		method: 'GET',
		path: '/v2/api/crm/people/{id}',
		version: 'v2',
		scope: 'CRM_READ',
	},
	updatePerson: {
		method: 'PUT',
		path: '/v2/api/crm/people/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
	},
	createCompany: {
		method: 'POST',
		path: '/v2/api/crm/companies',
		version: 'v2',
		scope: 'CRM_WRITE',
	},
	getCompany: {
		method: 'GET',
		path: '/v2/api/crm/companies/{id}',
		version: 'v2',
		scope: 'CRM_READ',
	},
	updateCompany: {
		method: 'PUT',
		path: '/v2/api/crm/companies/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
	},
	searchCompanies: {
		method: 'POST',
		path: '/v2/api/crm/companies/search',
		version: 'v2',
		scope: 'CRM_READ',
		paging: 'v2',
		pagingIn: 'body',
		readOnly: true,
	},
	createDeal: {
		method: 'POST',
		path: '/v2/api/crm/deals',
		version: 'v2',
		scope: 'CRM_WRITE',
	},
	getDeal: {
		method: 'GET',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_READ',
	},
	updateDeal: {
		method: 'PATCH',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
	},
	deleteDeal: {
		method: 'DELETE',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_DELETE',
	},
	searchDeals: {
		method: 'POST',
		path: '/v2/api/crm/deals/search',
		version: 'v2',
		scope: 'CRM_READ',
		paging: 'v2',
		pagingIn: 'body',
		readOnly: true,
	},
	getDialingQueue: {
		method: 'GET',
		path: '/v2/api/dialing-queues/current',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
		paging: 'v2',
		pagingIn: 'query',
	},
	resetDialingQueue: {
		method: 'POST',
		path: '/v2/api/dialing-queues/current',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
	},
	upsertDialingQueue: {
		method: 'PATCH',
		path: '/v2/api/dialing-queues/current',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
	},
	appendDialingQueueNumbers: {
		method: 'POST',
		path: '/v2/api/dialing-queues/current/numbers',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
	},
	clearDialingQueueNumbers: {
		method: 'DELETE',
		path: '/v2/api/dialing-queues/current/numbers',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
	},
	getTeamMetrics: {
		method: 'POST',
		path: '/v2/api/analytics/overview',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		readOnly: true,
	},
	getOutboundMetrics: {
		method: 'POST',
		path: '/v2/api/analytics/outbound',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		readOnly: true,
	},
	listSummaryTemplates: {
		method: 'GET',
		path: '/v2/api/summary_templates',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_READ',
	},
	createSummaryTemplate: {
		method: 'POST',
		path: '/v2/api/summary_templates',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
	},
	getSummaryTemplate: {
		method: 'GET',
		path: '/v2/api/summary_templates/{id}',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_READ',
	},
	updateSummaryTemplate: {
		method: 'PUT',
		path: '/v2/api/summary_templates/{id}',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
	},
	deleteSummaryTemplate: {
		method: 'DELETE',
		path: '/v2/api/summary_templates/{id}',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
	},
	setNumberSummaryTemplate: {
		method: 'PUT',
		path: '/v2/api/numbers/{number}/default_summary_template',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
	},
});

export type EndpointName = keyof typeof endpoints;
