// PostgreSQL and Redis for n8n's queue mode, started from the machine's own binaries (Debian's
// `postgresql` and `redis-server` packages) on loopback, free ports and throw-away data folders.
const { execFile, execFileSync } = require('node:child_process');
const { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { freePort, spawnReady } = require('./processes');

const POSTGRES_USER = 'n8n';
const POSTGRES_DATABASE = 'postgres';

const onPath = (binary) =>
	(process.env.PATH || '')
		.split(path.delimiter)
		.some((dir) => dir && existsSync(path.join(dir, binary)));

/** The folder holding initdb, postgres and psql: $PG_BIN, the PATH, or Debian's newest version. */
function postgresBin() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const debian = '/usr/lib/postgresql';
	const versions = existsSync(debian)
		? readdirSync(debian)
				.filter((version) => existsSync(path.join(debian, version, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length > 0) return path.join(debian, versions[0], 'bin');
	if (onPath('initdb') && onPath('postgres')) return '';
	throw new Error(
		'PostgreSQL is not installed: install it (Debian: apt-get install postgresql) or set PG_BIN to the folder holding initdb and postgres.',
	);
}

/** PostgreSQL refuses to run as root: as root, its files and process belong to the `postgres` user. */
function postgresAccount() {
	if (process.getuid?.() !== 0) return {};
	try {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		return { uid, gid };
	} catch {
		throw new Error(
			'PostgreSQL cannot run as root and there is no `postgres` user: install Debian’s postgresql package or run as another user.',
		);
	}
}

/**
 * A fresh PostgreSQL cluster (trust auth for the one superuser `n8n`, loopback only) in its own
 * temporary folder. Returns n8n's DB_* settings, a `query` through psql, and `stop` (removes the
 * data). `durable: false` skips flushing to disk, for tests whose data is thrown away anyway.
 */
async function startPostgres({ logFile, durable = true } = {}) {
	const bin = postgresBin();
	const tool = (name) => (bin ? path.join(bin, name) : name);
	const account = postgresAccount();
	const dir = mkdtempSync(path.join(tmpdir(), 'allo-postgres-'));
	const data = path.join(dir, 'data');
	mkdirSync(data, { mode: 0o700 });
	if (account.uid !== undefined) {
		chownSync(dir, account.uid, account.gid);
		chownSync(data, account.uid, account.gid);
	}
	const asAccount = account.uid === undefined ? {} : account;
	execFileSync(
		tool('initdb'),
		['-D', data, '-U', POSTGRES_USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		{ stdio: 'pipe', cwd: dir, ...asAccount },
	);
	const port = await freePort();
	const server = await spawnReady(
		tool('postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${dir}`,
			'-c',
			'max_connections=200',
			...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off']),
		],
		{
			what: 'PostgreSQL',
			ready: (output) => output.includes('database system is ready to accept connections'),
			timeoutMs: 60_000,
			logFile,
			...asAccount,
		},
	);
	const psql = promisify(execFile);
	return {
		port,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_USER: POSTGRES_USER,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
		},
		/** Rows of a query, each an array of text fields; async, so servers in this process keep serving. */
		async query(sql) {
			const { stdout } = await psql(
				tool('psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					POSTGRES_USER,
					'-d',
					POSTGRES_DATABASE,
					'-AtX',
					'-F',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ maxBuffer: 256 * 1024 * 1024 },
			);
			return stdout
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('\t'));
		},
		async stop() {
			// SIGTERM waits for clients to leave; n8n has stopped by now.
			await server.stop(10_000);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** A Redis server on loopback with nothing written to disk; returns n8n's QUEUE_BULL_* settings. */
async function startRedis({ logFile } = {}) {
	if (!onPath('redis-server')) {
		throw new Error(
			'Redis is not installed: install it (Debian: apt-get install redis-server) so redis-server is on the PATH.',
		);
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'allo-redis-'));
	const port = await freePort();
	const server = await spawnReady(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{
			what: 'Redis',
			ready: (output) => output.includes('Ready to accept connections'),
			timeoutMs: 30_000,
			logFile,
		},
	);
	return {
		port,
		env: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startPostgres, startRedis };
