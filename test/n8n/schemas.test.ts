import { operations } from '../../shared';
import { outputSchema } from './outputSchema';
import { readSchema, writeSchema, writing } from './schemaFiles';

// `npm run schemas:n8n` rewrites the files from the declarations' samples; this test keeps them in step.
describe.each(operations.map((op) => [`${op.resource}/${op.operation}`, op] as const))(
	'%s output schema',
	(_name, op) => {
		test('matches the declaration sample', () => {
			const expected = outputSchema(op.sample, op.simplifiedKeys);
			if (writing) writeSchema(op.resource, op.operation, expected);
			expect(readSchema(op.resource, op.operation)).toEqual(expected);
		});
	},
);
