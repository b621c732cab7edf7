'use strict';
// The demo workspace: numbers in the US and France, a sender ID, contacts, calls and texts.
const { seededRandom, idMaker } = require('./data');

const HOUR = 60 * 60 * 1000;

const FIRST_NAMES = [
	'Jane',
	'John',
	'Camille',
	'Lucas',
	'Maya',
	'Omar',
	'Chloé',
	'Noah',
	'Inès',
	'Liam',
	'Sofia',
	'Hugo',
];
const LAST_NAMES = [
	'Doe',
	'Martin',
	'Smith',
	'Bernard',
	'Garcia',
	'Dubois',
	'Johnson',
	'Moreau',
	'Lee',
	'Laurent',
];
const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', null];
const JOBS = ['Head of Sales', 'CEO', 'Office Manager', 'CTO', null];
const ENGAGEMENT = ['ENGAGED', 'COOLING', 'COLD', null];

/** Conversations the seeded calls are about: summary, one-line summary, tag and transcript. */
const TOPICS = [
	{
		summary:
			'Customer called about the status of order #1042 and asked for the delivery date. Agent confirmed it ships today.',
		short: 'Order status inquiry',
		tag: 'support',
		lines: [
			['USER', 'Hello, Acme support, how can I help you today?'],
			['EXTERNAL', "Hi, I'm calling about my order 1042, when will it arrive?"],
			['USER', 'It ships today and should arrive on Thursday.'],
			['EXTERNAL', 'Perfect, thank you!'],
		],
	},
	{
		summary:
			'Prospect asked for a demo of the team plan for 12 seats. Demo booked for next Tuesday at 10am.',
		short: 'Demo request for the team plan',
		tag: 'sales',
		lines: [
			['USER', 'Good morning, this is Acme sales.'],
			['EXTERNAL', "Hi, we'd like a demo of your team plan for 12 people."],
			['USER', 'Sure, does next Tuesday at 10am work for you?'],
			['EXTERNAL', 'Tuesday works, see you then.'],
		],
	},
	{
		summary:
			'Caller reported a billing error on the last invoice. Agent issued a refund of the duplicate charge.',
		short: 'Duplicate charge refunded',
		tag: 'billing',
		lines: [
			['USER', 'Acme billing, how can I help?'],
			['EXTERNAL', 'I was charged twice on my last invoice.'],
			['USER', "I see it; I've refunded the duplicate charge."],
		],
	},
];

const SMS_TEXTS = [
	['OUTBOUND', 'Thanks for your call! Your order ships today.'],
	['INBOUND', 'Great, thanks. Can I get the tracking number?'],
	['OUTBOUND', 'Sure: 1Z999AA10123456784.'],
	['INBOUND', 'Is the demo still on for Tuesday?'],
	['OUTBOUND', 'Yes, see you Tuesday at 10am.'],
];

/** The workspace's Allo numbers; the French line texts through the sender ID, as Allo requires. */
const NUMBERS = [
	{
		number: '+14155550100',
		name: 'Main Line',
		country: 'US',
		is_shared_number: false,
		smsFromNumber: true,
	},
	{
		number: '+14155550101',
		name: 'Support',
		country: 'US',
		is_shared_number: true,
		smsFromNumber: true,
	},
	{
		number: '+33187654321',
		name: 'France Office',
		country: 'FR',
		is_shared_number: true,
		smsFromNumber: false,
	},
];

const SENDER_IDS = [
	{ sender_id: 'AlloShop', active: true },
	{ sender_id: 'AlloPromo', active: false },
];

const TEAM = { id: 'team-sandbox', name: 'Sandbox Team' };
const USERS = [
	{ id: 'usr-sandbox-ada', name: 'Ada Admin', email: 'ada@sandbox.example' },
	{ id: 'usr-sandbox-sam', name: 'Sam Sales', email: 'sam@sandbox.example' },
];

/** Contact i's phone number: one in three is French, the rest American; all distinct. */
function contactNumber(i) {
	return i % 3 === 2
		? `+336${String(10000000 + i).slice(-8)}`
		: `+1628${String(2000000 + i).padStart(7, '0')}`;
}

/**
 * @param {{ now: number, contacts?: number, calls?: number, messages?: number, randomSeed?: number }} options
 */
function seedState({ now, contacts = 50, calls = 40, messages = 60, randomSeed = 1 }) {
	const random = seededRandom(randomSeed);
	const id = idMaker(random);

	const contactRecords = Array.from({ length: contacts }, (_, i) => {
		const name = FIRST_NAMES[i % FIRST_NAMES.length];
		const lastName = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
		const companyName = COMPANIES[i % COMPANIES.length];
		const created = now - (contacts - i) * HOUR;
		return {
			id: id('cnt_'),
			name,
			last_name: lastName,
			numbers: [contactNumber(i)],
			emails: [
				`${name
					.toLowerCase()
					.normalize('NFD')
					.replace(/[^a-z]/g, '')}.${lastName.toLowerCase()}${i}@example.com`,
			],
			company: companyName
				? { id: `com_${companyName.replace(/\W/g, '').toLowerCase()}`, name: companyName }
				: null,
			job_title: JOBS[i % JOBS.length],
			website: companyName
				? `https://${companyName.replace(/\W/g, '').toLowerCase()}.example`
				: null,
			status: 'active',
			is_archived: false,
			is_whitelisted: i % 4 === 0,
			engagement: ENGAGEMENT[i % ENGAGEMENT.length],
			custom_properties: { preferred_language: i % 3 === 2 ? 'French' : 'English' },
			integration_data: {},
			created_at: created,
			updated_at: created,
		};
	});

	const sameCountry = (alloNumber) =>
		contactRecords
			.filter((c) => c.numbers[0].startsWith(alloNumber.startsWith('+33') ? '+33' : '+1'))
			.slice(0, 25);

	const callRecords = [];
	for (let i = 0; i < calls && contactRecords.length; i++) {
		const line = NUMBERS[i % NUMBERS.length];
		const counterparts = sameCountry(line.number);
		if (!counterparts.length) continue;
		const contact = counterparts[(i * 7) % counterparts.length];
		const topic = TOPICS[i % TOPICS.length];
		const answered = i % 5 !== 4;
		callRecords.push({
			id: id('cll-'),
			direction: i % 2 === 0 ? 'INBOUND' : 'OUTBOUND',
			allo_number: line.number,
			contact_number: contact.numbers[0],
			start: now - (i + 1) * 7 * HOUR,
			duration_seconds: answered ? 60 + Math.floor(random() * 400) : 25,
			result: answered ? 'ANSWERED' : 'VOICEMAIL',
			summary: answered ? topic.summary : 'Caller left a voicemail asking to be called back.',
			one_sentence_summary: answered ? topic.short : 'Voicemail: call back',
			tags: answered ? [topic.tag] : ['voicemail'],
			transcript: answered
				? topic.lines.map(([source, text], n) => ({ source, text, offset: 2 + n * 6 }))
				: [],
			recording: answered,
			user: USERS[i % USERS.length],
		});
	}

	const messageRecords = [];
	for (let i = 0; i < messages && contactRecords.length; i++) {
		const [direction, content] = SMS_TEXTS[i % SMS_TEXTS.length];
		const french = i % 4 === 3;
		const line = french ? NUMBERS[2] : NUMBERS[i % 2];
		const counterparts = sameCountry(line.number);
		if (!counterparts.length) continue;
		const contact = counterparts[i % counterparts.length];
		const viaSenderId = french && direction === 'OUTBOUND';
		messageRecords.push({
			id: id('msg-'),
			direction,
			allo_number: viaSenderId ? null : line.number,
			sender_id: viaSenderId ? SENDER_IDS[0].sender_id : null,
			contact_number: contact.numbers[0],
			content,
			date: now - (i + 1) * 5 * HOUR - 30 * 60 * 1000,
			message_type: 'SMS',
			status: 'DELIVERED',
			user: direction === 'OUTBOUND' ? USERS[0] : null,
		});
	}

	return {
		team: TEAM,
		users: USERS,
		numbers: NUMBERS.map((n) => ({ ...n })),
		senderIds: SENDER_IDS.map((s) => ({ ...s })),
		contacts: contactRecords,
		calls: callRecords,
		messages: messageRecords,
		newId: id,
	};
}

module.exports = { seedState };
