#!/usr/bin/env node
'use strict';
// Runs the Allo sandbox: node sandbox/cli.js [--port 4010] [--contacts 50] [--latency 0] [--quota 1000]
const { parseArgs } = require('node:util');
const { createSandbox, DEMO_API_KEY } = require('./index');

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '4010' },
			contacts: { type: 'string', default: '50' },
			latency: { type: 'string', default: '0' },
			quota: { type: 'string' },
			key: { type: 'string', default: DEMO_API_KEY },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) {
		process.stdout.write(
			'Usage: node sandbox/cli.js [--port 4010] [--contacts 50] [--latency ms] [--quota per-day] [--key api-key]\n',
		);
		return;
	}
	const sandbox = await createSandbox({
		port: Number(values.port),
		latencyMs: Number(values.latency),
		seed: { contacts: Number(values.contacts) },
		apiKeys: [{ key: values.key }],
		...(values.quota ? { dailyQuota: Number(values.quota) } : {}),
	});
	process.stdout.write(
		[
			`Allo sandbox listening on ${sandbox.url}`,
			`API key: ${values.key}  (Authorization: Api-Key ${values.key})`,
			`Control API: ${sandbox.url}/_sandbox`,
			'',
		].join('\n'),
	);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
