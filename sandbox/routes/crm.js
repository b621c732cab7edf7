'use strict';
// CRM people, companies and deals. People are the workspace's contacts, under the same ids.
const views = require('../views');
const { isE164, v2Date } = require('../data');
const {
	crmPersonView,
	ok,
	v2Page,
	notFound,
	invalid,
	contains,
	sortBy,
	assignGiven,
} = require('./replies');
const { Reply } = require('../errors');

const PERSON_KEYS = ['name', 'last_name', 'job_title', 'website', 'address', 'numbers', 'emails'];

function companyView(store, company) {
	const people = store.contacts.filter((c) => c.company?.id === company.id);
	return {
		id: company.id,
		name: company.name,
		website: company.website,
		industry: company.industry,
		person_count: people.length,
		interactions: people.reduce((sum, c) => sum + store.conversation(c).length, 0),
		last_activity_at: null,
		created_at: v2Date(company.created_at),
		updated_at: v2Date(company.updated_at),
	};
}

function dealView(store, deal) {
	const company = store.companies.find((c) => c.id === deal.company_id);
	return {
		id: deal.id,
		name: deal.name,
		status: deal.status,
		amount: deal.amount,
		currency: deal.currency,
		closed_at: deal.closed_at,
		company: company ? { id: company.id, name: company.name } : null,
		created_at: v2Date(deal.created_at),
		updated_at: v2Date(deal.updated_at),
	};
}

/** The company a `company_id` names, or the reply refusing it; `null` unlinks. */
function companyRef(store, companyId) {
	if (companyId === undefined) return {};
	if (companyId === null) return { company: null };
	const company = store.companies.find((c) => c.id === companyId);
	return company
		? { company: { id: company.id, name: company.name } }
		: { reply: notFound('company', companyId, 'company_id') };
}

function badNumbers(numbers) {
	const bad = (numbers ?? []).filter((n) => !isE164(n));
	return bad.length
		? invalid('numbers', `Not in E.164 format: ${bad.join(', ')}.`, 'INVALID_PHONE_FORMAT')
		: null;
}

function badCurrency(currency) {
	return currency && !/^[A-Z]{3}$/.test(currency)
		? invalid('currency', 'Use an ISO 4217 code in capitals, e.g. USD.')
		: null;
}

const searchPage = (list, body, view) => v2Page(sortBy(list, body.sort), body, view);

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'createPerson',
		method: 'POST',
		path: '/v2/api/crm/people',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/people',
		handle: ({ body, store, dispatcher }) => {
			const problem = badNumbers(body.numbers);
			if (problem) return problem;
			if (!body.allow_duplicate_number) {
				const taken = body.numbers.find((n) => store.contactFor(n));
				if (taken)
					return new Reply(409, {
						error: {
							type: 'conflict_error',
							code: 'DUPLICATE_PHONE_NUMBER',
							message: `A person already has ${taken}; set allow_duplicate_number to create another.`,
							retryable: false,
							param: 'numbers',
						},
					});
			}
			const { company, reply } = companyRef(store, body.company_id);
			if (reply) return reply;
			const contact = store.createContact(body);
			contact.address = body.address ?? null;
			if (company !== undefined) contact.company = company;
			dispatcher.emit({ topic: 'contact.created', data: views.contactEvent(contact, 'v2') });
			return ok(crmPersonView(store, contact));
		},
	},
	{
		name: 'getPerson',
		method: 'GET',
		path: '/v2/api/crm/people/{id}',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/people/{id}',
		handle: ({ params, store }) => {
			const contact = store.contact(params.id);
			return contact ? ok(crmPersonView(store, contact)) : notFound('person', params.id);
		},
	},
	{
		name: 'updatePerson',
		method: 'PUT',
		path: '/v2/api/crm/people/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/people/{id}',
		handle: ({ params, body, store, dispatcher }) => {
			const contact = store.contact(params.id);
			if (!contact) return notFound('person', params.id);
			const problem = badNumbers(body.numbers);
			if (problem) return problem;
			const { company, reply } = companyRef(store, body.company_id);
			if (reply) return reply;
			const fields = Object.fromEntries(
				PERSON_KEYS.filter((k) => body[k] != null).map((k) => [k, body[k]]),
			);
			store.updateContact(contact, fields);
			if (body.address !== undefined) contact.address = body.address;
			if (company !== undefined) contact.company = company;
			dispatcher.emit({ topic: 'contact.updated', data: views.contactEvent(contact, 'v2') });
			return ok(crmPersonView(store, contact));
		},
	},
	{
		name: 'createCompany',
		method: 'POST',
		path: '/v2/api/crm/companies',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/companies',
		handle: ({ body, store }) => {
			if (!body.name.trim()) return invalid('name', 'A company needs a name.');
			const now = store.now();
			const company = {
				id: store.newId('com-'),
				name: body.name,
				website: body.website ?? null,
				industry: body.industry ?? null,
				created_at: now,
				updated_at: now,
			};
			store.companies.unshift(company);
			return ok(companyView(store, company), 201);
		},
	},
	{
		name: 'getCompany',
		method: 'GET',
		path: '/v2/api/crm/companies/{id}',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/companies/{id}',
		handle: ({ params, store }) => {
			const company = store.companies.find((c) => c.id === params.id);
			return company ? ok(companyView(store, company)) : notFound('company', params.id);
		},
	},
	{
		name: 'updateCompany',
		method: 'PUT',
		path: '/v2/api/crm/companies/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/companies/{id}',
		handle: ({ params, body, store }) => {
			const company = store.companies.find((c) => c.id === params.id);
			if (!company) return notFound('company', params.id);
			if (body.name !== undefined && !String(body.name ?? '').trim())
				return invalid('name', 'A company needs a name.');
			assignGiven(company, body, ['name', 'website', 'industry']);
			company.updated_at = store.now();
			return ok(companyView(store, company));
		},
	},
	{
		name: 'searchCompanies',
		method: 'POST',
		path: '/v2/api/crm/companies/search',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/companies/search',
		handle: ({ body, store }) => {
			const f = body.filters ?? {};
			const found = store.companies.filter(
				(c) =>
					(!f.name || contains(c.name, f.name)) &&
					(!f.website || contains(c.website, f.website)) &&
					(!f.industry || contains(c.industry, f.industry)),
			);
			return searchPage(found, body, (c) => companyView(store, c));
		},
	},
	{
		name: 'createDeal',
		method: 'POST',
		path: '/v2/api/crm/deals',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/deals',
		handle: ({ body, store }) => {
			const problem = badCurrency(body.currency);
			if (problem) return problem;
			if (body.company_id && !store.companies.some((c) => c.id === body.company_id))
				return notFound('company', body.company_id, 'company_id');
			const now = store.now();
			const deal = {
				id: store.newId('dea-'),
				name: body.name,
				status: body.status ?? 'OPEN',
				amount: body.amount ?? null,
				currency: body.currency ?? null,
				closed_at: body.closed_at ?? null,
				company_id: body.company_id ?? null,
				created_at: now,
				updated_at: now,
			};
			store.deals.unshift(deal);
			return ok(dealView(store, deal), 201);
		},
	},
	{
		name: 'getDeal',
		method: 'GET',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/deals/{id}',
		handle: ({ params, store }) => {
			const deal = store.deals.find((d) => d.id === params.id);
			return deal ? ok(dealView(store, deal)) : notFound('deal', params.id);
		},
	},
	{
		name: 'updateDeal',
		method: 'PATCH',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/deals/{id}',
		handle: ({ params, body, store }) => {
			const deal = store.deals.find((d) => d.id === params.id);
			if (!deal) return notFound('deal', params.id);
			const problem = badCurrency(body.currency);
			if (problem) return problem;
			if (body.company_id && !store.companies.some((c) => c.id === body.company_id))
				return notFound('company', body.company_id, 'company_id');
			assignGiven(deal, body, ['name', 'status', 'amount', 'currency', 'closed_at', 'company_id']);
			deal.updated_at = store.now();
			return ok(dealView(store, deal));
		},
	},
	{
		name: 'deleteDeal',
		method: 'DELETE',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_DELETE',
		spec: '/v2/api/crm/deals/{id}',
		handle: ({ params, store }) => {
			const index = store.deals.findIndex((d) => d.id === params.id);
			if (index === -1) return notFound('deal', params.id);
			store.deals.splice(index, 1);
			return new Reply(204);
		},
	},
	{
		name: 'searchDeals',
		method: 'POST',
		path: '/v2/api/crm/deals/search',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/deals/search',
		handle: ({ body, store }) => {
			const stage = body.filters?.stage;
			const found = store.deals.filter(
				(d) =>
					(!stage || d.status === stage) &&
					(!body.search?.trim() || contains(d.name, body.search.trim())),
			);
			return searchPage(found, body, (d) => dealView(store, d));
		},
	},
];
