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

/** A v2 list answer: one page of `sorted`, with Allo's pagination beside the data. */
function v2Page(sorted, page, size, view) {
	const { items, totalPages } = pageOf(sorted, page, size, 1);
	return new Reply(200, {
		data: items.map(view),
		pagination: {
			page,
			size,
			total_count: sorted.length,
			total_pages: totalPages,
			has_more: page < totalPages,
		},
	});
}

module.exports = { ok, pageOf, extendOf, v2Page };
