/** Types of the Allo sandbox (sandbox/index.js), for TypeScript tests. */

export interface SandboxApiKey {
	key: string;
	/** Defaults to every scope. */
	scopes?: string[];
	/** Requests per UTC day on /v1/api; defaults to the sandbox's dailyQuota. */
	dailyQuota?: number;
	/** The api_key_id GET /v2/api/me reports. */
	id?: string;
}

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Defaults to one key, `ak_live_sandbox_demo`, with every scope. */
	apiKeys?: SandboxApiKey[];
	/** Default 1000, Allo's documented example. */
	dailyQuota?: number;
	/** Added before every API answer. */
	latencyMs?: number;
	/** Per key; Allo's defaults are 20 reads and 5 writes per second. */
	rateLimits?: { readsPerSecond?: number; writesPerSecond?: number };
	/** Seeded demo data; false for a workspace with numbers only. */
	seed?: false | { contacts?: number; calls?: number; messages?: number; randomSeed?: number };
	/** Milliseconds since the epoch; defaults to Date.now. */
	clock?: () => number;
	/** Allo's OpenAPI document; defaults to contract/openapi.json. */
	openapiPath?: string;
	/** Refuse undeclared query parameters and body properties (default true). */
	strict?: boolean;
	/** Waits between delivery attempts; their count bounds the retries. */
	webhookRetryDelaysMs?: number[];
	webhookTimeoutMs?: number;
}

export interface DeliveryAttempt {
	at: string;
	status_code: number | null;
	error: string | null;
}

export interface Delivery {
	/** The `webhook-id` of v2 deliveries, the same on every attempt. */
	id: string;
	api: 'v1' | 'v2';
	webhook_id: string;
	topic: string;
	url: string;
	status: 'pending' | 'delivered' | 'failed' | 'refused';
	payload: { topic: string; data: Record<string, unknown>; version?: string; timestamp?: string };
	attempts: DeliveryAttempt[];
}

export interface LoggedRequest {
	at: string;
	method: string;
	path: string;
	query: string;
	status: number;
	endpoint: string | null;
	key_id: string | null;
}

export interface SimulatedCall {
	from: string;
	to: string;
	direction?: 'INBOUND' | 'OUTBOUND';
	result?: string;
	summary?: string;
	oneSentenceSummary?: string;
	transcript?: Array<[string, string]>;
	durationSeconds?: number;
	recording?: boolean;
	tags?: string[];
}

export interface SandboxControl {
	/** Fires call.received (inbound), then call.completed and the v1 CALL_RECEIVED; returns the v1 call. */
	simulateCall(
		call: SimulatedCall,
	): Record<string, unknown> & { id: string; recording_url: string | null };
	/** Fires sms.received and the v1 SMS_RECEIVED. */
	simulateInboundSms(sms: {
		from: string;
		to: string;
		content: string;
	}): Record<string, unknown> & { id: string };
	sentSms(): Array<Record<string, unknown> & { id: string }>;
	webhooks(): { v1: Array<Record<string, unknown>>; v2: Array<Record<string, unknown>> };
	/** A webhook deleted outside the integration, as in Allo's settings. */
	deleteWebhook(id: string): void;
	/** Switches a webhook off (as Allo does after a day of failed deliveries) or on. */
	setWebhookEnabled(id: string, enabled: boolean): void;
	deliveries(): Delivery[];
	requests(): LoggedRequest[];
	/** Resolves once no delivery is pending. */
	idle(): Promise<void>;
	reset(): void;
}

export interface Sandbox {
	url: string;
	port: number;
	apiKeys: Array<{ key: string; id: string; scopes: string[] }>;
	control: SandboxControl;
	close(): Promise<void>;
}

export function createSandbox(options?: SandboxOptions): Promise<Sandbox>;

export interface ReceivedDelivery {
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	body: unknown;
	path: string;
	status: number;
}

export interface Receiver {
	url: string;
	received: ReceivedDelivery[];
	close(): Promise<void>;
}

/** A local endpoint recording deliveries; `status` answers each, or is a function of the arrival count. */
export function createReceiver(options?: {
	status?: number | ((arrival: number) => number);
	port?: number;
}): Promise<Receiver>;

export const endpoints: ReadonlyArray<{
	name: string;
	method: string;
	path: string;
	version: 'v1' | 'v2';
	scope?: string;
}>;
/** Allo's OpenAPI document as the sandbox validates with: dangling reference aliased, nullable made explicit. */
export function loadDocument(file?: string): {
	paths: Record<string, Record<string, Record<string, unknown>>>;
	components: Record<string, Record<string, Record<string, unknown>>>;
};
export function silentMp3(seconds?: number): Uint8Array;
export function sleep(ms: number): Promise<void>;
export const ALL_SCOPES: readonly string[];
export const DEMO_API_KEY: string;
export const DEFAULT_DAILY_QUOTA: number;
