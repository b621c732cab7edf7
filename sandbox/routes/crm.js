'use strict';
// CRM people, companies and deals. People are the workspace's contacts, under the same ids.
const views = require('../views');
const { isE164, v2Date } = require('../data');
const {
	assignGiven,
	contains,
	crmPersonView,
	givenOrNull,
	invalid,
	newRecord,
	created,
	notFound,
	ok,
	sortBy,
	v2Page,
	withFound,
} = require('./replies');
const { Reply } = require('../errors');

/** The CRM person (a contact) a path names, or its 404. */
const personIn = ({ store, params }) => store.contact(params.id) ?? notFound('person', params.id);

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

/** What is wrong with a deal's currency or company, before it is written. */
const invalidDeal = (store, body) =>
	badCurrency(body.currency) ??
	(body.company_id && !store.companies.some((c) => c.id === body.company_id)
		? notFound('company', body.company_id, 'company_id')
		: null);

const companyIn = ({ store, params }) =>
	store.companies.find((c) => c.id === params.id) ?? notFound('company', params.id);

const dealIn = ({ store, params }) =>
	store.deals.find((d) => d.id === params.id) ?? notFound('deal', params.id);

/**
 * Saves a CRM person once the company it names checks out: `write()` creates or updates the
 * contact, which is then linked and announced as `topic`.
 */
function savePerson({ body, store, dispatcher }, topic, write) {
	const { company, reply } = companyRef(store, body.company_id);
	if (reply) return reply;
	const contact = write();
	if (company !== undefined) contact.company = company;
	dispatcher.emit({ topic, data: views.contactEvent(contact, 'v2') });
	return ok(crmPersonView(store, contact));
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
		handle: (request) => {
			const { body, store } = request;
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
			return savePerson(request, 'contact.created', () => {
				const contact = store.createContact(body);
				contact.address = body.address ?? null;
				return contact;
			});
		},
	},
	{
		name: 'getPerson',
		method: 'GET',
		path: '/v2/api/crm/people/{id}',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/people/{id}',
		handle: withFound(personIn, ({ store }, contact) => ok(crmPersonView(store, contact))),
	},
	{
		name: 'updatePerson',
		method: 'PUT',
		path: '/v2/api/crm/people/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/people/{id}',
		handle: withFound(personIn, (request, contact) => {
			const { body, store } = request;
			const problem = badNumbers(body.numbers);
			if (problem) return problem;
			return savePerson(request, 'contact.updated', () => {
				const fields = Object.fromEntries(
					PERSON_KEYS.filter((k) => body[k] != null).map((k) => [k, body[k]]),
				);
				store.updateContact(contact, fields);
				if (body.address !== undefined) contact.address = body.address;
				return contact;
			});
		}),
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
			const company = newRecord(store, 'com-', {
				name: body.name,
				...givenOrNull(body, ['website', 'industry']),
			});
			return created(store.companies, company, (c) => companyView(store, c));
		},
	},
	{
		name: 'getCompany',
		method: 'GET',
		path: '/v2/api/crm/companies/{id}',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/companies/{id}',
		handle: withFound(companyIn, ({ store }, company) => ok(companyView(store, company))),
	},
	{
		name: 'updateCompany',
		method: 'PUT',
		path: '/v2/api/crm/companies/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/companies/{id}',
		handle: withFound(companyIn, ({ body, store }, company) => {
			if (body.name !== undefined && !String(body.name ?? '').trim())
				return invalid('name', 'A company needs a name.');
			assignGiven(store, company, body, ['name', 'website', 'industry']);
			return ok(companyView(store, company));
		}),
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
			const problem = invalidDeal(store, body);
			if (problem) return problem;
			const deal = newRecord(store, 'dea-', {
				name: body.name,
				status: body.status ?? 'OPEN',
				...givenOrNull(body, ['amount', 'currency', 'closed_at', 'company_id']),
			});
			return created(store.deals, deal, (d) => dealView(store, d));
		},
	},
	{
		name: 'getDeal',
		method: 'GET',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_READ',
		spec: '/v2/api/crm/deals/{id}',
		handle: withFound(dealIn, ({ store }, deal) => ok(dealView(store, deal))),
	},
	{
		name: 'updateDeal',
		method: 'PATCH',
		path: '/v2/api/crm/deals/{id}',
		version: 'v2',
		scope: 'CRM_WRITE',
		spec: '/v2/api/crm/deals/{id}',
		handle: withFound(dealIn, ({ body, store }, deal) => {
			const problem = invalidDeal(store, body);
			if (problem) return problem;
			assignGiven(store, deal, body, [
				'name',
				'status',
				'amount',
				'currency',
				'closed_at',
				'company_id',
			]);
			return ok(dealView(store, deal));
		}),
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
