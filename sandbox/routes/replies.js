'use strict';
// Small pieces route handlers share.
const { Reply } = require('../errors');

/** A success reply in Allo's `{data: …}` envelope. */
const ok = (data, status = 200) => new Reply(status, { data });

/** One page of a list; v1 pages count from 0, v2 from 1. */
function pageOf(list, page, size, firstPage) {
	const start = (page - firstPage) * size;
	return { items: list.slice(start, start + size), totalPages: Math.ceil(list.length / size) };
}

/** The related data asked for with `?extend=a,b`. */
const extendOf = (query) =>
	String(query.extend ?? '')
		.split(',')
		.map((s) => s.trim());

module.exports = { ok, pageOf, extendOf };
