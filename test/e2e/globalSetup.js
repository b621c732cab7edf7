// Installs n8n into the cache when missing, then builds and packs the package once for every
// end-to-end test file, as npm would publish it.
const { execFileSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readdirSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { ensureN8n } = require('../../scripts/n8n-runtime.js');
const { TARBALL_NOTE } = require('./harness');

module.exports = async function packOnce() {
	ensureN8n((line) => process.stdout.write(`\n${line}\n`));
	const root = path.resolve(__dirname, '../..');
	const started = Date.now();
	execFileSync('npm', ['run', 'build:n8n'], { cwd: root, stdio: 'ignore' });
	const out = mkdtempSync(path.join(tmpdir(), 'allo-e2e-pack-'));
	execFileSync('npm', ['pack', '--pack-destination', out], { cwd: root, stdio: 'ignore' });
	const tarball = path.join(
		out,
		readdirSync(out).find((file) => file.endsWith('.tgz')),
	);
	mkdirSync(path.dirname(TARBALL_NOTE), { recursive: true });
	writeFileSync(TARBALL_NOTE, tarball);
	process.stdout.write(
		`\nPacked ${path.basename(tarball)} for the end-to-end tests in ${Date.now() - started} ms\n`,
	);
};
