'use strict';
// Reading requests and writing replies over node:http.

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

const isLoopbackAddress = (address) => address === '::1' || /^(::ffff:)?127\./.test(address ?? '');

/** Query string values, repeated keys kept as the last value (Allo takes single values only). */
const queryOf = (url) => Object.fromEntries(url.searchParams.entries());

/** Writes a Reply: no body, raw bytes (recordings) or JSON. */
function send(response, reply) {
	const headers = { ...reply.headers };
	if (reply.body === undefined) {
		response.writeHead(reply.status, headers).end();
	} else if (Buffer.isBuffer(reply.body)) {
		response
			.writeHead(reply.status, { ...headers, 'Content-Length': reply.body.length })
			.end(reply.body);
	} else {
		const text = JSON.stringify(reply.body);
		response.writeHead(reply.status, { 'Content-Type': 'application/json', ...headers }).end(text);
	}
}

module.exports = { readBody, isLoopbackAddress, queryOf, send };
