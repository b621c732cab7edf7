// Installs n8n 2.40.7 into a cache folder, to prepare end-to-end runs of the nodes in a real n8n.
// Needs Node 24 (n8n 2.40 requires it). Lifecycle scripts are skipped during the install, then only
// the two native modules n8n needs are built. Prints the time of each step and the disk used.
//
//   node scripts/install-n8n.mjs [--dir <folder>] [--force]
//
// Default folder: $XDG_CACHE_HOME/n8n-nodes-allo/n8n-2.40.7 (~/.cache when unset). A finished
// install is reused; --force installs again.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	openSync,
	closeSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const N8N_VERSION = '2.40.7';
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

const { values } = parseArgs({
	options: {
		dir: { type: 'string' },
		force: { type: 'boolean', default: false },
	},
});
const cacheRoot = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
const dir = path.resolve(
	values.dir ?? path.join(cacheRoot, 'n8n-nodes-allo', `n8n-${N8N_VERSION}`),
);
const report = path.join(dir, 'install-report.json');
const say = (line) => process.stdout.write(`${line}\n`);

const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
	process.stderr.write(
		`n8n ${N8N_VERSION} needs Node 24; this is Node ${process.versions.node}. ` +
			'Put Node 24 first on PATH (and npm_config_nodedir for the native builds), then run again.\n',
	);
	process.exit(1);
}

const installedVersion = () => {
	const manifest = path.join(dir, 'node_modules', 'n8n', 'package.json');
	return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
};
if (!values.force && existsSync(report) && installedVersion() === N8N_VERSION) {
	say(`n8n ${N8N_VERSION} is already installed in ${dir}`);
	say(readFileSync(report, 'utf8'));
	process.exit(0);
}

mkdirSync(dir, { recursive: true });
// One install per folder at a time: npm must not run twice over the same node_modules.
const lock = `${dir}.lock`;
let lockFd;
try {
	lockFd = openSync(lock, 'wx');
} catch {
	process.stderr.write(
		`${lock} exists: another install is running (or crashed; remove the file to go on).\n`,
	);
	process.exit(1);
}
const unlock = () => {
	closeSync(lockFd);
	rmSync(lock, { force: true });
};

/** Runs a command in the folder, inheriting output; returns its duration in seconds. */
function timed(label, command, args) {
	say(`--- ${label}: ${command} ${args.join(' ')}`);
	const started = performance.now();
	const result = spawnSync(command, args, {
		cwd: dir,
		stdio: 'inherit',
		env: { ...process.env, npm_config_yes: 'true' },
	});
	const seconds = (performance.now() - started) / 1000;
	if (result.status !== 0) {
		unlock();
		throw new Error(
			`${label} failed (exit ${result.status ?? result.signal}) after ${seconds.toFixed(1)} s`,
		);
	}
	say(`    ${seconds.toFixed(1)} s`);
	return seconds;
}

/** Disk used by the folder, in MiB, as `du` counts it (hard links once). */
function diskUseMiB() {
	const [kib] = execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split(/\s+/);
	return Math.round(Number(kib) / 1024);
}

/** Installed packages, the root left out; `npm ls` exits non-zero on peer warnings, so its status is ignored. */
function packageCount() {
	const listing = spawnSync('npm', ['ls', '--all', '--parseable'], {
		cwd: dir,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return listing.stdout.split('\n').filter(Boolean).length - 1;
}

rmSync(report, { force: true });
writeFileSync(
	path.join(dir, 'package.json'),
	`${JSON.stringify({ name: 'n8n-runtime', private: true })}\n`,
);
const timings = {};
timings.installSeconds = timed('install', 'npm', [
	'install',
	'--ignore-scripts',
	'--no-audit',
	'--no-fund',
	'--loglevel=error',
	`n8n@${N8N_VERSION}`,
]);
const afterInstallMiB = diskUseMiB();
timings.rebuildSeconds = timed('native modules', 'npm', ['rebuild', ...NATIVE_MODULES]);
const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
timings.versionCheckSeconds = timed('check', process.execPath, [n8nBin, '--version']);

const summary = {
	n8n: installedVersion(),
	node: process.versions.node,
	dir,
	...Object.fromEntries(
		Object.entries(timings).map(([key, value]) => [key, Number(value.toFixed(1))]),
	),
	diskMiBAfterInstall: afterInstallMiB,
	diskMiB: diskUseMiB(),
	packages: packageCount(),
	finishedAt: new Date().toISOString(),
};
writeFileSync(report, `${JSON.stringify(summary, null, 2)}\n`);
unlock();
say(JSON.stringify(summary, null, 2));
