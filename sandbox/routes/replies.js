'use strict';
// Small pieces route handlers share.
const { Reply, v2Error } = require('../errors');
const views = require('../views');

/** A success reply in Allo's `{data: …}` envelope. */
const ok = (data, status = 200) => new Reply(status, { data });

/** One page of a list; v1 pages count from 0, v2 from 1. */
function pageOf(list, page, size, firstPage) {
	const start = (page - firstPage) * size;
	return { items: list.slice(start, start + size), totalPages: Math.ceil(list.length / size) };
}

/**
 * A handler for the record a request is about: `find(request)` gives it, or the Reply refusing the
 * request, and `handle(request, record)` runs only on a record.
 */
const withFound = (find, handle) => (request) => {
	const found = find(request);
	return found instanceof Reply ? found : handle(request, found);
};

/** A record made now: a new id with `prefix`, its fields, and now as both its dates. */
function newRecord(store, prefix, fields) {
	const now = store.now();
	return { id: store.newId(prefix), ...fields, created_at: now, updated_at: now };
}

/** Keeps `record` first in `list` (Allo lists newest first) and answers 201 with `view(record)`. */
function created(list, record, view) {
	list.unshift(record);
	return ok(view(record), 201);
}

/** The related data asked for with `?extend=a,b`. */
const extendOf = (query) =>
	String(query.extend ?? '')
		.split(',')
		.map((s) => s.trim());

/** One 1-indexed page of `list`, each record through `view`, with Allo's `pagination` beside `data`. */
function v2Page(list, { page = 1, size = 20 } = {}, view = (record) => record, extra = {}) {
	const start = (page - 1) * size;
	const totalPages = Math.ceil(list.length / size);
	return new Reply(200, {
		data: list.slice(start, start + size).map(view),
		...extra,
		pagination: {
			page,
			size,
			total_count: list.length,
			total_pages: totalPages,
			has_more: page < totalPages,
		},
	});
}

const notFound = (what, id, param = 'id') =>
	v2Error(404, 'NOT_FOUND', `No ${what} ${id}.`, { param });

const invalid = (param, message, code = 'VALIDATION_ERROR') =>
	v2Error(400, code, message, { param });

/** Case-insensitive "contains", Allo's filter semantics. */
const contains = (value, needle) =>
	String(value ?? '')
		.toLowerCase()
		.includes(String(needle).toLowerCase());

const SORTERS = {
	NAME_ASC: (a, b) => String(a.name).localeCompare(String(b.name)),
	NAME_DESC: (a, b) => String(b.name).localeCompare(String(a.name)),
	CREATED_ASC: (a, b) => a.created_at - b.created_at,
	CREATED_DESC: (a, b) => b.created_at - a.created_at,
	DATE_ASC: (a, b) => a.updated_at - b.updated_at,
	DATE_DESC: (a, b) => b.updated_at - a.updated_at,
};
const sortBy = (list, sort) => [...list].sort(SORTERS[sort ?? 'DATE_DESC']);

/** Sets on `record` the fields of `keys` that `body` gives, and dates the change. */
function assignGiven(store, record, body, keys) {
	for (const key of keys) if (body[key] !== undefined) record[key] = body[key];
	record.updated_at = store.now();
}

/** The given keys of `body`, each `null` when left out (what Allo stores for an empty field). */
const givenOrNull = (body, keys) => Object.fromEntries(keys.map((key) => [key, body[key] ?? null]));

/** A contact as the CRM serves it: a person, with how often the team talked to them. */
function crmPersonView(store, contact) {
	const conversation = store.conversation(contact);
	return views.crmPerson(contact, conversation.length, conversation[0]?.date ?? null);
}

module.exports = {
	crmPersonView,
	ok,
	pageOf,
	extendOf,
	v2Page,
	notFound,
	invalid,
	contains,
	sortBy,
	assignGiven,
	withFound,
	newRecord,
	created,
	givenOrNull,
};
