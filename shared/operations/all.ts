/** Every user-facing operation, one declaration each. Adding one here adds it to both platforms. */
export { downloadRecording } from './call/downloadRecording';
export { getCall } from './call/get';
export { getManyCalls } from './call/getMany';
export { createContact } from './contact/create';
export { findContact } from './contact/find';
export { getContact } from './contact/get';
export { getManyContacts } from './contact/getMany';
export { updateContact } from './contact/update';
export { upsertContact } from './contact/upsert';
export { getManyConversation } from './conversation/getMany';
export { getManyPhoneNumbers } from './phoneNumber/getMany';
export { sendSms } from './sms/send';
export { createWebhook } from './webhook/create';
export { deleteWebhook } from './webhook/delete';
export { getManyWebhooks } from './webhook/getMany';
