import nock from 'nock';

// Tests never reach the internet: every HTTP call must be answered by a nock scope.
nock.disableNetConnect();

afterEach(() => {
	nock.cleanAll();
});
