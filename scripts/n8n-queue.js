// n8n in queue mode on one machine: PostgreSQL, Redis, one main, one worker and webhook
// processors behind a round-robin balancer, each n8n with its own user folder holding the packed
// package the community-installer way. Everything on loopback and free ports, in a temporary
// folder, and `stop()` ends all of it.
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { startBalancer } = require('./balancer');
const { installPackage, startN8n, startN8nCommand } = require('./n8n-runtime');
const { freePort } = require('./processes');
const { startPostgres, startRedis } = require('./queue-services');

/**
 * @param {{ tarball: string, processors?: number, workerConcurrency?: number, durable?: boolean,
 *   log?: (line: string) => void }} options `durable: false` lets PostgreSQL skip flushing to disk
 */
async function startQueueCluster({
	tarball,
	processors: processorCount = 2,
	workerConcurrency = 10,
	durable = true,
	log = () => {},
}) {
	const work = mkdtempSync(path.join(tmpdir(), 'allo-n8n-queue-'));
	const logs = path.join(work, 'logs');
	mkdirSync(logs);
	const stoppers = [() => rmSync(work, { recursive: true, force: true })];
	const stop = async () => {
		while (stoppers.length > 0) await stoppers.pop()();
	};
	try {
		const [postgres, redis] = await Promise.all([
			startPostgres({ logFile: path.join(logs, 'postgres.log'), durable }),
			startRedis({ logFile: path.join(logs, 'redis.log') }),
		]);
		stoppers.push(postgres.stop, redis.stop);
		log(`PostgreSQL on port ${postgres.port}, Redis on port ${redis.port}`);

		const role = async (name) => {
			const userFolder = path.join(work, name, 'user');
			installPackage(tarball, userFolder);
			return {
				name,
				userFolder,
				ports: { http: await freePort(), broker: await freePort() },
				logFile: path.join(logs, `${name}.log`),
			};
		};
		const mainRole = await role('main');
		const workerRole = await role('worker');
		const processorRoles = [];
		for (let i = 1; i <= processorCount; i += 1) processorRoles.push(await role(`webhook-${i}`));

		const balancer = await startBalancer(processorRoles.map((r) => r.ports.http));
		stoppers.push(balancer.close);
		const shared = {
			...postgres.env,
			...redis.env,
			EXECUTIONS_MODE: 'queue',
			// The URL Allo is given: the balancer in front of the webhook processors.
			WEBHOOK_URL: `${balancer.url}/`,
		};

		// Main first: it runs the database migrations the others expect.
		const main = await startN8n(
			mainRole.userFolder,
			mainRole.ports,
			{ ...shared, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
			{ logFile: mainRole.logFile },
		);
		stoppers.push(() => main.stop());
		log(`n8n main on ${main.url}`);

		const launch = (r, command, args) =>
			startN8nCommand(command, r.userFolder, r.ports, shared, { args, logFile: r.logFile });
		const workers = [await launch(workerRole, 'worker', [`--concurrency=${workerConcurrency}`])];
		stoppers.push(() => workers[0].stop());
		const processors = [];
		for (const r of processorRoles) {
			processors.push(await launch(r, 'webhook'));
			stoppers.push(() => processors[processorRoles.indexOf(r)].stop());
		}
		await balancer.allReady();
		log(
			`n8n worker (concurrency ${workerConcurrency}) and ${processorCount} webhook processors on ${processors.map((p) => p.url).join(', ')}, behind ${balancer.url}`,
		);

		return {
			main,
			postgres,
			balancer,
			logs,
			/** Where each webhook processor serves, bypassing the balancer. */
			processorUrls: () => processors.map((p) => p.url),
			/**
			 * Stops webhook processor `index` (SIGTERM, then SIGKILL after `graceMs`) and starts it
			 * again; resolves with when it was asked to stop, when it was gone and when the new one was
			 * ready and back in the balancer.
			 */
			async restartProcessor(index, graceMs = 3000) {
				const stoppingAt = Date.now();
				await processors[index].stop(graceMs);
				const stoppedAt = Date.now();
				processors[index] = await launch(processorRoles[index], 'webhook');
				await balancer.allReady();
				return { stoppingAt, stoppedAt, readyAt: Date.now() };
			},
			/** Starts the worker again with another concurrency, once its running jobs are done. */
			async restartWorker(concurrency) {
				await workers[0].stop(30_000);
				workers[0] = await launch(workerRole, 'worker', [`--concurrency=${concurrency}`]);
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueueCluster };
