// A round-robin HTTP load balancer on loopback, as a reverse proxy in front of n8n's webhook
// processors would be: each request goes to the next upstream; an upstream that is down answers
// 502, so the sender retries (Allo does) and the retry goes to the next one. Every answer names the
// upstream that gave it in `x-upstream` (its index).
const http = require('node:http');
const { freePort } = require('./processes');

/**
 * @param {number[]} upstreamPorts ports on 127.0.0.1
 * @returns {Promise<{ url: string, port: number, served: number[], failed: number[], close: () => Promise<void> }>}
 */
async function startBalancer(upstreamPorts) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
	const served = upstreamPorts.map(() => 0);
	const failed = upstreamPorts.map(() => 0);
	let turn = 0;
	const server = http.createServer((request, response) => {
		const index = turn++ % upstreamPorts.length;
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
		close: () =>
			new Promise((resolve) => {
				agent.destroy();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startBalancer };
