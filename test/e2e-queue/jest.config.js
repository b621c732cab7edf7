// `npm run e2e:queue`: n8n in queue mode (PostgreSQL, Redis, main, worker, two webhook processors)
// with the packed package, against the sandbox. Its own config, so `npm test` stays as it is.
/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	displayName: 'e2e-queue',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e-queue'],
	testMatch: ['**/*.test.js'],
	transform: {},
	globalSetup: '<rootDir>/test/e2e/globalSetup.js',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.js',
};
