'use strict';
// The Allo sandbox: a local, stateful Allo API for tests, demos and benchmarks.
const { createSandbox, ALL_SCOPES, DEMO_API_KEY, DEFAULT_DAILY_QUOTA, sleep } = require('./server');
const { createReceiver } = require('./receiver');
const { routes } = require('./routes');
const { silentMp3 } = require('./mp3');
const { loadDocument } = require('./openapi');

/** Each endpoint the sandbox serves, with the scope it requires. */
const endpoints = routes.map(({ name, method, path, version, scope }) => ({
	name,
	method,
	path,
	version,
	scope,
}));

module.exports = {
	createSandbox,
	createReceiver,
	endpoints,
	loadDocument,
	silentMp3,
	sleep,
	ALL_SCOPES,
	DEMO_API_KEY,
	DEFAULT_DAILY_QUOTA,
};
