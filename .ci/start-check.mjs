// Proves `npm start` comes up in this checkout: starts scripts/start.mjs on free ports, waits for
// the n8n editor and /healthz, stops it with SIGINT, and checks that it left no process or port.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { freePort } = createRequire(import.meta.url)('../test/e2e/harness.js');

const listening = (port) =>
	new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => socket.destroy() || resolve(true));
		socket.once('error', () => resolve(false));
	});

async function waitFor(what, check, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await sleep(500);
	}
	throw new Error(`npm start: timed out waiting for ${what}`);
}

/** Every process descended from `pid`, whatever process group it moved to. */
function descendants(pid) {
	const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number));
	const found = [];
	const visit = (parent) => {
		for (const [child, ppid] of table) {
			if (ppid === parent) {
				found.push(child);
				visit(child);
			}
		}
	};
	visit(pid);
	return found;
}

const alive = (pid) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

const ports = { http: await freePort(), broker: await freePort(), sandbox: await freePort() };
const child = spawn(process.execPath, ['scripts/start.mjs'], {
	cwd: root,
	env: {
		...process.env,
		N8N_PORT: String(ports.http),
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		ALLO_SANDBOX_PORT: String(ports.sandbox),
		ALLO_API_KEY: '',
	},
	stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) =>
	child.once('exit', (code, signal) => resolve({ code, signal })),
);

try {
	const editor = `http://127.0.0.1:${ports.http}`;
	await waitFor('the Ctrl-C line', async () => output.includes('Ctrl-C stops'), 600_000);
	await waitFor('/healthz', async () => (await fetch(`${editor}/healthz`)).ok, 30_000);
	await waitFor(
		'the editor',
		async () => (await (await fetch(`${editor}/`)).text()).includes('<div id="app"'),
		30_000,
	);
	await waitFor(
		'the sandbox',
		async () => (await fetch(`http://127.0.0.1:${ports.sandbox}/_sandbox`)).ok,
		10_000,
	);
	console.log(`npm start: editor, /healthz and the sandbox answer on ${editor}`);
} catch (error) {
	child.kill('SIGKILL');
	console.error(output.slice(-6000));
	throw error;
}

const started = descendants(child.pid);
child.kill('SIGINT');
const timeout = new Promise((resolve) => setTimeout(resolve, 60_000, null).unref());
const exit = await Promise.race([exited, timeout]);
if (!exit || exit.code !== 0) {
	console.error(output.slice(-6000));
	throw new Error(`npm start: Ctrl-C did not stop it cleanly (${JSON.stringify(exit)})`);
}
await waitFor(
	'every process it started to end',
	async () => started.every((pid) => !alive(pid)),
	20_000,
);
for (const [name, port] of Object.entries(ports)) {
	if (await listening(port)) throw new Error(`npm start: port ${port} (${name}) is still open`);
}
console.log(`npm start: Ctrl-C stopped ${started.length} processes and closed every port`);
