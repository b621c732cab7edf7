'use strict';
// The team: its users and tags.
const { ok, notFound } = require('./replies');

const user = (store, u) => ({ ...u, ...store.userDetails.get(u.id) });

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'listUsers',
		method: 'GET',
		path: '/v2/api/users',
		version: 'v2',
		scope: 'USERS_READ',
		spec: '/v2/api/users',
		handle: ({ query, store }) =>
			ok(
				store.users
					.map((u) => user(store, u))
					.filter(
						(u) =>
							(!query.role || u.role === query.role) && u.status === (query.status ?? 'ACTIVE'),
					),
			),
	},
	{
		name: 'getUser',
		method: 'GET',
		path: '/v2/api/users/{id}',
		version: 'v2',
		scope: 'USERS_READ',
		spec: '/v2/api/users/{id}',
		handle: ({ params, store }) => {
			const found = store.users.find((u) => u.id === params.id);
			return found ? ok(user(store, found)) : notFound('user', params.id);
		},
	},
	{
		name: 'listTags',
		method: 'GET',
		path: '/v2/api/tags',
		version: 'v2',
		scope: 'TAGS_READ',
		spec: '/v2/api/tags',
		handle: ({ store }) => ok(store.tags),
	},
];
