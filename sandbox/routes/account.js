'use strict';
// The workspace: its phone numbers, and what the API key may do.
const views = require('../views');
const { ok } = require('./replies');

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'getNumbers',
		method: 'GET',
		path: '/v1/api/numbers',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		spec: '/v1/api/numbers',
		handle: ({ store }) => ok(store.numbers.map(views.v1Number)),
	},
	{
		name: 'getMe',
		method: 'GET',
		path: '/v2/api/me',
		version: 'v2',
		spec: '/v2/api/me',
		handle: ({ key, store, routes: all, limits, summaries }) =>
			ok({
				api_key_id: key.id,
				scopes: key.scopes,
				endpoints: all
					.filter((r) => r.spec && r.scope && key.scopes.includes(r.scope))
					.map((r) => ({
						method: r.method,
						path: r.path,
						description: summaries.get(r.name) ?? r.name,
						scope: r.scope,
					})),
				team: store.team,
				rate_limits: {
					read_per_second: limits.readsPerSecond,
					write_per_second: limits.writesPerSecond,
				},
			}),
	},
];
