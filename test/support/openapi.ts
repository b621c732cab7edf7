import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import rawDocument from '../../contract/openapi.json';

type Json = Record<string, unknown>;

/** Allo's OpenAPI document, with its one dangling reference aliased to the schema it means. */
export const openapi = structuredClone(rawDocument) as unknown as {
	paths: Record<string, Record<string, Json>>;
	components: {
		schemas: Record<string, Json>;
		responses: Record<string, Json>;
		parameters: Record<string, Json>;
	};
};
openapi.components.schemas.ApiErrorResponse ??= openapi.components.schemas.ApiError;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapi as unknown as Json, 'openapi.json');

/** Local `#/…` references of the document, made absolute for Ajv. */
const absolute = (schema: unknown): unknown =>
	JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi.json#/'));

const compiled = new Map<string, ValidateFunction>();
export function validator(schema: unknown): ValidateFunction {
	const key = JSON.stringify(schema);
	let validate = compiled.get(key);
	if (!validate) {
		validate = ajv.compile(absolute(schema) as Json);
		compiled.set(key, validate);
	}
	return validate;
}

export function resolve<T = Json>(value: unknown): T {
	const ref = (value as Json | undefined)?.$ref;
	if (typeof ref !== 'string') return value as T;
	const target = ref
		.replace(/^#\//, '')
		.split('/')
		.reduce<unknown>((node, part) => (node as Json)[part], openapi);
	return resolve<T>(target);
}

export interface OperationSpec {
	key: string;
	method: string;
	operation: Json;
}

export function operationSpec(pathKey: string, method: string): OperationSpec | undefined {
	const operation = openapi.paths[pathKey]?.[method.toLowerCase()];
	return operation ? { key: pathKey, method, operation } : undefined;
}

/** The OpenAPI path whose template matches a concrete path, e.g. /v1/api/contact/{contact_id}. */
export function matchPath(path: string, method: string): string | undefined {
	return Object.keys(openapi.paths).find((template) => {
		if (!openapi.paths[template][method.toLowerCase()]) return false;
		const pattern = new RegExp(`^${template.replace(/#.*$/, '').replace(/\{[^}]+\}/g, '[^/]+')}$`);
		return pattern.test(path);
	});
}

/** The example body of a response (first `example`, or first of `examples`). */
export function responseExample(response: unknown): unknown {
	const content = (resolve<Json>(response).content as Json | undefined)?.['application/json'] as
		| Json
		| undefined;
	if (!content) return undefined;
	if (content.example !== undefined) return content.example;
	const examples = content.examples as Record<string, Json> | undefined;
	return examples ? resolve<Json>(Object.values(examples)[0]).value : undefined;
}

/** Every example body in the document, with where it stands. */
export function allResponseExamples(): Array<{
	where: string;
	path: string;
	status: number;
	body: unknown;
}> {
	const found: Array<{ where: string; path: string; status: number; body: unknown }> = [];
	for (const [path, methods] of Object.entries(openapi.paths)) {
		for (const [method, operation] of Object.entries(methods)) {
			const responses = (operation as Json).responses as Record<string, unknown> | undefined;
			for (const [status, response] of Object.entries(responses ?? {})) {
				const content = (resolve<Json>(response).content as Json | undefined)?.[
					'application/json'
				] as Json | undefined;
				const bodies = [
					...(content?.example !== undefined ? [content.example] : []),
					...Object.values((content?.examples as Record<string, Json>) ?? {}).map(
						(e) => resolve<Json>(e).value,
					),
				];
				for (const body of bodies)
					found.push({
						where: `${method.toUpperCase()} ${path} ${status}`,
						path,
						status: Number(status),
						body,
					});
			}
		}
	}
	return found;
}

/** An example built from a schema's own `example` values, for responses the document gives none. */
export function exampleFromSchema(schema: unknown): unknown {
	const node = resolve<Json>(schema);
	if (node.example !== undefined) return node.example;
	if (Array.isArray(node.allOf)) {
		return Object.assign({}, ...node.allOf.map((part) => exampleFromSchema(part) as Json));
	}
	if (node.type === 'array') return [exampleFromSchema(node.items)];
	if (node.properties) {
		return Object.fromEntries(
			Object.entries(node.properties as Json).map(([key, value]) => [
				key,
				exampleFromSchema(value),
			]),
		);
	}
	return node.type === 'integer' || node.type === 'number'
		? 1
		: node.type === 'boolean'
			? false
			: 'example';
}
