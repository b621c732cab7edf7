import { version as platformVersion, type App, type Create, type Search, type Trigger } from 'zapier-platform-core';
import { creates, searches, searchOrCreates } from './actions';
import { authentication, includeApiKey } from './authentication';
import { triggers } from './triggers';
import packageJson from '../package.json';

const app: App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>> = {
	version: packageJson.version,
	platformVersion,
	authentication,
	beforeRequest: [includeApiKey],
	// Allo's 429s are turned into ThrottledErrors with Allo's own delay by the core's error mapping.
	flags: { throwForThrottlingEarly: false },
	triggers,
	creates,
	searches,
	searchOrCreates,
};

export default app;
