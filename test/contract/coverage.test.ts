import { endpoints, operations } from '../../shared';
import { openapi } from '../support/openapi';

/**
 * Every operation of Allo's OpenAPI document, but the partner-account ones, is called by at least
 * one declaration: a new Allo endpoint shows up here as a failing test.
 */
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const documented = Object.entries(openapi.paths)
	.filter(([path]) => !path.startsWith('/v2/api/partner/'))
	.flatMap(([path, item]) =>
		METHODS.filter((method) => (item as Record<string, unknown>)[method]).map((method) => ({
			method: method.toUpperCase(),
			path,
		})),
	);

/** The declarations that call one documented operation, as "resource.operation". */
function callersOf(method: string, path: string): string[] {
	const names = Object.entries(endpoints)
		.filter(([, e]) => e.method === method && (e.openApiPath ?? e.path) === path)
		.map(([name]) => name);
	return operations
		.filter((op) => op.endpoints.some((name) => names.includes(name)))
		.map((op) => `${op.resource}.${op.operation}`);
}

test('the document has the operations this check expects', () => {
	expect(documented.length).toBeGreaterThan(45);
});

test.each(documented.map(({ method, path }) => [`${method} ${path}`, method, path]))(
	'%s is called by a declaration',
	(_, method, path) => {
		expect(callersOf(method, path)).not.toEqual([]);
	},
);
