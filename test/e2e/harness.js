// Drives a real n8n (the pinned version in the cache folder) with the packed package installed the
// community-package way, against the local Allo sandbox. Shared by the end-to-end test files.
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const {
	closeSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const runtime = require('../../scripts/n8n-runtime.js');
const { freePort, sleep } = require('../../scripts/processes.js');

const { ensureN8n, ensureNode24, installPackage, n8nEnv } = runtime;

/** Where the global setup leaves the packed package's path: inside this checkout, so checkouts never share it. */
const TARBALL_NOTE = path.resolve(__dirname, '..', '..', '.cache', 'e2e-tarball');
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'E2e-Passw0rd',
};

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
async function waitFor(what, check, timeoutMs = 30_000, everyMs = 250) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await sleep(everyMs);
	}
}

/** A fresh n8n user folder holding the packed package, as n8n's community installer lays it out. */
function createUserFolder() {
	const tarball = readFileSync(TARBALL_NOTE, 'utf8').trim();
	const work = mkdtempSync(path.join(tmpdir(), 'allo-n8n-e2e-'));
	const userFolder = path.join(work, 'user');
	installPackage(tarball, userFolder);
	return { work, userFolder, remove: () => rmSync(work, { recursive: true, force: true }) };
}

/**
 * One `n8n <command>` run in its own process; async, so this process keeps serving the sandbox.
 * Info level: `execute` prints the run through the logger. Its output goes to a file, which n8n
 * writes in full before it exits (a pipe may lose the end of a run of several megabytes).
 */
function runN8n(userFolder, ports, args) {
	const n8nBin = ensureN8n();
	const outPath = path.join(path.dirname(userFolder), `n8n-${args[0]}.out`);
	const out = openSync(outPath, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(ensureNode24(), [n8nBin, ...args], {
			env: { ...n8nEnv(userFolder, ports), N8N_LOG_LEVEL: 'info' },
			stdio: ['ignore', out, 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk.toString().slice(-20_000)));
		child.on('close', (code) => {
			closeSync(out);
			const stdout = readFileSync(outPath, 'utf8');
			return code === 0
				? resolve(stdout)
				: reject(
						new Error(`n8n ${args[0]} exited with ${code}:\n${stdout.slice(-20_000)}\n${stderr}`),
					);
		});
	});
}

/** Imports a credential and a workflow, runs it with `n8n execute`, and returns the run's data. */
async function executeWorkflow(userFolder, ports, { credentials, workflow }) {
	const dir = path.dirname(userFolder);
	writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials));
	writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
	await runN8n(userFolder, ports, [
		'import:credentials',
		`--input=${path.join(dir, 'credentials.json')}`,
	]);
	await runN8n(userFolder, ports, [
		'import:workflow',
		`--input=${path.join(dir, `${workflow.id}.json`)}`,
	]);
	const output = await runN8n(userFolder, ports, ['execute', `--id=${workflow.id}`, '--rawOutput']);
	return JSON.parse(output.slice(output.indexOf('{')));
}

/** The JSON of the items a node output in a run. */
const nodeOutput = (run, node) => {
	const runs = run.data.resultData.runData[node];
	if (!runs)
		throw new Error(
			`Node ${node} did not run: ${JSON.stringify(run.data.resultData.error ?? null)}`,
		);
	if (runs[0].error) throw new Error(`Node ${node} failed: ${JSON.stringify(runs[0].error)}`);
	return runs[0].data.main[0].map((item) => item.json);
};

/** An Allo API credential, as n8n imports it, pointing at the sandbox with its first key. */
const sandboxCredential = (reference, sandbox) => ({
	...reference,
	type: 'alloApi',
	data: { apiKey: sandbox.apiKeys[0].key, baseUrl: sandbox.url },
});

/** n8n's Manual Trigger: where the workflows run by `n8n execute` start. */
const manualTrigger = () => ({
	id: randomUUID(),
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** Runs a workflow once in a fresh n8n user folder, with `credential` pointing at the sandbox. */
async function executeOnSandbox(sandbox, credential, workflow) {
	const folder = createUserFolder();
	try {
		const ports = { http: await freePort(), broker: await freePort() };
		return await executeWorkflow(folder.userFolder, ports, {
			credentials: [sandboxCredential(credential, sandbox)],
			workflow,
		});
	} finally {
		folder.remove();
	}
}

/**
 * Creates, through n8n's public API, an Allo credential for the sandbox and a workflow holding one
 * Allo Trigger (node version `typeVersion`) with `parameters`, listening on `webhookId`; returns
 * the workflow.
 */
async function createTriggerWorkflow(
	api,
	sandbox,
	{ name, webhookId, parameters, typeVersion = 1 },
) {
	const credential = await api('POST', '/api/v1/credentials', {
		name: 'Allo sandbox',
		type: 'alloApi',
		data: { apiKey: sandbox.apiKeys[0].key, baseUrl: sandbox.url },
	});
	return await api('POST', '/api/v1/workflows', {
		name,
		settings: {},
		connections: {},
		nodes: [
			{
				id: randomUUID(),
				name: 'Allo Trigger',
				type: 'n8n-nodes-allo.alloTrigger',
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { alloApi: { id: credential.id, name: credential.name } },
			},
		],
	});
}

/** The owner's session on a fresh n8n, for its REST and public APIs. */
const ownerSession = (url) => runtime.n8nSession(url, '/rest/owner/setup', OWNER);

module.exports = {
	TARBALL_NOTE,
	OWNER,
	freePort,
	sleep,
	waitFor,
	createUserFolder,
	startN8n: runtime.startN8n,
	executeWorkflow,
	executeOnSandbox,
	manualTrigger,
	nodeOutput,
	ownerSession,
	sandboxCredential,
	createTriggerWorkflow,
};
