import type { AlloClient } from './http/client';
import { asNumber, asRecord, asString, asStrings } from './json';

export interface Account {
	api_key_id: string | null;
	team_id: string | null;
	team_name: string | null;
	scopes: string[];
	read_per_second: number | null;
	write_per_second: number | null;
}

/** The connection test: any valid key may call it, and it names the team and granted scopes. */
export async function getAccount(client: AlloClient): Promise<Account> {
	const me = asRecord(await client.call('getMe'));
	const team = asRecord(me.team);
	const limits = asRecord(me.rate_limits);
	return {
		api_key_id: asString(me.api_key_id),
		team_id: asString(team.id),
		team_name: asString(team.name),
		scopes: asStrings(me.scopes),
		read_per_second: asNumber(limits.read_per_second),
		write_per_second: asNumber(limits.write_per_second),
	};
}
