import nock from 'nock';

// Tests never reach the internet: every HTTP call must be answered by a nock scope.
nock.disableNetConnect();

afterEach(() => {
	nock.cleanAll();
});

// Jest gives each test file its own nock, but they all patch the one http module: unpatch when a
// file ends, or the next file's requests reach this file's stale interceptors.
afterAll(() => {
	nock.restore();
});
