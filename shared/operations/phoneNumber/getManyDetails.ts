import { sampleNumberV2 } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callList } from '../v2';

export const getManyPhoneNumberDetails = defineOperation({
	resource: 'phoneNumber',
	operation: 'getManyDetails',
	name: 'Get Many With Details',
	action: 'Get many phone numbers with details',
	description:
		'List the Allo numbers and sender IDs of the team with their capabilities (voice, SMS, MMS) and the teammates who use each one',
	endpoints: ['listNumbers'],
	fields: [],
	sample: { ...sampleNumberV2 },
	execute: callList('listNumbers'),
});
