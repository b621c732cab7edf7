// `npm start`: a local n8n with this package installed the community-package way, an Allo credential
// and two example workflows, against the Allo sandbox (or Allo itself when ALLO_API_KEY is set).
// Everything lives in .n8n-dev/; Ctrl-C stops what this started. Delete .n8n-dev/ to start afresh.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
	N8N_VERSION,
	ensureN8n,
	installPackage,
	n8nDir,
	n8nSession,
	startN8n,
} = require('./n8n-runtime.js');
const { exampleWorkflows } = require('./examples.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const userFolder = path.join(root, '.n8n-dev');
const stateFile = path.join(userFolder, 'allo-dev.json');
const ports = {
	http: Number(process.env.N8N_PORT || 5678),
	broker: Number(process.env.N8N_RUNNERS_BROKER_PORT || 5679),
	sandbox: Number(process.env.ALLO_SANDBOX_PORT || 4010),
};
const OWNER = {
	email: 'owner@example.com',
	password: 'Allo-dev-1',
	firstName: 'Allo',
	lastName: 'Developer',
};
const apiKey = process.env.ALLO_API_KEY;

const began = Date.now();
const step = (text) =>
	console.log(`[${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s] ${text}`);

function run(command, args) {
	try {
		execFileSync(command, args, { cwd: root, stdio: 'pipe' });
	} catch (error) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
	}
}

/** A sender for the welcome text: the sandbox's main line, or the workspace's first Allo number. */
async function senderNumber(baseUrl, key) {
	const response = await fetch(`${baseUrl}/v1/api/numbers`, {
		headers: { Authorization: `Api-Key ${key}` },
	});
	if (!response.ok)
		throw new Error(`Allo refused the API key (${response.status}); check ALLO_API_KEY.`);
	const { data } = await response.json();
	return data[0]?.number ?? '';
}

/** The credential and workflows this made before are kept; the credential follows the current target. */
async function provision(api, target) {
	const state = existsSync(stateFile)
		? JSON.parse(readFileSync(stateFile, 'utf8'))
		: { workflows: {} };
	const credential = {
		name: 'Allo',
		type: 'alloApi',
		data: { apiKey: target.key, baseUrl: target.baseUrl },
	};
	let saved = null;
	if (state.credentialId) {
		saved = await api('PATCH', `/api/v1/credentials/${state.credentialId}`, credential).catch(
			() => null,
		);
	}
	saved ??= await api('POST', '/api/v1/credentials', credential);
	state.credentialId = saved.id;
	step(`credential "${saved.name}" → ${target.label}`);

	const examples = exampleWorkflows(saved, target.from);
	for (const [key, workflow] of Object.entries(examples)) {
		const existing = state.workflows[key]
			? await api('GET', `/api/v1/workflows/${state.workflows[key]}`).catch(() => null)
			: null;
		const current = existing ?? (await api('POST', '/api/v1/workflows', workflow));
		state.workflows[key] = current.id;
		// n8n keeps a published workflow's webhook across restarts without asking Allo again, but the
		// sandbox starts empty and Allo itself cannot reach this n8n: unpublish, then publish anew
		// only against the sandbox, so the triggers register with it.
		if (current.active) await api('POST', `/api/v1/workflows/${current.id}/unpublish`);
		if (target.publish) await api('POST', `/api/v1/workflows/${current.id}/publish`);
		step(
			`workflow "${current.name}"${existing ? ' (kept)' : ' created'}${target.publish ? ', published' : ''}`,
		);
	}
	writeFileSync(stateFile, JSON.stringify(state, null, '\t'));
	if (target.sandbox) {
		// Publishing finishes after n8n answers; be ready only once the sandbox holds each webhook.
		const deadline = Date.now() + 30_000;
		while (target.sandbox.control.webhooks().v2.length < Object.keys(examples).length) {
			if (Date.now() > deadline)
				throw new Error(
					'The example workflows did not register their webhooks; see .n8n-dev/n8n.log.',
				);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		step('the sandbox holds one webhook per published workflow');
	}
}

async function main() {
	step(`n8n ${N8N_VERSION} in ${n8nDir}`);
	ensureN8n((line) => step(line));

	step('building the n8n package…');
	run('npm', ['run', 'build:n8n']);
	const packDir = path.join(userFolder, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	run('npm', ['pack', '--pack-destination', packDir]);
	const tarball = path.join(
		packDir,
		readdirSync(packDir).find((file) => file.endsWith('.tgz')),
	);
	installPackage(tarball, userFolder);
	step(`installed ${path.basename(tarball)} into ${path.relative(root, userFolder)}/.n8n/nodes`);

	let sandbox = null;
	let n8n = null;
	const stopAll = async () => {
		await n8n?.stop();
		await sandbox?.close();
	};
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			step('stopping…');
			stopAll().then(() => {
				step('stopped');
				process.exit(0);
			});
		});
	}

	try {
		let target;
		if (apiKey) {
			const baseUrl = process.env.ALLO_BASE_URL || 'https://api.withallo.com';
			target = {
				key: apiKey,
				baseUrl,
				label: baseUrl,
				publish: false,
				from: await senderNumber(baseUrl, apiKey),
			};
		} else {
			const { createSandbox } = require('../sandbox');
			sandbox = await createSandbox({ port: ports.sandbox });
			const key = sandbox.apiKeys[0].key;
			target = {
				key,
				baseUrl: sandbox.url,
				label: `the sandbox at ${sandbox.url}`,
				publish: true,
				sandbox,
				from: '+14155550100',
			};
			step(`Allo sandbox on ${sandbox.url} (API key ${key})`);
		}

		const logFile = path.join(userFolder, 'n8n.log');
		step(`starting n8n on http://127.0.0.1:${ports.http} (log: ${path.relative(root, logFile)})…`);
		const bcrypt = createRequire(path.join(n8nDir, 'node_modules', 'n8n', 'package.json'))(
			'bcryptjs',
		);
		n8n = await startN8n(
			userFolder,
			ports,
			{
				N8N_ENCRYPTION_KEY: 'allo-dev-encryption-key',
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
				N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
				N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
				N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
			},
			{ logFile },
		);
		n8n.exited.then((exit) => {
			if (stopping) return;
			console.error(
				`n8n stopped unexpectedly (${exit.code ?? exit.signal}):\n${n8n.output().slice(-4000)}`,
			);
			stopAll().then(() => process.exit(1));
		});
		step('n8n is up; owner set from the environment');

		const api = await n8nSession(n8n.url, '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
		await provision(api, target);

		console.log(`
n8n editor: ${n8n.url}
log in as:  ${OWNER.email} / ${OWNER.password}`);
		if (sandbox) {
			console.log(`
Try it (the sandbox delivers the events to the published workflows):
  curl -X POST ${sandbox.url}/_sandbox/calls -H 'content-type: application/json' -d '{"from":"+16285550123","to":"+14155550100"}'
  curl ${sandbox.url}/_sandbox/sms/sent`);
		} else {
			console.log(`
The example workflows are not published: Allo delivers webhooks only to public HTTPS URLs.
Expose n8n over HTTPS, set WEBHOOK_URL to that address, then publish them.`);
		}
		console.log(`\nCtrl-C stops n8n${sandbox ? ' and the sandbox' : ''}.`);
	} catch (error) {
		await stopAll();
		throw error;
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
