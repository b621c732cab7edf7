import { allo, App, authData, run } from './helpers';

describe('Zapier dropdowns', () => {
	it('lists the Allo numbers with their names', async () => {
		allo()
			.get('/v1/api/numbers')
			.reply(200, {
				data: [
					{ number: '+14155550100', name: 'Main Line', country: 'US' },
					{ number: '+33612345678', country: 'FR', is_shared_number: true },
				],
			});
		const options = await run('triggers.phone_number_list.operation.perform', { authData });
		expect(options).toEqual([
			{ id: '+14155550100', name: 'Main Line (+14155550100, US)' },
			{ id: '+33612345678', name: '+33612345678, FR' },
		]);
	});

	it('pages through contacts as Zapier asks for more', async () => {
		const page = (results: unknown[]) => ({
			data: { results, metadata: { pagination: { total_pages: 2 } } },
		});
		allo()
			.get('/v1/api/contacts')
			.query({ page: 0, size: 100 })
			.reply(
				200,
				page([
					{
						id: 'cnt_1',
						name: 'Jane',
						last_name: 'Doe',
						numbers: ['+14155551234'],
						company: { name: 'Acme' },
					},
				]),
			);
		allo()
			.get('/v1/api/contacts')
			.query({ page: 1, size: 100 })
			.reply(200, page([{ id: 'cnt_2', numbers: ['+14155551299'] }]));
		expect(App.triggers.contact_list.operation.canPaginate).toBe(true);
		await expect(
			run('triggers.contact_list.operation.perform', { authData, meta: { page: 0 } }),
		).resolves.toEqual([{ id: 'cnt_1', name: 'Jane Doe (+14155551234 · Acme)' }]);
		await expect(
			run('triggers.contact_list.operation.perform', { authData, meta: { page: 1 } }),
		).resolves.toEqual([{ id: 'cnt_2', name: '+14155551299 (+14155551299)' }]);
	});

	it('lists the team’s users by name and email, tags by name, summary templates by name', async () => {
		allo()
			.get('/v2/api/users')
			.reply(200, {
				data: [
					{ id: 'usr-1', name: 'Ada Admin', email: 'ada@example.com' },
					{ id: 'usr-2', email: 'sam@example.com' },
				],
			});
		allo()
			.get('/v2/api/tags')
			.reply(200, { data: [{ id: 'tag-1', name: 'support', color: '#fff' }] });
		allo()
			.get('/v2/api/summary_templates')
			.reply(200, { data: [{ id: 'tst-1', name: 'Discovery call' }] });
		await expect(run('triggers.user_list.operation.perform', { authData })).resolves.toEqual([
			{ id: 'usr-1', name: 'Ada Admin (ada@example.com)' },
			{ id: 'usr-2', name: 'sam@example.com' },
		]);
		await expect(run('triggers.tag_list.operation.perform', { authData })).resolves.toEqual([
			{ id: 'support', name: 'support' },
		]);
		await expect(
			run('triggers.summary_template_list.operation.perform', { authData }),
		).resolves.toEqual([{ id: 'tst-1', name: 'Discovery call' }]);
	});

	it('lists the latest calls of every number, and the CRM companies by name', async () => {
		allo()
			.post('/v2/api/conversations/items/search', {
				type: 'CALL',
				sort: 'DATE_DESC',
				page: 1,
				size: 100,
			})
			.reply(200, {
				data: [
					{
						id: 'cll-1',
						direction: 'INBOUND',
						contact_number: '+14155551234',
						date: '2026-01-15T10:30:00Z',
						summary: 'Asked about delivery.',
					},
				],
				pagination: { page: 1, size: 100, total_pages: 1, has_more: false },
			});
		allo()
			.post('/v2/api/crm/companies/search', { sort: 'NAME_ASC', page: 1, size: 100 })
			.reply(200, { data: [{ id: 'com-1', name: 'Acme Corp' }] });
		await expect(run('triggers.call_list.operation.perform', { authData })).resolves.toEqual([
			{ id: 'cll-1', name: 'Inbound · +14155551234 · 2026-01-15 10:30' },
		]);
		await expect(run('triggers.company_list.operation.perform', { authData })).resolves.toEqual([
			{ id: 'com-1', name: 'Acme Corp' },
		]);
	});
});
