import { sampleQueue } from '../../records/v2Samples';
import { defineOperation } from '../define';
import { callOne, compact } from '../v2';
import { teammateField } from './powerDialerFields';

export const configurePowerDialer = defineOperation({
	resource: 'powerDialer',
	operation: 'configure',
	name: 'Configure',
	action: 'Configure the power dialer queue',
	description:
		'Create the current power dialer queue or change its name, voicemail handling and do-not-disturb; the numbers stay',
	endpoints: ['upsertDialingQueue'],
	fields: [
		{
			key: 'name',
			label: 'Queue Name',
			type: 'string',
			example: 'Monday prospects',
			group: 'updateFields',
		},
		{
			key: 'voicemailHandling',
			label: 'Voicemail Handling',
			type: 'options',
			group: 'updateFields',
			options: [
				{
					value: 'SKIP',
					label: 'Skip',
					description: 'Hang up on voicemail and dial the next number',
				},
				{
					value: 'NO_SKIP',
					label: 'Do Not Skip',
					description: 'Stay on the line to leave a voicemail',
				},
			],
		},
		{
			key: 'doNotDisturb',
			label: 'Do Not Disturb',
			type: 'options',
			group: 'updateFields',
			options: [
				{ value: 'ENABLED', label: 'On' },
				{ value: 'DISABLED', label: 'Off' },
			],
			description: 'Whether incoming calls are held back while the queue is being called',
		},
		teammateField,
	],
	sample: { ...sampleQueue },
	execute: callOne('upsertDialingQueue', (input) => ({
		body: compact({
			name: input.name,
			voicemail_handling: input.voicemailHandling,
			do_not_disturb: input.doNotDisturb,
			user_id: input.userId,
		}),
	})),
});
