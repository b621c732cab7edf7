'use strict';
// Contacts: the v1 contact API, a contact's conversation and the v2 CRM search.
const { v1Error, v2Error } = require('../errors');
const { isE164 } = require('../data');
const { emitContactEvent } = require('../events');
const views = require('../views');
const { crmPersonView, extendOf, ok, pageOf, sortBy, v2Page, withFound } = require('./replies');

function invalidNumbers(numbers) {
	if (!numbers.length)
		return [{ message: 'at least one phone number is required', field: 'numbers' }];
	const bad = numbers.filter((n) => !isE164(n));
	return bad.length
		? [{ message: `not in E.164 format: ${bad.join(', ')}`, field: 'numbers' }]
		: null;
}

/** The contact a v1 path names, or Allo's v1 refusal. */
const contactIn = ({ store, params }) =>
	store.contact(params.contact_id) ?? v1Error(400, 'CONTACT_NOT_FOUND');

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'searchContacts',
		method: 'GET',
		path: '/v1/api/contacts',
		version: 'v1',
		scope: 'CONTACTS_READ',
		spec: '/v1/api/contacts',
		handle: ({ query, store }) => {
			const page = query.page ?? 0;
			const { items, totalPages } = pageOf(store.contacts, page, query.size ?? 10, 0);
			return ok({
				results: items.map((c) => views.v1Contact(c, store.lastActivity(c))),
				metadata: { pagination: { total_pages: totalPages, current_page: page } },
			});
		},
	},
	{
		name: 'createContact',
		method: 'POST',
		path: '/v1/api/contacts',
		version: 'v1',
		scope: 'CONTACTS_READ_WRITE',
		spec: '/v1/api/contacts',
		handle: (ctx) => {
			const problem = invalidNumbers(ctx.body.numbers);
			if (problem) return v1Error(400, 'INVALID_PHONE_NUMBER', problem);
			const contact = ctx.store.createContact(ctx.body);
			emitContactEvent(ctx, contact, true);
			return ok(views.v1Contact(contact, null));
		},
	},
	{
		name: 'updateContact',
		method: 'PUT',
		path: '/v1/api/contacts/{contact_id}',
		version: 'v1',
		scope: 'CONTACTS_READ_WRITE',
		spec: '/v1/api/contacts/{contact_id}',
		handle: (ctx) => {
			const contact = ctx.store.contact(ctx.params.contact_id);
			if (!contact) return v1Error(400, 'CONTACT_NOT_FOUND');
			const problem = Array.isArray(ctx.body.numbers) ? invalidNumbers(ctx.body.numbers) : null;
			if (problem) return v1Error(400, 'INVALID_PHONE_NUMBER', problem);
			ctx.store.updateContact(contact, ctx.body);
			emitContactEvent(ctx, contact, false);
			return ok(views.v1Contact(contact, ctx.store.lastActivity(contact)));
		},
	},
	{
		name: 'getContact',
		method: 'GET',
		path: '/v1/api/contact/{contact_id}',
		version: 'v1',
		scope: 'CONTACTS_READ',
		spec: '/v1/api/contact/{contact_id}',
		handle: withFound(contactIn, ({ query, store }, contact) =>
			ok(views.contactContext(contact, extendOf(query), store.conversation(contact))),
		),
	},
	{
		name: 'searchPeople',
		method: 'POST',
		path: '/v2/api/crm/people/search',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/people/search',
		handle: ({ body, store }) => {
			const page = body.page ?? 1;
			const size = body.size ?? 20;
			if (page < 1 || size < 1) {
				return v2Error(422, 'VALIDATION_ERROR', 'page and size start at 1.', {
					param: page < 1 ? 'page' : 'size',
				});
			}
			const filters = body.filters ?? {};
			const has = (value, needle) =>
				String(value ?? '')
					.toLowerCase()
					.includes(String(needle).toLowerCase());
			// An exact phone filter reads the number index rather than every contact.
			const candidates = filters.phone_number
				? store.contacts.filter((c) => c.numbers.includes(filters.phone_number))
				: store.contacts;
			const search = body.search?.trim();
			const matching = candidates.filter(
				(c) =>
					(!filters.name || has(c.name, filters.name)) &&
					(!filters.last_name || has(c.last_name, filters.last_name)) &&
					(!filters.job_title || has(c.job_title, filters.job_title)) &&
					(!filters.website || has(c.website, filters.website)) &&
					(!filters.company || has(c.company?.name, filters.company)) &&
					(!filters.email || c.emails.some((e) => has(e, filters.email))) &&
					(!search ||
						[
							`${c.name ?? ''} ${c.last_name ?? ''}`,
							c.company?.name,
							...c.emails,
							...c.numbers,
						].some((v) => has(v, search))),
			);
			return v2Page(sortBy(matching, body.sort), { page, size }, (c) => crmPersonView(store, c));
		},
	},
	{
		name: 'getContactConversation',
		method: 'GET',
		path: '/v1/api/contact/{contact_id}/conversation',
		version: 'v1',
		scope: 'CONVERSATIONS_READ',
		spec: '/v1/api/contact/{contact_id}/conversation',
		handle: withFound(contactIn, ({ query, store, baseUrl }, contact) => {
			const page = query.page ?? 0;
			const { items, totalPages } = pageOf(
				store.conversation(contact, query.allo_number),
				page,
				query.size ?? 10,
				0,
			);
			return ok({
				results: items.map((entry) =>
					entry.call
						? {
								type: 'CALL',
								call: views.v1Call(entry.call, baseUrl, { withTags: true }),
								message: null,
							}
						: { type: 'TEXT_MESSAGE', call: null, message: views.v1Message(entry.message) },
				),
				metadata: { pagination: { total_pages: totalPages, current_page: page } },
			});
		}),
	},
];
