import { endpoints } from './catalog/endpoints';
import { requestKind, type AlloClient, type RequestKind } from './http/client';
import type { OperationDeclaration } from './operations/types';
import { validateInput } from './validation/input';

/**
 * Writes whose items must keep their input order among themselves, by the validated field that
 * names what they change: texts to one recipient, changes to one contact. Other writes run one
 * after another; contact creation and reads run freely.
 */
const ORDERED_BY: Record<string, string | null> = {
	'sms.send': 'to',
	'contact.update': 'contactId',
	'contact.upsert': 'phoneNumber',
	'contact.create': null,
};

/** Items that share a key run one after another, in input order; `undefined` runs freely. */
export type OrderKey = (raw: Record<string, unknown>) => string | undefined;

/** The limit an operation's pace follows: Allo's write limit if any of its requests counts there. */
export const operationKind = (operation: OperationDeclaration): RequestKind =>
	operation.endpoints.some((name) => requestKind(endpoints[name]) === 'write') ? 'write' : 'read';

/** How the items of one operation may run at once: the pace they follow and what orders them. */
export function itemPlan(operation: OperationDeclaration): {
	kind: RequestKind;
	orderKey: OrderKey;
} {
	const kind = operationKind(operation);
	const writes = operation.endpoints.some(
		(name) => endpoints[name].method !== 'GET' && !endpoints[name].readOnly,
	);
	const field = ORDERED_BY[`${operation.resource}.${operation.operation}`];
	if (!writes || field === null) return { kind, orderKey: () => undefined };
	if (field === undefined) return { kind, orderKey: () => '' };
	return {
		kind,
		orderKey(raw) {
			try {
				// Normalised, so "+1 415…" and "+1415…" are one recipient.
				return String(validateInput(operation, raw)[field] ?? '');
			} catch {
				// Bad input fails before any request: it needs no place in the order.
				return undefined;
			}
		},
	};
}

/** Batches run one after another, each after the previous has finished and `intervalMs` more. */
export interface Batching {
	size: number;
	intervalMs: number;
}

export interface ItemsOptions {
	count: number;
	/** Items running at once at most; asked again as each item starts, so it follows the latency. */
	inFlight: () => number;
	/** Items that share a key run one after another, in input order. */
	orderKey?: (index: number) => string | undefined;
	/** After the first failure no further item starts (those running finish). */
	stopOnFailure: boolean;
	batching?: Batching;
	/** The platform's timer, for batch intervals. */
	sleep?: (ms: number) => Promise<void>;
}

export type ItemResult<R> =
	| { status: 'done'; value: R }
	| { status: 'failed'; error: unknown }
	| { status: 'skipped' };

/** Hands out places to run, first come first served, never more than `capacity()` at once. */
class Slots {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly capacity: () => number) {}

	async acquire(): Promise<void> {
		if (this.waiting.length === 0 && this.active < this.capacity()) {
			this.active++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	release(): void {
		this.active--;
		while (this.waiting.length > 0 && this.active < this.capacity()) {
			this.active++;
			this.waiting.shift()!();
		}
	}
}

/**
 * Runs `run` for every item index, several at once, and returns each outcome at its index. The
 * client's pacer keeps the requests within Allo's limits; this only decides what may overlap.
 */
export async function runItems<R>(
	options: ItemsOptions,
	run: (index: number) => Promise<R>,
): Promise<Array<ItemResult<R>>> {
	const results = new Array<ItemResult<R>>(options.count);
	let stopped = false;

	const runSome = async (indices: number[]) => {
		const slots = new Slots(() => Math.max(1, Math.min(indices.length, options.inFlight())));
		const tails = new Map<string, Promise<void>>();
		const runOne = async (index: number) => {
			await slots.acquire();
			try {
				if (stopped) {
					results[index] = { status: 'skipped' };
					return;
				}
				results[index] = { status: 'done', value: await run(index) };
			} catch (error) {
				results[index] = { status: 'failed', error };
				if (options.stopOnFailure) stopped = true;
			} finally {
				slots.release();
			}
		};
		await Promise.all(
			indices.map((index) => {
				const key = options.orderKey?.(index);
				if (key === undefined) return runOne(index);
				const tail = (tails.get(key) ?? Promise.resolve()).then(() => runOne(index));
				tails.set(key, tail);
				return tail;
			}),
		);
	};

	const all = Array.from({ length: options.count }, (_, index) => index);
	const size = options.batching ? Math.max(1, options.batching.size) : options.count;
	for (let start = 0; start < options.count; start += size) {
		if (stopped) {
			for (const index of all.slice(start)) results[index] = { status: 'skipped' };
			break;
		}
		if (start > 0 && options.batching?.intervalMs && options.sleep) {
			await options.sleep(options.batching.intervalMs);
		}
		await runSome(all.slice(start, start + size));
	}
	return results;
}

export interface OperationItemsOptions {
	count: number;
	/** One item's raw input, to keep the order the operation's writes need. */
	input: (index: number) => Record<string, unknown>;
	stopOnFailure: boolean;
	batching?: Batching;
	sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs one operation for many items as fast as Allo's limit for it allows (the client's pacer,
 * shared by key, sets the pace), or in the given batches; outcomes come back in input order.
 */
export async function runOperationItems<R>(
	client: AlloClient,
	operation: OperationDeclaration,
	options: OperationItemsOptions,
	run: (index: number) => Promise<R>,
): Promise<Array<ItemResult<R>>> {
	const plan = itemPlan(operation);
	return await runItems(
		{
			count: options.count,
			inFlight: () => client.inFlight(plan.kind),
			orderKey: (index) => plan.orderKey(options.input(index)),
			stopOnFailure: options.stopOnFailure,
			batching: options.batching,
			sleep: options.sleep,
		},
		run,
	);
}
