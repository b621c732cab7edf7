/** Date-times without a zone or offset: "2026-12-01 12:00", "2026-12-01T12:00:00", "2026-12-01". */
const ZONELESS =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** How far `timeZone`'s clocks are ahead of UTC at the instant `utc`, in milliseconds. */
function offsetAt(utc: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utc));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wall - (utc - (((utc % 1000) + 1000) % 1000));
}

/**
 * The instant a date-time names, in milliseconds; one without a zone is read as a wall-clock time in
 * `timeZone` (an IANA name such as America/New_York). NaN when it is not a date.
 */
export function parseDateTime(value: string, timeZone = 'UTC'): number {
	const text = value.trim();
	const match = ZONELESS.exec(text);
	if (!match) return Date.parse(text);
	const [, year, month, day, hour = '0', minute = '0', second = '0', ms = '0'] = match;
	const wall = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		Number(ms.padEnd(3, '0')),
	);
	// Twice: the first guess may sit on the other side of a daylight-saving change.
	const guess = wall - offsetAt(wall, timeZone);
	return wall - offsetAt(guess, timeZone);
}
