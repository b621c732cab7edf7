// Builds both targets from one core: the n8n package (dist/) and the Zapier app (zapier/dist/).
const { spawn } = require('child_process');
const { existsSync } = require('fs');
const path = require('path');
const { src, dest, series, parallel } = require('gulp');

const tsc = (project) => () =>
	new Promise((resolve, reject) => {
		const bin = require.resolve('typescript/bin/tsc');
		spawn(process.execPath, [bin, '-p', project], { stdio: 'inherit' }).on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`tsc -p ${project} exited with ${code}`)),
		);
	});

// n8n loads icons, codex files and output schemas from dist/ beside the compiled nodes.
const n8nStaticFiles = () =>
	src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'nodes/**/__schema__/**/*.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		allowEmpty: true,
		encoding: false,
	}).pipe(dest('dist'));

const buildN8n = series(tsc('tsconfig.json'), n8nStaticFiles);

const zapierProject = path.join('zapier', 'tsconfig.json');
const buildZapier = existsSync(zapierProject) ? tsc(zapierProject) : async () => {};

exports.buildN8n = buildN8n;
exports.buildZapier = buildZapier;
exports.build = parallel(buildN8n, buildZapier);
exports.default = exports.build;
