// Lints the package the way n8n's verification scan (@n8n/scan-community-package) does, before
// publishing: the source (package.json, nodes/, credentials/) and the .js of the packed tarball,
// with inline eslint-disable comments ignored. Run after building (`npm run scan` does both).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	}
	return result.stdout;
}

function packTarball(destination) {
	const [packed] = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', destination], root),
	);
	const unpacked = path.join(destination, 'package');
	run('tar', ['-xzf', path.join(destination, packed.filename), '-C', destination], root);
	return { unpacked, files: packed.files.length };
}

const work = mkdtempSync(path.join(tmpdir(), 'allo-scan-'));
try {
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const { unpacked, files } = packTarball(work);
	const tarball = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	for (const [name, result] of [
		['source', source],
		[`tarball (${files} files)`, tarball],
	]) {
		console.log(
			`${result.passed ? 'passed' : 'FAILED'}: ${name}${result.message ? ` - ${result.message}` : ''}`,
		);
		if (result.details) console.log(result.details);
	}
	process.exitCode = source.passed && tarball.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
