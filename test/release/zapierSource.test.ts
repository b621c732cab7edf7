import app from '../../zapier/src/index';
import { buildAndUnpackSource, describeApp, npm, type UnpackedSource } from './zapierSource';

// Zapier's reviewers get build/source.zip alone, beside the build.zip that runs: unpacked into an
// empty folder, it must install from its own lockfile and compile with its own tsconfig into the
// same app.
const MINUTES = 60_000;
const keys = (steps: Record<string, unknown> | undefined) => Object.keys(steps ?? {}).sort();

let source: UnpackedSource;
beforeAll(() => {
	source = buildAndUnpackSource();
}, 10 * MINUTES);
afterAll(() => source?.remove());

test('zapier-platform build writes source.zip', () => {
	expect(source.build.output).toContain('Build complete!');
	expect(source.build.status).toBe(0);
});

test('source.zip holds the app, the core it imports and a tsconfig of its own, and no API key', () => {
	expect(source.entries).toEqual(
		expect.arrayContaining([
			'package.json',
			'package-lock.json',
			'tsconfig.json',
			'index.js',
			'src/index.ts',
			'shared/index.ts',
			'shared/operations/all.ts',
		]),
	);
	expect(
		source.entries.filter((entry) => /(^|\/)(\.env|node_modules\/|dist\/)/.test(entry)),
	).toEqual([]);
});

test(
	'unpacked alone, source.zip installs offline, compiles and exports the same app',
	() => {
		const install = npm(['ci', '--offline'], source.dir);
		expect(install.output).not.toContain('ERR!');
		expect(install.status).toBe(0);

		const compile = npm(['run', '_zapier-build'], source.dir);
		expect(compile.output).not.toMatch(/error TS\d+/);
		expect(compile.status).toBe(0);

		const built = describeApp(source.dir);
		expect(built.status).toBe(0);
		expect(JSON.parse(built.output)).toEqual({
			version: app.version,
			platformVersion: app.platformVersion,
			triggers: keys(app.triggers),
			creates: keys(app.creates),
			searches: keys(app.searches),
			searchOrCreates: keys(app.searchOrCreates),
		});
	},
	5 * MINUTES,
);
