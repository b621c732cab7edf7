'use strict';
// v2 conversations: the list by contact number, search across numbers, batch reads, tags,
// call summaries and conversation actions.
const views = require('../views');
const { isE164 } = require('../data');
const { ok, v2Page, notFound, invalid, contains, extendOf, withFound } = require('./replies');
const { Reply } = require('../errors');

const isCall = (record) => record.id.startsWith('cll-');
const dateOf = (record) => (isCall(record) ? record.start : record.date);
const newestFirst = (a, b) => dateOf(b) - dateOf(a);

/** An item's view as Allo returns it, with the contact it is about. */
const itemView = (store, baseUrl, extend) => (record) =>
	views.v2Item(record, store.contactFor(record.contact_number), baseUrl, extend);

/** Calls and texts of the workspace, newest first. */
const allItems = (store) => [...store.calls, ...store.messages].sort(newestFirst);

/** A tag or summary event: the call as `call.completed` carries it, plus the tag. */
const callEvent = (store, baseUrl, call, extra = {}) => ({
	...views.callCompletedEvent(call, store.contactFor(call.contact_number), baseUrl),
	...extra,
});

/** The call a tag or summary request is about, or the reply refusing it. */
function callFor({ store, params: { id } }) {
	if (!/^(cll|msg)-/.test(id))
		return invalid('id', 'Item IDs start with cll- (calls) or msg- (messages).', 'INVALID_ITEM_ID');
	const record = store.item(id);
	if (!record) return notFound('conversation item', id);
	if (!isCall(record))
		return invalid('id', 'Only calls have tags and summaries.', 'INVALID_ITEM_ID');
	return record;
}

function matchesSearch(record, body) {
	const day = new Date(dateOf(record)).toISOString().slice(0, 10);
	const type = body.type ?? 'ALL';
	return (
		(!body.allo_number || record.allo_number === body.allo_number) &&
		(!body.contact_number || record.contact_number === body.contact_number) &&
		(!body.user_id || record.user?.id === body.user_id) &&
		(!body.direction || record.direction === body.direction) &&
		(type === 'ALL' || (type === 'CALL') === isCall(record)) &&
		(!body.result || record.result === body.result) &&
		(!body.tags?.length || body.tags.some((tag) => record.tags?.includes(tag))) &&
		(!body.date || (day >= body.date.from && day <= body.date.to)) &&
		(!body.search ||
			[record.summary, record.content, ...(record.transcript ?? []).map((l) => l.text)].some((v) =>
				contains(v, body.search),
			))
	);
}

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'listConversations',
		method: 'GET',
		path: '/v2/api/conversations',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/conversations',
		handle: ({ query, store, baseUrl }) => {
			if (!store.number(query.allo_number))
				return invalid('allo_number', 'Not an Allo number of this workspace.', 'NUMBER_NOT_FOUND');
			const since = query.last_activity_since ? Date.parse(query.last_activity_since) : -Infinity;
			const latest = new Map();
			for (const record of allItems(store)) {
				if (record.allo_number !== query.allo_number || dateOf(record) <= since) continue;
				if (!latest.has(record.contact_number)) latest.set(record.contact_number, record);
			}
			const view = itemView(store, baseUrl, extendOf(query));
			const conversations = [...latest.values()]
				.filter((record) => {
					const state = store.conversationStates.get(record.contact_number);
					return query.unread === undefined || (state?.read !== true) === query.unread;
				})
				.map((record) => ({
					contact_number: record.contact_number,
					contacts: view(record).contacts,
					last_activity: new Date(dateOf(record)).toISOString(),
					last_item: view(record),
				}));
			return v2Page(conversations, query);
		},
	},
	{
		name: 'searchConversationItems',
		method: 'POST',
		path: '/v2/api/conversations/items/search',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/conversations/items/search',
		handle: ({ body, store, baseUrl }) => {
			if (body.date && body.date.from > body.date.to)
				return invalid('date', 'date.from must be on or before date.to.');
			const found = allItems(store).filter((record) => matchesSearch(record, body));
			if (body.sort === 'DATE_ASC') found.reverse();
			return v2Page(found, body, itemView(store, baseUrl, extendOf(body)));
		},
	},
	{
		name: 'batchGetConversationItems',
		method: 'POST',
		path: '/v2/api/conversations/items/batch',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/conversations/items/batch',
		handle: ({ body, store, baseUrl }) =>
			ok(
				body.ids
					.map((id) => store.item(id))
					.filter(Boolean)
					.map(itemView(store, baseUrl, [])),
			),
	},
	{
		name: 'updateCallSummary',
		method: 'PATCH',
		path: '/v2/api/conversations/items/{id}/summary',
		version: 'v2',
		scope: 'CONVERSATIONS_WRITE',
		spec: '/v2/api/conversations/items/{id}/summary',
		handle: withFound(callFor, ({ body, store, dispatcher, baseUrl }, call) => {
			call.summary = body.content;
			call.summary_version = (call.summary_version ?? 0) + 1;
			dispatcher.emit({
				topic: 'summary.updated',
				data: callEvent(store, baseUrl, call),
			});
			return ok({
				id: call.id,
				content: call.summary,
				version: call.summary_version,
				updated_at: new Date(store.now()).toISOString(),
				updated_by: null,
			});
		}),
	},
	{
		name: 'addTags',
		method: 'POST',
		path: '/v2/api/conversations/items/{id}/tags',
		version: 'v2',
		scope: 'TAGS_WRITE',
		spec: '/v2/api/conversations/items/{id}/tags',
		handle: withFound(callFor, ({ body, store, dispatcher, baseUrl }, call) => {
			const unknown = body.tags.filter((tag) => !store.tags.some((t) => t.name === tag));
			if (unknown.length)
				return invalid(
					'tags',
					`Unknown tags: ${unknown.join(', ')}; GET /v2/api/tags lists them.`,
					'TAG_NOT_FOUND',
				);
			for (const tag of body.tags) {
				if (call.tags.includes(tag)) continue;
				call.tags.push(tag);
				dispatcher.emit({ topic: 'tag.added', data: callEvent(store, baseUrl, call, { tag }) });
			}
			return new Reply(200);
		}),
	},
	{
		name: 'removeTag',
		method: 'DELETE',
		path: '/v2/api/conversations/items/{id}/tags/{tag}',
		version: 'v2',
		scope: 'TAGS_WRITE',
		spec: '/v2/api/conversations/items/{id}/tags/{tag}',
		handle: withFound(callFor, ({ params, store, dispatcher, baseUrl }, call) => {
			const index = call.tags.indexOf(params.tag);
			if (index === -1) return notFound('tag on this call', params.tag, 'tag');
			call.tags.splice(index, 1);
			dispatcher.emit({
				topic: 'tag.removed',
				data: callEvent(store, baseUrl, call, { tag: params.tag }),
			});
			return new Reply(200);
		}),
	},
	{
		name: 'executeConversationAction',
		method: 'PUT',
		path: '/v2/api/conversations/{contact_number}/action',
		version: 'v2',
		scope: 'CONVERSATIONS_WRITE',
		spec: '/v2/api/conversations/{contact_number}/action',
		handle: ({ params, body, store }) => {
			if (!isE164(params.contact_number))
				return invalid('contact_number', 'Use E.164, e.g. +14155551234.', 'INVALID_PHONE_FORMAT');
			if (body.allo_number && !store.number(body.allo_number))
				return invalid('allo_number', 'Not an Allo number of this workspace.', 'NUMBER_NOT_FOUND');
			if (!allItems(store).some((r) => r.contact_number === params.contact_number))
				return notFound('conversation with', params.contact_number, 'contact_number');
			const state = store.conversationStates.get(params.contact_number) ?? {};
			const changes = {
				READ: { read: true },
				UNREAD: { read: false },
				ARCHIVE: { archived: true },
				UNARCHIVE: { archived: false },
			};
			store.conversationStates.set(params.contact_number, { ...state, ...changes[body.action] });
			return new Reply(200);
		},
	},
];
