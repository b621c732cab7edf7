'use strict';
// The power dialer: each user's current queue of numbers to call.
const { isE164, v2Date } = require('../data');
const { ok, v2Page, invalid, notFound, assignGiven, withFound, newRecord } = require('./replies');

/**
 * The user a request targets in its `from` (body or query): `user_id` wins over `email`; neither
 * means the key's owner.
 */
const targetUser =
	(from) =>
	({ store, [from]: { user_id, email } = {} }) => {
		if (user_id)
			return store.users.find((u) => u.id === user_id) ?? notFound('user', user_id, 'user_id');
		if (email)
			return (
				store.users.find((u) => u.email === email) ?? notFound('user with email', email, 'email')
			);
		return store.users[0];
	};

function newQueue(store, owner, assignee, name) {
	const queue = newRecord(store, 'dlq-', {
		name: name ?? null,
		creator_id: owner.id,
		assignee_id: assignee.id,
		voicemail_handling: 'SKIP',
		do_not_disturb: 'DISABLED',
		numbers: [],
	});
	store.queues.set(assignee.id, queue);
	return queue;
}

/** The user's current queue, created (by the key's owner) when they have none. */
const currentQueue = (store, user) =>
	store.queues.get(user.id) ?? newQueue(store, store.users[0], user);

const entryView = (entry, position) => ({
	number_to: entry.number,
	position,
	created_at: v2Date(entry.created_at),
	updated_at: v2Date(entry.created_at),
	call_start_date: null,
	call_id: null,
	routing_result: null,
	sync_status: null,
	detected_outbound_voicemail: null,
	not_reached_destination_reason: null,
	voicemail_left: null,
});

const queueMeta = (queue) => ({
	id: queue.id,
	name: queue.name,
	creator_id: queue.creator_id,
	assignee_id: queue.assignee_id,
	voicemail_handling: queue.voicemail_handling,
	do_not_disturb: queue.do_not_disturb,
	created_at: v2Date(queue.created_at),
	updated_at: v2Date(queue.updated_at),
});

const queueView = (queue) => ({ ...queueMeta(queue), numbers: queue.numbers.map(entryView) });

/** What is wrong with a removal's query: both or neither of an entry and `unassigned`. */
function invalidRemoval(query) {
	const byEntry = query.number !== undefined || query.position !== undefined;
	if (query.unassigned !== undefined && byEntry)
		return invalid('unassigned', 'unassigned cannot be combined with number or position.');
	if (query.unassigned !== true && !byEntry)
		return invalid('number', 'Give number, position, or unassigned=true.');
	return undefined;
}

/** Takes the entries the query names (or every one not called yet) out of the user's queue. */
const removeNumbers = withFound(targetUser('query'), ({ query, store }, user) => {
	const queue = store.queues.get(user.id);
	if (!queue) return ok({ removed: 0 });
	const before = queue.numbers.length;
	queue.numbers = queue.numbers.filter(
		(entry, position) =>
			!(
				query.unassigned === true ||
				((query.number === undefined || entry.number === query.number) &&
					(query.position === undefined || position === query.position))
			),
	);
	return ok({ removed: before - queue.numbers.length });
});

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'getDialingQueue',
		method: 'GET',
		path: '/v2/api/dialing-queues/current',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
		spec: '/v2/api/dialing-queues/current',
		handle: withFound(targetUser('query'), ({ query, store }, user) => {
			const queue = store.queues.get(user.id);
			const entries = queue ? queue.numbers.map(entryView) : [];
			return v2Page(entries, query, undefined, { queue: queue ? queueMeta(queue) : null });
		}),
	},
	{
		name: 'resetDialingQueue',
		method: 'POST',
		path: '/v2/api/dialing-queues/current',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
		spec: '/v2/api/dialing-queues/current',
		handle: withFound(targetUser('body'), ({ body = {}, store }, user) =>
			ok(queueView(newQueue(store, store.users[0], user, body.name))),
		),
	},
	{
		name: 'upsertDialingQueue',
		method: 'PATCH',
		path: '/v2/api/dialing-queues/current',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
		spec: '/v2/api/dialing-queues/current',
		handle: withFound(targetUser('body'), ({ body = {}, store }, user) => {
			const queue = currentQueue(store, user);
			assignGiven(store, queue, body, ['name', 'voicemail_handling', 'do_not_disturb']);
			return ok(queueView(queue));
		}),
	},
	{
		name: 'appendDialingQueueNumbers',
		method: 'POST',
		path: '/v2/api/dialing-queues/current/numbers',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
		spec: '/v2/api/dialing-queues/current/numbers',
		handle: withFound(targetUser('body'), ({ body, store }, user) => {
			const queue = currentQueue(store, user);
			const added = [];
			const skipped = [];
			for (const entry of body.numbers) {
				if (!isE164(entry.number)) {
					skipped.push({ number: entry.number, reason: 'INVALID_NUMBER' });
					continue;
				}
				queue.numbers.push({ number: entry.number, created_at: store.now() });
				added.push(entryView(queue.numbers.at(-1), queue.numbers.length - 1));
			}
			queue.updated_at = store.now();
			return ok({ added, skipped });
		}),
	},
	{
		name: 'clearDialingQueueNumbers',
		method: 'DELETE',
		path: '/v2/api/dialing-queues/current/numbers',
		version: 'v2',
		scope: 'DIALING_QUEUE_READ_WRITE',
		spec: '/v2/api/dialing-queues/current/numbers',
		handle: (request) => invalidRemoval(request.query) ?? removeNumbers(request),
	},
];
