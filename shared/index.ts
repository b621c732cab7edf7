/** The Allo core shared by the n8n nodes and the Zapier app. */
export * from './transport';
export { fetchTransport, type FetchTransportOptions } from './transports/fetch';
export * from './json';
export * from './account';
export {
	endpoints,
	type Endpoint,
	type EndpointName,
	type Scope,
	type ApiVersion,
} from './catalog/endpoints';
export {
	AlloClient,
	unwrap,
	type AlloClientOptions,
	type RequestKind,
	type RequestParts,
} from './http/client';
export {
	authorizationHeader,
	isAlloApiUrl,
	normaliseBaseUrl,
	API_KEYS_PAGE,
	DEFAULT_BASE_URL,
} from './http/auth';
export { AlloError, isAlloError, type AlloErrorKind, type NextStep } from './http/errors';
export { inputError } from './validation/inputError';
export { settle } from './settle';
export { errorCatalog } from './http/errorCatalog';
export { errorFromResponse } from './http/responseErrors';
export {
	paginate,
	mapConcurrent,
	DEFAULT_LIMIT,
	MAX_PAGE_SIZE,
	type PageSelection,
} from './http/pagination';
export { RATE_LIMITS } from './http/rateLimit';
export { sharedPacers, MAX_SHARED_KEYS, type Pacers } from './http/pacers';
export {
	runItems,
	runOperationItems,
	itemPlan,
	operationKind,
	type Batching,
	type ItemResult,
	type ItemsOptions,
	type OperationItemsOptions,
} from './items';
export type * from './operations/types';
export { defineOperation } from './operations/define';
export { getById, type GetByIdOptions } from './operations/getById';
export { AlloFile } from './operations/file';
export { operations, resources, findOperation, type ResourceDeclaration } from './operations/index';
export { runOperation } from './operations/run';
export { ALL_NUMBERS, alloNumberField } from './operations/commonFields';
export {
	webhookApiField,
	v1TopicOptions,
	v2TopicOptions,
} from './operations/webhook/webhookFields';
export { validateInput } from './validation/input';
export { toE164, requireE164, callingCode, E164_EXAMPLE } from './validation/phone';
export { phoneNumberOptions } from './lists/phoneNumbers';
export { TEAM_LISTS, type TeamListSource } from './lists/team';
export { choiceName, contactChoices, type ContactChoice, type ContactPage } from './lists/contacts';
export { recentMessages, type MessageQuery } from './lists/messages';
export { normaliseCall, type Call, type TranscriptLine } from './records/call';
export { normaliseContact, type Contact } from './records/contact';
export { normaliseMessage, type Message } from './records/message';
export {
	normalisePhoneNumber,
	normaliseWebhook,
	type PhoneNumber,
	type Webhook,
} from './records/misc';
export * from './records/samples';
export * from './webhooks/topics';
export { normaliseEvent, eventMatchesNumbers, type AlloEvent } from './webhooks/event';
export {
	verifySignature,
	SIGNATURE_FAILURES,
	SIGNATURE_TOLERANCE_SECONDS,
	type SignatureResult,
	type SignedDelivery,
} from './webhooks/signature';
export {
	DeliveryLedger,
	deliveryKey,
	cutDepth,
	DELIVERY_CAPACITY,
	DELIVERY_HORIZON_SECONDS,
	MAX_PAYLOAD_DEPTH,
	CUT_MARKER,
} from './webhooks/deliveries';
export {
	subscribe,
	unsubscribe,
	enableWebhook,
	fetchSubscription,
	listWebhooks,
	type Subscription,
	type SubscribeRequest,
} from './webhooks/subscriptions';
