// The release tests' access to the file system and child processes (plain JavaScript: n8n's lint
// bans both in TypeScript). The package is built and packed in a private copy of the checkout, so
// the tests judge exactly what npm would publish without touching, or racing over, the checkout's
// dist/; the copy also holds what release:check reads (versions, lockfiles, CHANGELOG, schemas).
const { execFileSync, spawnSync } = require('node:child_process');
const {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const COPIED = [
	'package.json',
	'package-lock.json',
	'tsconfig.json',
	'gulpfile.js',
	'README.md',
	'LICENSE',
	'CHANGELOG.md',
	'.github',
	'shared',
	'nodes',
	'credentials',
	'zapier/package.json',
	'zapier/package-lock.json',
];

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: 'pipe' });

function listFiles(dir, base = dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
	});
}

function unpack(tarball, into) {
	mkdirSync(into, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', into]);
	return path.join(into, 'package');
}

/** Builds and packs the n8n package in a fresh copy of the checkout; `remove()` deletes the copy. */
exports.packCopy = function packCopy() {
	const copy = mkdtempSync(path.join(tmpdir(), 'allo-release-'));
	for (const entry of COPIED)
		cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
	symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
	npm(['run', 'build:n8n'], copy);
	const tarball = path.join(copy, npm(['pack', '--silent'], copy).trim());
	const unpacked = unpack(tarball, path.join(copy, '.unpacked'));
	const files = listFiles(unpacked).map((file) => file.split(path.sep).join('/'));
	return {
		root: copy,
		tarball,
		files,
		read: (file) => readFileSync(path.join(unpacked, file), 'utf8'),
		readBytes: (file) => readFileSync(path.join(unpacked, file)),
		// The shipped module itself, its peer dependencies resolved from the checkout's node_modules.
		load: (file) => require(path.join(unpacked, file)),
		remove: () => rmSync(copy, { recursive: true, force: true }),
	};
};

/**
 * A copy of a tarball with files removed and/or added (`{ 'path/in/package': 'content' }`; a path
 * starting with `../` lands beside package/ in the archive).
 */
exports.repack = function repack(tarball, { remove = [], add = {} } = {}) {
	const work = mkdtempSync(path.join(path.dirname(tarball), '.repack-'));
	const unpacked = unpack(tarball, work);
	for (const file of remove) rmSync(path.join(unpacked, file));
	for (const [file, content] of Object.entries(add)) {
		mkdirSync(path.dirname(path.join(unpacked, file)), { recursive: true });
		writeFileSync(path.join(unpacked, file), content);
	}
	const out = path.join(path.dirname(tarball), `${path.basename(work)}.tgz`);
	execFileSync('tar', ['-czf', out, '-C', work, ...readdirSync(work)]);
	rmSync(work, { recursive: true, force: true });
	return out;
};

/** An empty temporary folder; `remove()` deletes it. */
exports.scratch = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'allo-release-scratch-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

exports.readText = (dir, file) => readFileSync(path.join(dir, file), 'utf8');
exports.writeText = (dir, file, content) => writeFileSync(path.join(dir, file), content);

const finish = ({ status, stdout, stderr }) => ({ status, output: `${stdout}${stderr}` });

/** Runs the real release:check script in `dir` (a copy of the checkout) on a tarball. */
exports.releaseCheck = (dir, tarball, ...args) =>
	finish(
		spawnSync(
			process.execPath,
			[path.join(root, 'scripts', 'release-check.mjs'), tarball, ...args],
			{
				cwd: dir,
				encoding: 'utf8',
			},
		),
	);

/** Runs the real workflow validator (@action-validator/cli, offline) on a workflow file. */
exports.validateWorkflow = (file) =>
	finish(
		spawnSync(
			process.execPath,
			[path.join(root, 'node_modules', '.bin', 'action-validator'), file],
			{
				encoding: 'utf8',
			},
		),
	);

exports.root = root;
