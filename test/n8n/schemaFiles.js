// Reads and (with ALLO_WRITE_SCHEMAS=1) writes the committed output schemas of the Allo node.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..', 'nodes', 'Allo', '__schema__', 'v1.0.0');
const fileFor = (resource, operation) => path.join(root, resource, `${operation}.json`);

exports.writing = process.env.ALLO_WRITE_SCHEMAS === '1';

exports.readSchema = (resource, operation) => {
	const file = fileFor(resource, operation);
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};

exports.writeSchema = (resource, operation, schema) => {
	const file = fileFor(resource, operation);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
};
