// A round-robin HTTP load balancer on loopback, as a reverse proxy in front of n8n's webhook
// processors would be: each request goes to the next upstream that is ready. Ready means its
// `/healthz/readiness` answers 200, checked every 250 ms, as a real balancer's health check or
// Kubernetes' readiness probe does: while it starts, n8n answers every other request 200 "n8n is
// starting up", which a sender takes as delivered. An upstream that fails a request answers 502, and
// with none ready the balancer answers 503, so the sender retries (Allo does). Every answer from an
// upstream names it in `x-upstream` (its index).
const http = require('node:http');
const { freePort, sleep } = require('./processes');

const CHECK_EVERY_MS = 250;

/**
 * @param {number[]} upstreamPorts ports on 127.0.0.1
 * @returns {Promise<{ url: string, port: number, served: number[], failed: number[],
 *   allReady: (timeoutMs?: number) => Promise<void>, close: () => Promise<void> }>}
 */
async function startBalancer(upstreamPorts) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const served = upstreamPorts.map(() => 0);
	const failed = upstreamPorts.map(() => 0);
	const ready = upstreamPorts.map(() => false);

	const check = async (index) => {
		try {
			const answer = await fetch(`http://127.0.0.1:${upstreamPorts[index]}/healthz/readiness`, {
				signal: AbortSignal.timeout(1000),
			});
			await answer.arrayBuffer();
			ready[index] = answer.status === 200;
		} catch {
			ready[index] = false;
		}
	};
	let checking = true;
	const checks = (async () => {
		while (checking) {
			await Promise.all(upstreamPorts.map((_, index) => check(index)));
			await sleep(CHECK_EVERY_MS);
		}
	})();

	let turn = 0;
	const next = () => {
		for (let tried = 0; tried < upstreamPorts.length; tried += 1) {
			const index = turn++ % upstreamPorts.length;
			if (ready[index]) return index;
		}
		return null;
	};
	const server = http.createServer((request, response) => {
		const index = next();
		if (index === null) {
			response.writeHead(503, { 'content-type': 'application/json' });
			response.end('{"message":"no upstream ready"}');
			return;
		}
		const upstream = http.request(
			{
				host: '127.0.0.1',
				port: upstreamPorts[index],
				method: request.method,
				path: request.url,
				headers: request.headers,
				agent,
			},
			(answer) => {
				served[index] += 1;
				response.writeHead(answer.statusCode ?? 502, {
					...answer.headers,
					'x-upstream': String(index),
				});
				answer.pipe(response);
			},
		);
		upstream.on('error', () => {
			failed[index] += 1;
			if (response.headersSent) {
				response.destroy();
				return;
			}
			response.writeHead(502, { 'content-type': 'application/json', 'x-upstream': String(index) });
			response.end('{"message":"upstream unavailable"}');
		});
		request.pipe(upstream);
	});
	const port = await freePort();
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		served,
		failed,
		/** Resolves once every upstream passed its readiness check. */
		async allReady(timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (!ready.every(Boolean)) {
				if (Date.now() > deadline) throw new Error('Not every upstream became ready');
				await sleep(CHECK_EVERY_MS);
			}
		},
		close: async () => {
			checking = false;
			await checks;
			agent.destroy();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { startBalancer };
