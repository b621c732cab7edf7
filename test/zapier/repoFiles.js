// Reads files of the repository by their path from its root: the README and the test files the
// definition test checks.
const { readFileSync } = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');

exports.readRepoFile = (relativePath) => readFileSync(path.join(root, relativePath), 'utf8');
