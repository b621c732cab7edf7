import { packCopy, readText, releaseCheck, repack, writeText, type PackedCopy } from './packed';

// The real release:check script, run on a freshly packed tarball in a copy of the checkout, then on
// deliberately broken copies of that tarball and of the files that carry the version.
let pkg: PackedCopy;
let version: string;

beforeAll(() => {
	pkg = packCopy();
	version = JSON.parse(readText(pkg.root, 'package.json')).version;
}, 180_000);

afterAll(() => pkg?.remove());

/** Runs `change` on a file of the copy, then puts the file back. */
function withEdited<T>(file: string, change: (text: string) => string, run: () => T): T {
	const original = readText(pkg.root, file);
	writeText(pkg.root, file, change(original));
	try {
		return run();
	} finally {
		writeText(pkg.root, file, original);
	}
}

const setVersion = (to: string) => (text: string) => {
	const json = JSON.parse(text);
	json.version = to;
	return JSON.stringify(json);
};

test('accepts the packed package as it is', () => {
	const run = releaseCheck(pkg.root, pkg.tarball);
	expect(run.output).toContain(`is releasable as ${version}`);
	expect(run.status).toBe(0);
});

test('with --tag and --notes, accepts the matching tag and writes the CHANGELOG entry as notes', () => {
	const run = releaseCheck(pkg.root, pkg.tarball, '--tag', `v${version}`, '--notes', 'notes.md');
	expect(run.status).toBe(0);
	const notes = readText(pkg.root, 'notes.md');
	const changelog = readText(pkg.root, 'CHANGELOG.md');
	expect(notes).toMatch(/^### /);
	expect(changelog).toContain(`## [${version}]`);
	expect(changelog).toContain(notes.trim());
	expect(notes).not.toContain('## [');
});

test('refuses a tag that names another version, and writes no notes', () => {
	const run = releaseCheck(pkg.root, pkg.tarball, '--tag', 'v99.0.0', '--notes', 'refused.md');
	expect(run.status).toBe(1);
	expect(run.output).toContain(`the tag v99.0.0 does not name version ${version}`);
	expect(() => readText(pkg.root, 'refused.md')).toThrow();
});

test.each([
	['zapier/package.json', 'zapier/package.json has version 9.9.9'],
	['package-lock.json', 'package-lock.json has version 9.9.9'],
	['zapier/package-lock.json', 'zapier/package-lock.json has version 9.9.9'],
])('refuses a release whose %s version differs', (file, message) => {
	const run = withEdited(file, setVersion('9.9.9'), () => releaseCheck(pkg.root, pkg.tarball));
	expect(run.status).toBe(1);
	expect(run.output).toContain(message);
});

test('refuses a release whose package.json moved on without the rest', () => {
	const run = withEdited('package.json', setVersion('9.9.9'), () =>
		releaseCheck(pkg.root, pkg.tarball),
	);
	expect(run.status).toBe(1);
	expect(run.output).toContain(`zapier/package.json has version ${version}, package.json 9.9.9`);
	expect(run.output).toContain('CHANGELOG.md has no "## [9.9.9]" entry');
});

test('refuses a release whose CHANGELOG has no entry for the version', () => {
	const run = withEdited(
		'CHANGELOG.md',
		(text) => text.replace(`## [${version}]`, '## [0.0.1]'),
		() => releaseCheck(pkg.root, pkg.tarball),
	);
	expect(run.status).toBe(1);
	expect(run.output).toContain(`CHANGELOG.md has no "## [${version}]" entry`);
});

test('refuses a CHANGELOG entry that lists no change', () => {
	const run = withEdited(
		'CHANGELOG.md',
		() => `# Changelog\n\n## [${version}] - 2026-12-01\n\n### Added\n\n### Fixed\n`,
		() => releaseCheck(pkg.root, pkg.tarball),
	);
	expect(run.status).toBe(1);
	expect(run.output).toContain(`CHANGELOG.md's entry for ${version} lists no change`);
});

test.each([
	['a node', 'dist/nodes/AlloTrigger/AlloTrigger.node.js', 'package.json n8n.nodes'],
	['the credential', 'dist/credentials/AlloApi.credentials.js', 'package.json n8n.credentials'],
	['a dark icon', 'dist/nodes/Allo/allo.dark.svg', 'the icon of dist/nodes/Allo/Allo.node.js'],
	['a codex file', 'dist/nodes/AlloTrigger/AlloTrigger.node.json', 'the codex file of'],
	[
		'an output schema',
		'dist/nodes/Allo/__schema__/v1.0.0/sms/send.json',
		'an output schema of dist/nodes/Allo/Allo.node.js',
	],
])('refuses a tarball without %s', (_what, file, why) => {
	const broken = repack(pkg.tarball, { remove: [file] });
	const run = releaseCheck(pkg.root, broken);
	expect(run.status).toBe(1);
	expect(run.output).toContain(`the tarball lacks ${file} (${why}`);
});

test.each([
	['a source file', 'nodes/Allo/Allo.node.ts'],
	['a test', 'test/release/verification.test.ts'],
	['an environment file', '.env'],
	['the Zapier app', 'zapier/index.js'],
])('refuses a tarball that also ships %s', (_what, file) => {
	const broken = repack(pkg.tarball, { add: { [file]: 'extra' } });
	const run = releaseCheck(pkg.root, broken);
	expect(run.status).toBe(1);
	expect(run.output).toContain(`the tarball ships ${file}: only dist/`);
});

test('refuses a tarball with an entry outside package/', () => {
	const broken = repack(pkg.tarball, { add: { '../extra.js': 'extra' } });
	const run = releaseCheck(pkg.root, broken);
	expect(run.status).toBe(1);
	expect(run.output).toContain('the tarball holds extra.js outside package/');
});

test('refuses a tarball that is not one', () => {
	writeText(pkg.root, 'not-a-tarball.tgz', 'plain text');
	const run = releaseCheck(pkg.root, 'not-a-tarball.tgz');
	expect(run.status).toBe(1);
	expect(run.output).toContain('cannot read not-a-tarball.tgz');
});
