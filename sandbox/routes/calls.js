'use strict';
// Calls: the v1 call list, v2 conversation items (calls and texts) and recordings.
const { Reply, v1Error, v2Error } = require('../errors');
const { silentMp3 } = require('../mp3');
const views = require('../views');
const { extendOf, ok, pageOf, v2Page } = require('./replies');

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'searchCalls',
		method: 'GET',
		path: '/v1/api/calls',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		spec: '/v1/api/calls',
		handle: ({ query, store, baseUrl }) => {
			const page = query.page ?? 0;
			const { items, totalPages } = pageOf(
				store.callsOf(query.allo_number, query.contact_number),
				page,
				query.size ?? 10,
				0,
			);
			return ok({
				results: items.map((c) => views.v1Call(c, baseUrl)),
				metadata: { total_pages: totalPages, current_page: page },
			});
		},
	},
	{
		name: 'getConversationItem',
		method: 'GET',
		path: '/v2/api/conversations/items/{id}',
		version: 'v2',
		scope: 'CONVERSATIONS_READ',
		spec: '/v2/api/conversations/items/{id}',
		handle: ({ params, query, store, baseUrl }) => {
			if (!/^(cll|msg)-/.test(params.id)) {
				return v2Error(
					400,
					'INVALID_ITEM_ID',
					'Item IDs start with cll- (calls) or msg- (messages).',
					{ param: 'id' },
				);
			}
			const record = store.item(params.id);
			if (!record)
				return v2Error(404, 'NOT_FOUND', `No conversation item ${params.id}.`, { param: 'id' });
			return ok(
				views.v2Item(record, store.contactFor(record.contact_number), baseUrl, extendOf(query)),
			);
		},
	},
	{
		name: 'recording',
		method: 'GET',
		path: '/v1/assets/recordings/{file}',
		version: 'v1',
		quota: false,
		handle: ({ params, store }) => {
			const call = store.item(params.file.replace(/\.mp3$/, ''));
			if (!call || !call.recording || !params.file.endsWith('.mp3'))
				return v1Error(404, 'RECORDING_NOT_FOUND');
			return new Reply(200, silentMp3(Math.min(3, call.duration_seconds)), {
				'content-type': 'audio/mpeg',
			});
		},
	},
];
