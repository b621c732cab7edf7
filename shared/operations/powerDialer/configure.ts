import { sampleQueue } from '../../records/v2Samples';
import { groupedChoiceField } from '../commonFields';
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
		groupedChoiceField(
			{ key: 'voicemailHandling', label: 'Voicemail Handling', group: 'updateFields' },
			{
				SKIP: ['Skip', 'Hang up on voicemail and dial the next number'],
				NO_SKIP: ['Do Not Skip', 'Stay on the line to leave a voicemail'],
			},
		),
		groupedChoiceField(
			{ key: 'doNotDisturb', label: 'Do Not Disturb', group: 'updateFields' },
			{ ENABLED: 'On', DISABLED: 'Off' },
			'Whether incoming calls are held back while the queue is being called',
		),
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
