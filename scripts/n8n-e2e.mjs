// Loads the packed package into a real n8n, as the community-nodes installer lays it out, and runs
// Manual Trigger → Allo (Phone Number → Get Many) against a local stub of the Allo API.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureN8n, installPackage, n8nEnv } from './n8n-runtime.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_KEY = 'allo-e2e-key';
const NUMBERS = [
	{ number: '+14155550100', name: 'E2E Main Line', country: 'US', is_shared_number: false },
	{ number: '+33187654321', name: 'E2E Paris Office', country: 'FR', is_shared_number: true },
];

const freePort = () =>
	new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});

function startStub() {
	const seen = [];
	const server = createServer((request, response) => {
		seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
		const authorised = request.headers.authorization === `Api-Key ${API_KEY}`;
		response.setHeader('content-type', 'application/json');
		if (!authorised)
			return response
				.writeHead(401)
				.end(JSON.stringify({ code: 'API_KEY_INVALID', details: null }));
		if (request.method === 'GET' && request.url === '/v1/api/numbers')
			return response.end(JSON.stringify({ data: NUMBERS }));
		response.writeHead(404).end(JSON.stringify({ code: 'NOT_FOUND', details: null }));
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => resolve({ server, seen, port: server.address().port })),
	);
}

const n8nBin = ensureN8n();
const work = mkdtempSync(path.join(tmpdir(), 'allo-n8n-e2e-'));
const stub = await startStub();
let failed = false;
try {
	execFileSync('npm', ['run', 'build:n8n'], { cwd: root, stdio: 'inherit' });
	execFileSync('npm', ['pack', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
	const tarball = path.join(
		work,
		readdirSync(work).find((file) => file.endsWith('.tgz')),
	);
	const userFolder = path.join(work, 'user');
	installPackage(tarball, userFolder);

	const credentials = [
		{
			id: 'alloE2ECredential',
			name: 'Allo E2E',
			type: 'alloApi',
			data: { apiKey: API_KEY, baseUrl: `http://127.0.0.1:${stub.port}` },
		},
	];
	const workflow = {
		id: 'alloE2EPhoneNumbers',
		name: 'Allo E2E: phone numbers',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'a1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a2',
				name: 'Allo',
				type: 'n8n-nodes-allo.allo',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'phoneNumber', operation: 'getMany' },
				credentials: { alloApi: { id: 'alloE2ECredential', name: 'Allo E2E' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Allo', type: 'main', index: 0 }]] } },
	};
	writeFileSync(path.join(work, 'credentials.json'), JSON.stringify(credentials));
	writeFileSync(path.join(work, 'workflow.json'), JSON.stringify(workflow));

	const env = n8nEnv(userFolder, { http: await freePort(), broker: await freePort() });
	// Asynchronous, so this process keeps answering as the stub while n8n runs.
	const n8n = (...args) =>
		new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [n8nBin, ...args], { env });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('close', (code) =>
				code === 0
					? resolve(stdout)
					: reject(new Error(`n8n ${args[0]} exited with ${code}:\n${stdout}\n${stderr}`)),
			);
		});
	await n8n('import:credentials', `--input=${path.join(work, 'credentials.json')}`);
	await n8n('import:workflow', `--input=${path.join(work, 'workflow.json')}`);
	const output = await n8n('execute', `--id=${workflow.id}`, '--rawOutput');

	const run = JSON.parse(output.slice(output.indexOf('{')));
	const items = run.data.resultData.runData.Allo[0].data.main[0].map((item) => item.json);
	const names = items.map((item) => item.name);
	console.log(`n8n printed ${items.length} numbers: ${names.join(', ')}`);
	if (JSON.stringify(names) !== JSON.stringify(NUMBERS.map((n) => n.name)))
		throw new Error(`Unexpected output: ${JSON.stringify(items)}`);
	if (!stub.seen.some((line) => line.startsWith('GET /v1/api/numbers')))
		throw new Error('The stub was never called');
	console.log('n8n e2e: 1 passed, 0 failed');
} catch (error) {
	failed = true;
	console.error(error.message);
	console.log('n8n e2e: 0 passed, 1 failed');
} finally {
	stub.server.close();
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
