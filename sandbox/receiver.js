'use strict';
// A local endpoint that records webhook deliveries, for tests and demos.
const http = require('node:http');

/**
 * @param {{ status?: number | ((attempt: number) => number), port?: number }} [options]
 *   `status` answers every delivery, or is a function of the delivery's 1-based arrival count.
 */
async function createReceiver(options = {}) {
	/** @type {Array<{ headers: Record<string, string | string[] | undefined>, rawBody: string, body: unknown, path: string, status: number }>} */
	const received = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body;
			try {
				body = JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
			const status =
				typeof options.status === 'function'
					? options.status(received.length + 1)
					: (options.status ?? 200);
			received.push({ headers: request.headers, rawBody, body, path: request.url ?? '/', status });
			response
				.writeHead(status, { 'content-type': 'text/plain' })
				.end(status < 300 ? 'ok' : 'failed');
		});
	});
	await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

module.exports = { createReceiver };
