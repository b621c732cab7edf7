import type { HttpMethod } from '../transport';

export type ApiVersion = 'v1' | 'v2';

export type Scope =
	| 'CONVERSATIONS_READ'
	| 'CONTACTS_READ'
	| 'CONTACTS_READ_WRITE'
	| 'SMS_SEND'
	| 'WEBHOOKS_READ_WRITE'
	| 'CRM_READ';

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
	searchConversationItems: {
		method: 'POST',
		path: '/v2/api/conversations/items/search',
		version: 'v2',
		readOnly: true,
		scope: 'CONVERSATIONS_READ',
		paging: 'v2',
		pagingIn: 'body',
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
});

export type EndpointName = keyof typeof endpoints;
