import { creates, searches, searchOrCreates } from './actions';
import { authentication, includeApiKey } from './authentication';
import { hydrators } from './hydrators';
import { triggers } from './triggers';
import packageJson from '../package.json';
import type { App } from './platform';

const app: App = {
	version: packageJson.version,
	// The pinned core Zapier runs the app with.
	platformVersion: packageJson.dependencies['zapier-platform-core'],
	authentication,
	beforeRequest: [includeApiKey],
	// Allo's 429s are turned into ThrottledErrors with Allo's own delay by the core's error mapping.
	flags: { throwForThrottlingEarly: false },
	hydrators,
	triggers,
	creates,
	searches,
	searchOrCreates,
};

export default app;
