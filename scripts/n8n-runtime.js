// A real n8n (pinned) for end-to-end runs, installed once into a cache folder outside the project:
// it is ~2.8 GB, so it stays out of the root `npm ci`.
// CommonJS, so jest's end-to-end tests can require it as well as the .mjs scripts.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const path = require('node:path');

const N8N_VERSION = '2.40.7';

const cacheRoot = path.join(
	process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
	'n8n-nodes-allo',
);
const n8nDir = path.join(cacheRoot, `n8n-${N8N_VERSION}`);
const n8nBin = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
const readyMarker = path.join(n8nDir, '.ready');

const npm = (args, cwd) =>
	execFileSync('npm', args, {
		cwd,
		stdio: 'inherit',
		env: { ...process.env, npm_config_yes: 'true' },
	});

/** Installs n8n when the cache does not hold it yet; returns the path of its `n8n` launcher. */
function ensureN8n(log = console.log) {
	if (existsSync(readyMarker) && existsSync(n8nBin)) return n8nBin;
	if (Number(process.versions.node.split('.')[0]) < 24) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24 or newer; this is Node ${process.versions.node}.`,
		);
	}
	log(`Installing n8n ${N8N_VERSION} into ${n8nDir} (once; a few minutes)…`);
	mkdirSync(n8nDir, { recursive: true });
	writeFileSync(
		path.join(n8nDir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true }),
	);
	// One optional native dependency cannot build offline: skip install scripts, then build the two n8n needs.
	npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`], n8nDir);
	npm(['rebuild', 'sqlite3', 'isolated-vm'], n8nDir);
	writeFileSync(readyMarker, new Date().toISOString());
	return n8nBin;
}

/** Lays the packed package out the way n8n's community-package installer does. */
function installPackage(tarball, userFolder) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-allo');
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	writeFileSync(
		path.join(userFolder, '.n8n', 'nodes', 'package.json'),
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { 'n8n-nodes-allo': `file:${tarball}` },
		}),
	);
	return target;
}

/** The environment of a hermetic n8n living in `userFolder`. */
function n8nEnv(userFolder, ports) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'allo-e2e-encryption-key',
		N8N_PORT: String(ports.http),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		DB_TYPE: 'sqlite',
	};
}

module.exports = { N8N_VERSION, n8nDir, n8nBin, ensureN8n, installPackage, n8nEnv };
