import nock from 'nock';

// Tests never reach the internet: every HTTP call must be answered by a nock scope.
nock.disableNetConnect();

afterEach(() => {
	nock.cleanAll();
});

// Each test file loads its own nock, but only one can intercept at a time: the next file's
// nock takes over once this one lets go of Node's HTTP modules.
afterAll(() => {
	nock.restore();
});
