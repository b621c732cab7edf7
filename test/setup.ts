import nock from 'nock';

// Tests never reach the internet: every HTTP call must be answered by a nock scope.
nock.disableNetConnect();

afterEach(() => {
	nock.cleanAll();
});

// Test files share worker processes: unpatch Node's http so this file's nock stops
// intercepting the next file's requests (the sandbox's webhook deliveries among them).
afterAll(() => {
	nock.restore();
});
