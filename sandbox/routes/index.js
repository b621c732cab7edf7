'use strict';
// Every Allo endpoint the sandbox serves, with Allo's scopes and business rules: one file per
// resource. A new endpoint is one entry in the file of its resource.
const account = require('./account');
const calls = require('./calls');
const contacts = require('./contacts');
const sms = require('./sms');
const webhooks = require('./webhooks');

/**
 * @typedef {{ params: Record<string, string>, query: Record<string, any>, body: any, store: import('./store').Store,
 *   dispatcher: import('./webhooks').Dispatcher, baseUrl: string, key: { id: string, scopes: string[] }, routes: Route[] }} Context
 * @typedef {{ name: string, method: string, path: string, version: 'v1' | 'v2', scope?: string, spec?: string | ((body: any) => string),
 *   schema?: object, quota?: boolean, invalid?: (problems: any[]) => Reply | undefined, handle: (ctx: Context) => Reply }} Route
 */

/** @type {Route[]} */
const routes = [...calls, ...contacts, ...sms, ...account, ...webhooks];

/** Compiled path templates: `{name}` matches one path segment. */
const matchers = routes.map((route) => ({
	route,
	names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
	pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

/** The route for a request, with its decoded path parameters; `allowed` lists methods when only the path matched. */
function findRoute(method, pathname) {
	const allowed = [];
	for (const { route, names, pattern } of matchers) {
		const match = pathname.match(pattern);
		if (!match) continue;
		if (route.method !== method) {
			allowed.push(route.method);
			continue;
		}
		let params;
		try {
			params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
		} catch {
			params = Object.fromEntries(names.map((name, i) => [name, match[i + 1]]));
		}
		return { route, params };
	}
	return { allowed };
}

module.exports = { routes, findRoute };
