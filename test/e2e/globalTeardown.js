// Removes the packed package the global setup made.
const { existsSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');
const { TARBALL_NOTE } = require('./harness');

module.exports = async function removePack() {
	if (!existsSync(TARBALL_NOTE)) return;
	rmSync(path.dirname(readFileSync(TARBALL_NOTE, 'utf8').trim()), { recursive: true, force: true });
	rmSync(TARBALL_NOTE);
};
