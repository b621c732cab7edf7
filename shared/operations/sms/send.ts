import { normaliseSentMessage } from '../../records/message';
import { sampleSentMessage } from '../../records/samples';
import {
	requireFrenchNumber,
	requireMessage,
	requireSameCountry,
	requireSenderId,
	SMS_MAX_LENGTH,
} from '../../validation/rules';
import { alloNumberField, choiceField } from '../commonFields';
import { defineOperation } from '../define';

export const sendSms = defineOperation({
	resource: 'sms',
	operation: 'send',
	name: 'Send',
	action: 'Send an SMS',
	description:
		'Send a text from one of your Allo numbers to a number in the same country, or to a French number from your verified sender ID. Never resent automatically, so no text goes out twice.',
	endpoints: ['sendSms', 'sendSmsFrance'],
	fields: [
		choiceField(
			'sender',
			'Send From',
			[
				{
					value: 'alloNumber',
					label: 'Allo Number',
					description: 'One of your Allo phone numbers',
				},
				{
					value: 'senderId',
					label: 'Sender ID (France)',
					description: 'Your verified alphanumeric sender ID, for French numbers',
				},
			],
			'Whether the text comes from an Allo number or from a French sender ID',
		),
		alloNumberField({
			key: 'from',
			label: 'From',
			required: true,
			description: 'The Allo number that sends the text',
			showWhen: { sender: ['alloNumber'] },
		}),
		{
			key: 'senderId',
			label: 'Sender ID',
			type: 'string',
			required: true,
			example: 'MyShop',
			description:
				'Your sender ID verified by Allo: 3 to 11 letters or digits, at least one letter',
			showWhen: { sender: ['senderId'] },
		},
		{
			key: 'to',
			label: 'To',
			type: 'phone',
			required: true,
			example: '+14155551234',
			description: 'The recipient, in E.164 format, in the same country as the Allo number',
			showWhen: { sender: ['alloNumber'] },
		},
		{
			key: 'to',
			label: 'To',
			type: 'phone',
			required: true,
			example: '+33612345678',
			description: 'The French recipient, in E.164 format (+33)',
			showWhen: { sender: ['senderId'] },
		},
		{
			key: 'message',
			label: 'Message',
			type: 'text',
			required: true,
			example: 'Your order just shipped 📦',
			description: `The text to send, 1 to ${SMS_MAX_LENGTH} characters (an emoji counts as one)`,
		},
	],
	sample: { ...sampleSentMessage },
	simplifiedKeys: ['direction', 'allo_number', 'contact_number', 'sender_id', 'content', 'sent_at'],
	async execute({ client }, input) {
		const { to } = input;
		const message = requireMessage(input.message, 'message', 'Message');
		if (input.sender === 'senderId') {
			const senderId = requireSenderId(input.senderId, 'senderId', 'Sender ID');
			requireFrenchNumber(to, 'to', 'To');
			const sent = await client.call('sendSmsFrance', {
				body: { sender_id: senderId, to, message },
			});
			return [{ ...normaliseSentMessage(sent) }];
		}
		const { from } = input;
		requireSameCountry(from, to, 'to', 'To');
		const sent = await client.call('sendSms', { body: { from, to, message } });
		return [{ ...normaliseSentMessage(sent) }];
	},
});
