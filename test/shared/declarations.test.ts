import { alloNumberField, choiceField, contactIdField } from '../../shared/operations/commonFields';
import { defineOperation } from '../../shared/operations/define';
import { getById } from '../../shared/operations/getById';
import { sendSms } from '../../shared/operations/sms/send';
import type { InputOf } from '../../shared/operations/types';
import { validateInput } from '../../shared/validation/input';
import { allo, alloClient } from '../support/allo';

/**
 * `execute` gets its input typed from the declared fields. The `@ts-expect-error` lines are
 * checked by `npm run typecheck`: each fails to compile if the inference it guards is lost.
 */
const fields = [
	choiceField(
		'mode',
		'Mode',
		[
			{ value: 'byNumber', label: 'By Number' },
			{ value: 'byContact', label: 'By Contact' },
		],
		'How to pick',
	),
	alloNumberField({ required: true, showWhen: { mode: ['byNumber'] } }),
	contactIdField({ showWhen: { mode: ['byContact'] } }),
	{ key: 'count', label: 'Count', type: 'number' },
	{ key: 'flag', label: 'Flag', type: 'boolean', required: true },
	{ key: 'tags', label: 'Tags', type: 'multiOptions', options: [{ value: 'a', label: 'A' }] },
] as const;
type Input = InputOf<typeof fields>;

const describeInput = (input: Input): string => {
	const flag: boolean = input.flag;
	const count: number | undefined = input.count;
	const tags: Array<'a'> | undefined = input.tags;
	// @ts-expect-error an optional field may be absent
	const absent: number = input.count;
	// @ts-expect-error no field has this key
	void input.unknownKey;
	// @ts-expect-error shown only when mode is byNumber
	const hidden: string = input.alloNumber;
	void [absent, hidden];
	if (input.mode === 'byNumber') return `${input.alloNumber} ${flag} ${count} ${tags}`;
	return `${input.contactId} ${flag}`;
};

describe('typed declarations', () => {
	test('validated input has the types its fields declare', () => {
		const operation = defineOperation({
			resource: 'call',
			operation: 'example',
			name: 'Example',
			action: 'Run an example',
			description: 'An example',
			endpoints: [],
			fields,
			sample: {},
			execute: async (_context, input) => [{ text: describeInput(input) }],
		});
		const input = validateInput(operation, {
			mode: 'byNumber',
			alloNumber: '+1 415 555 0100',
			flag: 'yes',
			count: '3',
		});
		expect(input).toEqual({ mode: 'byNumber', alloNumber: '+14155550100', flag: true, count: 3 });
	});

	test('the send SMS input narrows on its sender', () => {
		type SmsInput = Parameters<typeof sendSms.execute>[1];
		const from = (input: SmsInput) => (input.sender === 'alloNumber' ? input.from : input.senderId);
		expect(
			from({ sender: 'senderId', senderId: 'MyShop', to: '+33612345678', message: 'Hi' }),
		).toBe('MyShop');
	});

	test('getById reads the record named by its ID field', async () => {
		const scope = allo()
			.get('/v1/api/contact/cnt_1')
			.query({ extend: 'activity' })
			.reply(200, {
				data: { id: 'cnt_1' },
			});
		const execute = getById({
			endpoint: 'getContact',
			pathParameter: 'contact_id',
			idField: 'contactId',
			extend: 'activity',
			normalise: (raw) => ({ raw }),
		});
		const { client } = alloClient();
		const records = await execute({ client, page: { returnAll: false } }, { contactId: 'cnt_1' });
		expect(records).toEqual([{ raw: { id: 'cnt_1' } }]);
		scope.done();
	});
});
