'use strict';
// The v2 endpoints beyond calls, contacts, texts and webhooks, one file per area.
module.exports = [
	...require('./team'),
	...require('./items'),
	...require('./crm'),
	...require('./dialer'),
	...require('./analytics'),
	...require('./templates'),
];
