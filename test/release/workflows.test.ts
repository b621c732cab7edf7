import { readText, root, scratch, validateWorkflow, writeText } from './packed';

// The GitHub Actions workflows, checked offline by the validator .ci/run runs
// (@action-validator/cli, GitHub's workflow schema), then for what a release depends on.
const WORKFLOWS = ['ci.yml', 'release.yml'];
const PROVENANCE_RULE =
	'https://docs.n8n.io/integrations/creating-nodes/build/reference/verification-guidelines/#package-source-verification';

const workflow = (name: string) => readText(root, `.github/workflows/${name}`);

let temp: ReturnType<typeof scratch>;
beforeAll(() => {
	temp = scratch();
});
afterAll(() => temp.remove());

/** Validates a copy of a workflow with one change made to its text. */
function validateBroken(name: string, from: string, to: string) {
	const text = workflow(name);
	expect(text).toContain(from);
	writeText(temp.dir, name, text.replace(from, to));
	return validateWorkflow(`${temp.dir}/${name}`);
}

test.each(WORKFLOWS)('%s passes the workflow validator', (name) => {
	const run = validateWorkflow(`${root}/.github/workflows/${name}`);
	expect(run.output).toBe('');
	expect(run.status).toBe(0);
});

test.each([
	[
		'ci.yml',
		'a misspelt job key',
		'runs-on:',
		'runs_on:',
		"Additional property 'runs_on' is not allowed",
	],
	[
		'release.yml',
		'a misspelt top-level key',
		'\non:',
		'\nwhen:',
		"Additional property 'when' is not allowed",
	],
	[
		'release.yml',
		'an unknown permission level',
		'id-token: write',
		'id-token: admin',
		'/permissions/id-token',
	],
	['ci.yml', 'broken YAML', 'matrix:\n', 'matrix: [\n', 'Parse Error'],
])('the validator refuses %s with %s', (name, _what, from, to, message) => {
	const run = validateBroken(name, from, to);
	expect(run.status).not.toBe(0);
	expect(run.output).toContain(message);
});

test.each(WORKFLOWS)(
	'%s pins every action to a full commit SHA, with its tag in a comment above',
	(name) => {
		const lines = workflow(name).split('\n');
		const uses = lines.flatMap((line, index) => (/^\s*- uses: /.test(line) ? [index] : []));
		expect(uses.length).toBeGreaterThan(0);
		for (const index of uses) {
			expect(lines[index]).toMatch(/- uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
			const action = lines[index].replace(/^.*- uses: ([^@]+)@.*$/, '$1');
			expect(lines[index - 1]).toMatch(new RegExp(`^\\s*# ${action} v\\d+\\.\\d+\\.\\d+\\b`));
		}
	},
);

test('ci.yml runs .ci/run on Node 22 and Node 24', () => {
	const ci = workflow('ci.yml');
	expect(ci).toMatch(/node: \['22', '24'\]/);
	expect(ci).toContain('node-version: ${{ matrix.node }}');
	expect(ci).toMatch(/run: bash \.ci\/run$/m);
});

test(`release.yml publishes to npm with provenance from GitHub Actions (${PROVENANCE_RULE})`, () => {
	const release = workflow('release.yml');
	expect(release).toMatch(/on:\n {2}push:\n {4}tags: \['v\*'\]/);
	const publish = release.slice(release.indexOf('\n  publish:'));
	expect(publish).toContain('needs: verify');
	expect(publish).toMatch(/permissions:\n {6}contents: write\n {6}id-token: write/);
	expect(publish).toContain('npm publish "$TARBALL" --provenance --access public');
	// Only the publishing job may mint the OIDC token.
	expect(release.slice(0, release.indexOf('\n  publish:'))).not.toContain('id-token');
});

test('release.yml checks the tag and the tarball, pushes the Zapier app, then publishes and writes the notes', () => {
	const release = workflow('release.yml');
	const order = [
		'bash .ci/run',
		'node scripts/release-check.mjs "$tarball" --tag "$GITHUB_REF_NAME" --notes release-notes.md',
		'ZAPIER_DEPLOY_KEY: ${{ secrets.ZAPIER_DEPLOY_KEY }}',
		'../node_modules/.bin/zapier-platform push',
		'npm publish "$TARBALL"',
		'gh release create "$GITHUB_REF_NAME" "$TARBALL"',
	].map((step) => release.indexOf(step));
	expect(order).not.toContain(-1);
	expect([...order].sort((a, b) => a - b)).toEqual(order);
	expect(release).toContain('--notes-file release-notes.md');
});

test('.ci/run validates every workflow file and runs release:check on the packed tarball', () => {
	const run = readText(root, '.ci/run');
	expect(run).toContain('for workflow in .github/workflows/*.yml; do');
	expect(run).toContain('npx --no-install action-validator "$workflow"');
	expect(run).toMatch(/release_tarball=.*npm pack --silent/);
	expect(run).toContain('npm run --silent release:check -- "$release_tarball"');
});
