'use strict';
// Call summary templates and each number's default one.
const { v2Date } = require('../data');
const { ok, notFound, invalid, withFound, newRecord } = require('./replies');
const { Reply } = require('../errors');

const templateView = (t) => ({
	id: t.id,
	name: t.name,
	call_context: t.call_context,
	icon: t.icon,
	sections: t.sections,
	created_at: v2Date(t.created_at),
	updated_at: v2Date(t.updated_at),
});

const activeTemplate = (store, id) => store.summaryTemplates.find((t) => t.id === id && t.active);

/** The template a request's path names, or its 404. */
const templateIn = ({ store, params }) =>
	activeTemplate(store, params.id) ?? notFound('summary template', params.id);

/** Sections are numbered in the order given when no `order` is sent. */
const sectionsOf = (sections = []) =>
	sections.map((s, i) => ({ title: s.title, instructions: s.instructions, order: s.order ?? i }));

function invalidTemplate(body) {
	if (!String(body.name).trim()) return invalid('name', 'A template needs a name.');
	const untitled = (body.sections ?? []).findIndex((s) => !s.title?.trim());
	return untitled === -1
		? null
		: invalid(`sections[${untitled}].title`, 'Every section needs a title.');
}

/** @type {import('./index').Route[]} */
module.exports = [
	{
		name: 'listSummaryTemplates',
		method: 'GET',
		path: '/v2/api/summary_templates',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_READ',
		spec: '/v2/api/summary_templates',
		handle: ({ store }) => ok(store.summaryTemplates.filter((t) => t.active).map(templateView)),
	},
	{
		name: 'createSummaryTemplate',
		method: 'POST',
		path: '/v2/api/summary_templates',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
		spec: '/v2/api/summary_templates',
		handle: ({ body, store }) => {
			const problem = invalidTemplate(body);
			if (problem) return problem;
			const template = newRecord(store, 'tst-', {
				name: body.name,
				call_context: body.call_context ?? null,
				icon: body.icon ?? null,
				sections: sectionsOf(body.sections),
				active: true,
			});
			store.summaryTemplates.push(template);
			return ok(templateView(template), 201);
		},
	},
	{
		name: 'getSummaryTemplate',
		method: 'GET',
		path: '/v2/api/summary_templates/{id}',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_READ',
		spec: '/v2/api/summary_templates/{id}',
		handle: withFound(templateIn, (_request, template) => ok(templateView(template))),
	},
	{
		name: 'updateSummaryTemplate',
		method: 'PUT',
		path: '/v2/api/summary_templates/{id}',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
		spec: '/v2/api/summary_templates/{id}',
		handle: withFound(templateIn, ({ body, store }, template) => {
			const problem = invalidTemplate(body);
			if (problem) return problem;
			// A replace: fields left out are cleared, as Allo documents.
			Object.assign(template, {
				name: body.name,
				call_context: body.call_context ?? null,
				icon: body.icon ?? null,
				sections: sectionsOf(body.sections),
				updated_at: store.now(),
			});
			return ok(templateView(template));
		}),
	},
	{
		name: 'deleteSummaryTemplate',
		method: 'DELETE',
		path: '/v2/api/summary_templates/{id}',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
		spec: '/v2/api/summary_templates/{id}',
		handle: withFound(templateIn, ({ store }, template) => {
			template.active = false;
			for (const [number, id] of store.defaultTemplates)
				if (id === template.id) store.defaultTemplates.delete(number);
			return new Reply(204);
		}),
	},
	{
		name: 'setNumberSummaryTemplate',
		method: 'PUT',
		path: '/v2/api/numbers/{number}/default_summary_template',
		version: 'v2',
		scope: 'SUMMARY_TEMPLATES_WRITE',
		spec: '/v2/api/numbers/{number}/default_summary_template',
		handle: ({ params, body = {}, store }) => {
			if (!store.number(params.number)) return notFound('Allo number', params.number, 'number');
			const id = body.summary_template_id ?? null;
			if (id !== null && !activeTemplate(store, id))
				return notFound('summary template', id, 'summary_template_id');
			if (id === null) store.defaultTemplates.delete(params.number);
			else store.defaultTemplates.set(params.number, id);
			return ok({ number: params.number, default_summary_template_id: id });
		},
	},
];
