// npm start's example workflows, also run by the end-to-end tests: a completed call finds or creates
// the caller's contact and texts a known caller a follow-up; a new contact gets a welcome text.
const { randomUUID } = require('node:crypto');

const node = (name, type, position, parameters, extra = {}) => ({
	id: randomUUID(),
	name,
	type,
	typeVersion: 1,
	position,
	parameters,
	...extra,
});

/** The two workflows, using `credential` and texting from the Allo number `from`. */
function exampleWorkflows(credential, from) {
	const credentials = { alloApi: { id: credential.id, name: credential.name } };
	const trigger = (events) =>
		node(
			'Allo Trigger',
			'n8n-nodes-allo.alloTrigger',
			[0, 0],
			{ api: 'v2', events, options: {} },
			{
				webhookId: randomUUID(),
				credentials,
			},
		);
	const allo = (name, position, parameters) =>
		node(name, 'n8n-nodes-allo.allo', position, parameters, { credentials });
	const chain = (...names) =>
		Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
		);
	const number = (value) => ({ __rl: true, mode: 'id', value });
	return {
		// A caller who is already a contact gets a follow-up; a new caller becomes a contact, and the
		// welcome workflow greets them: one text per call, never two at once.
		followUp: {
			name: 'Allo: follow up after a call',
			settings: {},
			nodes: [
				trigger(['call.completed']),
				allo('Find or Create Contact', [240, 0], {
					resource: 'contact',
					operation: 'upsert',
					phoneNumber: '={{ $json.call.contact_number }}',
					additionalFields: {},
				}),
				node(
					'Known Caller?',
					'n8n-nodes-base.if',
					[480, 0],
					{
						conditions: {
							options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
							conditions: [
								{
									id: randomUUID(),
									leftValue: '={{ $json.created }}',
									rightValue: '',
									operator: { type: 'boolean', operation: 'false', singleValue: true },
								},
							],
							combinator: 'and',
						},
						options: {},
					},
					{ typeVersion: 2.2 },
				),
				allo('Send Follow-up', [720, -100], {
					resource: 'sms',
					operation: 'send',
					sender: 'alloNumber',
					from: number("={{ $('Allo Trigger').item.json.allo_number }}"),
					to: "={{ $('Allo Trigger').item.json.call.contact_number }}",
					message:
						"=Hi{{ $json.full_name ? ' ' + $json.full_name : '' }}, thanks for your call! Reply here if we can help with anything else.",
				}),
			],
			connections: chain(
				'Allo Trigger',
				'Find or Create Contact',
				'Known Caller?',
				'Send Follow-up',
			),
		},
		welcome: {
			name: 'Allo: welcome new contacts',
			settings: {},
			nodes: [
				trigger(['contact.created']),
				allo('Send Welcome', [240, 0], {
					resource: 'sms',
					operation: 'send',
					sender: 'alloNumber',
					from: number(from),
					to: '={{ $json.contact.numbers[0] }}',
					message:
						"=Welcome{{ $json.contact.full_name ? ', ' + $json.contact.full_name : '' }}! Thanks for getting in touch: save this number to reach us any time.",
				}),
			],
			connections: chain('Allo Trigger', 'Send Welcome'),
		},
	};
}

module.exports = { exampleWorkflows };
