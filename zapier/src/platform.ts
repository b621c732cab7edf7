/**
 * Zapier's types, referenced by type only: Zapier hands the app its `z` object at runtime, so
 * the compiled app never loads zapier-platform-core itself.
 */

export type ZObject = import('zapier-platform-core').ZObject;
export type Bundle = import('zapier-platform-core').Bundle;
export type Authentication = import('zapier-platform-core').Authentication;
export type BeforeRequestMiddleware = import('zapier-platform-core').BeforeRequestMiddleware;
export type Trigger = import('zapier-platform-core').Trigger;
export type Create = import('zapier-platform-core').Create;
export type Search = import('zapier-platform-core').Search;
export type SearchOrCreate = import('zapier-platform-core').SearchOrCreate;
export type ThrottleObject = import('zapier-platform-core').ThrottleObject;
export type PlainInputField = import('zapier-platform-core').PlainInputField;
export type PlainOutputField = import('zapier-platform-core').PlainOutputField;
export type App = import('zapier-platform-core').App<
	Record<string, Trigger>,
	Record<string, Create>,
	Record<string, Search>
>;
