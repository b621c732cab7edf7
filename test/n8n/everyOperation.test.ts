import * as catalog from '../../shared/operations/all';
import { NOT_RUN, STEPS } from '../e2e/everyOperation';

// The real-n8n workflow of test/e2e/actions.test.js is the one proof that each operation works in
// n8n as users run it: an operation added to the catalog must become one of its steps, or be listed
// in NOT_RUN with the reason n8n cannot run it.
const operations = Object.values(catalog).map((op) => `${op.resource}:${op.operation}`);
const run = new Set(STEPS.map(([, { resource, operation }]) => `${resource}:${operation}`));

test.each(operations)('%s runs in the real-n8n workflow, or is listed with the reason', (key) => {
	if (key in NOT_RUN) expect(NOT_RUN[key].trim()).not.toBe('');
	else expect(run).toContain(key);
});

test('the workflow and the list name only operations of the catalog, never one both run and listed', () => {
	expect([...run].filter((key) => !operations.includes(key))).toEqual([]);
	expect(Object.keys(NOT_RUN).filter((key) => !operations.includes(key) || run.has(key))).toEqual(
		[],
	);
});
