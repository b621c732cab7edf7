import { normaliseCall } from '../../shared';

describe('normaliseCall', () => {
	it('reads the direction of a v2 conversation item, whose type is CALL', () => {
		const call = normaliseCall({
			id: 'cll-abc123',
			type: 'CALL',
			direction: 'OUTBOUND',
			allo_number: '+14155550100',
			contact_number: '+14155551234',
			date: '2026-01-15T10:30:00Z',
		});
		expect(call).toMatchObject({
			direction: 'OUTBOUND',
			from_number: '+14155550100',
			to_number: '+14155551234',
		});
	});

	it('reads the direction of a v1 call from its type', () => {
		expect(
			normaliseCall({ type: 'INBOUND', from_number: '+14155551234', to_number: '+14155550100' }),
		).toMatchObject({
			direction: 'INBOUND',
			allo_number: '+14155550100',
			contact_number: '+14155551234',
		});
	});
});
