// Long-running child processes (n8n, PostgreSQL, Redis) for tests and benchmarks: each in its own
// process group on a free loopback port, ready once its output says so, and stopped with
// everything it started.
const { spawn } = require('node:child_process');
const { createWriteStream } = require('node:fs');
const { createServer } = require('node:net');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port free on 127.0.0.1 right now. */
const freePort = () =>
	new Promise((resolve, reject) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});

/**
 * Spawns `command` detached and resolves once `ready(output)` is true. `stop()` sends SIGTERM to
 * the whole group, then SIGKILL after `graceMs`: servers linger on SIGTERM while work drains.
 * @param {string} command
 * @param {string[]} args
 * @param {{ what: string, ready: (output: string) => boolean, env?: NodeJS.ProcessEnv,
 *   timeoutMs?: number, logFile?: string, uid?: number, gid?: number }} options
 */
async function spawnReady(
	command,
	args,
	{ what, ready, env = process.env, timeoutMs = 180_000, logFile, uid, gid },
) {
	const child = spawn(command, args, {
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		...(uid === undefined ? {} : { uid, gid }),
	});
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-20_000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	if (logFile) {
		const log = createWriteStream(logFile, { flags: 'a' });
		child.stdout.pipe(log);
		child.stderr.pipe(log);
	}
	let exit = null;
	const exited = new Promise((resolve) => {
		child.on('error', (error) => resolve((exit = { code: error.message, signal: null })));
		child.on('exit', (code, signal) => resolve((exit = { code, signal })));
	});

	const stop = async (graceMs = 3000) => {
		if (exit) return;
		const kill = (signal) => {
			try {
				process.kill(-child.pid, signal);
			} catch {
				// Already gone.
			}
		};
		kill('SIGTERM');
		const timer = setTimeout(() => kill('SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	};

	const deadline = Date.now() + timeoutMs;
	while (!ready(output)) {
		if (exit)
			throw new Error(`${what} exited (${exit.code ?? exit.signal}) while starting:\n${output}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`${what} did not start within ${timeoutMs} ms:\n${output}`);
		}
		await sleep(100);
	}
	return { child, output: () => output, exited, stop, running: () => exit === null };
}

module.exports = { freePort, sleep, spawnReady };
