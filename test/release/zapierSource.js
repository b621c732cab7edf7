// Builds the Zapier app the way `npm run zapier:build` and `zapier-platform push` do, in a private
// copy of what the app is made of in a clone (zapier/, the core its zapier/shared links to, the
// root tsconfig), then unpacks the source.zip that build wrote into an empty folder, as a reviewer
// at Zapier gets it (plain JavaScript: n8n's lint bans child processes in TypeScript).
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cli = path.dirname(require.resolve('zapier-platform-cli/package.json'));
// The zip reader the Zapier CLI itself depends on.
const AdmZip = require(require.resolve('adm-zip', { paths: [cli] }));

// What a clone has in zapier/: not what installs or builds make there, nor a local API key.
const NOT_SOURCE = new Set(['node_modules', 'build', 'dist', '.env', '.zapierapprc']);

function run(command, args, cwd) {
	const done = spawnSync(command, args, {
		cwd,
		encoding: 'utf8',
		env: {
			...process.env,
			DISABLE_ZAPIER_ANALYTICS: '1',
			// Packages come from the npm cache the repository's own install filled.
			npm_config_prefer_offline: 'true',
			npm_config_audit: 'false',
			npm_config_fund: 'false',
			PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
		},
	});
	return { status: done.status, output: `${done.stdout}${done.stderr}` };
}

/**
 * Runs `zapier-platform build` on a copy of zapier/ and shared/ and unpacks build/source.zip into an
 * empty folder. `build` and the unpacked `dir` are what the checks read; `remove()` deletes both.
 */
exports.buildAndUnpackSource = function buildAndUnpackSource() {
	const copy = mkdtempSync(path.join(tmpdir(), 'allo-zapier-build-'));
	for (const entry of ['shared', 'tsconfig.json'])
		cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
	cpSync(path.join(root, 'zapier'), path.join(copy, 'zapier'), {
		recursive: true,
		verbatimSymlinks: true,
		filter: (from) => !NOT_SOURCE.has(path.relative(path.join(root, 'zapier'), from)),
	});
	// The app's compile resolves zapier-platform-core's types from the checkout's install.
	symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
	const build = run(
		process.execPath,
		[
			path.join(cli, 'src', 'bin', 'run'),
			'build',
			'--skip-validation',
			'--disable-dependency-detection',
		],
		path.join(copy, 'zapier'),
	);
	const dir = mkdtempSync(path.join(tmpdir(), 'allo-zapier-source-'));
	const zip = path.join(copy, 'zapier', 'build', 'source.zip');
	const entries = existsSync(zip)
		? new AdmZip(zip).getEntries().map((entry) => entry.entryName)
		: [];
	if (entries.length > 0) new AdmZip(zip).extractAllTo(dir);
	return {
		build,
		dir,
		entries,
		remove: () => {
			rmSync(copy, { recursive: true, force: true });
			rmSync(dir, { recursive: true, force: true });
		},
	};
};

/** Runs npm in `dir` with the same environment as the build. */
exports.npm = (args, dir) => run('npm', args, dir);

/** The app `dir/index.js` exports, loaded in a fresh Node process: its version and step keys. */
exports.describeApp = (dir) =>
	run(
		process.execPath,
		[
			'-e',
			`const app = require('./index.js');
			const keys = (steps) => Object.keys(steps ?? {}).sort();
			console.log(JSON.stringify({ version: app.version, platformVersion: app.platformVersion,
				triggers: keys(app.triggers), creates: keys(app.creates), searches: keys(app.searches),
				searchOrCreates: keys(app.searchOrCreates) }));`,
		],
		dir,
	);
