'use strict';
// Request validation against Allo's OpenAPI document: path and query parameters and JSON bodies.
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;

/** Allo's document, kept in the repository: contract/openapi.json. */
const DEFAULT_OPENAPI_PATH = path.resolve(__dirname, '..', 'contract', 'openapi.json');

/**
 * @typedef {{ location: 'path' | 'query' | 'body', field: string, keyword: string, message: string }} Problem
 */

function loadDocument(file = process.env.ALLO_OPENAPI_PATH || DEFAULT_OPENAPI_PATH) {
	if (!fs.existsSync(file)) {
		throw new Error(
			`Allo's OpenAPI document was not found at ${file}; pass openapiPath or set ALLO_OPENAPI_PATH`,
		);
	}
	const document = JSON.parse(fs.readFileSync(file, 'utf8'));
	// The document references ApiErrorResponse, which it never defines; ApiError is the schema it means.
	document.components.schemas.ApiErrorResponse ??= document.components.schemas.ApiError;
	return allowNulls(document);
}

/**
 * OpenAPI 3.0 `nullable` in JSON Schema terms, where the document leaves it to interpretation:
 * a nullable enum also accepts null (Allo's own examples send `"engagement": null`), and a
 * nullable `$ref` becomes "the reference or null".
 */
function allowNulls(node) {
	if (Array.isArray(node)) {
		node.forEach(allowNulls);
		return node;
	}
	if (!node || typeof node !== 'object') return node;
	for (const value of Object.values(node)) allowNulls(value);
	if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null))
		node.enum.push(null);
	if (node.nullable === true && node.$ref && !node.type) {
		node.anyOf = [{ $ref: node.$ref }, { type: 'null' }];
		delete node.$ref;
		delete node.nullable;
	}
	return node;
}

/** `#/…` references made absolute, so schemas compiled on their own resolve against the document. */
const absolute = (schema) =>
	JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi.json#/'));

function newAjv(document, coerceTypes) {
	const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes });
	addFormats(ajv);
	ajv.addSchema(document, 'openapi.json');
	return ajv;
}

function resolve(document, node) {
	let current = node;
	while (current && typeof current.$ref === 'string') {
		current = current.$ref
			.replace(/^#\//, '')
			.split('/')
			.reduce((value, part) => value[part], document);
	}
	return current;
}

/** The property names a schema declares, those of its `allOf` parts included. */
function declaredProperties(document, node) {
	const schema = resolve(document, node) ?? {};
	return [
		...Object.keys(schema.properties ?? {}),
		...(schema.allOf ?? []).flatMap((part) => declaredProperties(document, part)),
	];
}

/** Field name of an Ajv error: the property at fault, or the missing one. */
function fieldOf(error) {
	if (error.keyword === 'required') {
		const parent = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
		return parent ? `${parent}.${error.params.missingProperty}` : error.params.missingProperty;
	}
	return (
		error.instancePath
			.replace(/^\//, '')
			.replace(/\//g, '.')
			.replace(/\.\d+$/, '') || '(body)'
	);
}

/**
 * Compiles validators for operations of the document, keyed like the document (`/v1/api/sms#france`).
 * `strict` also refuses query parameters and top-level body properties the document does not declare.
 */
function createValidator(document, { strict = true } = {}) {
	const bodies = newAjv(document, false);
	const params = newAjv(document, true);
	const cache = new Map();

	function compiled(key, method) {
		const id = `${method} ${key}`;
		if (cache.has(id)) return cache.get(id);
		const operation = document.paths[key]?.[method.toLowerCase()];
		if (!operation) throw new Error(`${id} is not in Allo's OpenAPI document`);
		const parameters = (operation.parameters ?? []).map((p) => resolve(document, p));
		const group = (where) => {
			const list = parameters.filter((p) => p.in === where);
			const schema = {
				type: 'object',
				properties: Object.fromEntries(list.map((p) => [p.name, absolute(p.schema ?? {})])),
				required: list.filter((p) => p.required).map((p) => p.name),
			};
			return { names: list.map((p) => p.name), validate: params.compile(schema) };
		};
		const requestBody = operation.requestBody
			? resolve(document, operation.requestBody)
			: undefined;
		const bodySchema = requestBody?.content?.['application/json']?.schema;
		const entry = {
			operation,
			path: group('path'),
			query: group('query'),
			body: bodySchema
				? {
						required: requestBody.required === true,
						declared: declaredProperties(document, bodySchema),
						validate: bodies.compile(absolute(bodySchema)),
					}
				: undefined,
		};
		cache.set(id, entry);
		return entry;
	}

	/**
	 * Checks one request. Query and path values are coerced in place (`size=5` becomes 5).
	 * @returns {Problem[]}
	 */
	function validate(key, method, request) {
		const entry = compiled(key, method);
		/** @type {Problem[]} */
		const problems = [];
		const collect = (location, errors) => {
			for (const error of errors ?? []) {
				problems.push({
					location,
					field: fieldOf(error),
					keyword: error.keyword,
					message: error.message ?? 'is invalid',
				});
			}
		};
		/** In strict mode, each name of `given` that the document does not declare. */
		const collectUndeclared = (location, given, declared, message) => {
			if (!strict) return;
			for (const name of Object.keys(given))
				if (!declared.includes(name))
					problems.push({ location, field: name, keyword: 'undeclared', message });
		};
		if (!entry.path.validate(request.pathParams)) collect('path', entry.path.validate.errors);
		if (!entry.query.validate(request.query)) collect('query', entry.query.validate.errors);
		collectUndeclared(
			'query',
			request.query,
			entry.query.names,
			'is not a parameter of this endpoint',
		);
		if (entry.body) {
			if (request.body === undefined) {
				if (entry.body.required)
					problems.push({
						location: 'body',
						field: '(body)',
						keyword: 'required',
						message: 'a JSON body is required',
					});
			} else {
				if (!entry.body.validate(request.body)) collect('body', entry.body.validate.errors);
				if (request.body && typeof request.body === 'object' && !Array.isArray(request.body))
					collectUndeclared(
						'body',
						request.body,
						entry.body.declared,
						'is not a property of this request',
					);
			}
		} else if (request.body !== undefined) {
			problems.push({
				location: 'body',
				field: '(body)',
				keyword: 'undeclared',
				message: 'this endpoint takes no body',
			});
		}
		return problems;
	}

	/** The status Allo answers invalid v2 input with on this operation (400 or 422). */
	function validationStatus(key, method) {
		const responses = compiled(key, method).operation.responses ?? {};
		const status = Object.keys(responses).find(
			(code) => responses[code]?.$ref === '#/components/responses/ApiValidationError',
		);
		return status ? Number(status) : 400;
	}

	/** A compiled validator for a schema outside the document (the v1 webhook bodies). */
	const compileSchema = (schema) => {
		const validateSchema = bodies.compile(schema);
		return (value) => {
			if (validateSchema(value)) return [];
			return validateSchema.errors.map((error) => ({
				location: 'body',
				field: fieldOf(error),
				keyword: error.keyword,
				message: error.message ?? 'is invalid',
			}));
		};
	};

	return { validate, validationStatus, compileSchema };
}

module.exports = { loadDocument, createValidator };
