// Refuses a release that would reach users broken: the n8n package, the Zapier app, both lockfiles
// and CHANGELOG.md must carry one version, the CHANGELOG must have an entry for it, and the packed
// tarball must hold every file n8n loads (nodes, credentials, their icons, codex and output schemas)
// and nothing but dist/, README.md, LICENSE and package.json.
//
//   node scripts/release-check.mjs <tarball.tgz> [--tag vX.Y.Z] [--notes FILE]
//
// Run from the repository root (npm run release:check -- <tarball> does). --tag also requires the
// git tag to name that version; --notes writes the version's CHANGELOG entry to FILE once all passes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const SHIPPED_FILES = ['package.json', 'README.md', 'LICENSE'];
const SHIPPED_DIR = 'dist/';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function listFiles(dir, base = dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
	});
}

/** Every place the version is written, with the version written there. */
function declaredVersions(root, packed) {
	const lock = (file) => readJson(path.join(root, file));
	const rootLock = lock('package-lock.json');
	const zapierLock = lock('zapier/package-lock.json');
	return [
		['package.json', readJson(path.join(root, 'package.json')).version],
		['zapier/package.json', readJson(path.join(root, 'zapier/package.json')).version],
		['package-lock.json', rootLock.version],
		['package-lock.json packages[""]', rootLock.packages?.['']?.version],
		['zapier/package-lock.json', zapierLock.version],
		['zapier/package-lock.json packages[""]', zapierLock.packages?.['']?.version],
		['the tarball’s package.json', packed.version],
	];
}

/** The CHANGELOG entry (Keep a Changelog: `## [X.Y.Z] - date`) for a version, without its heading. */
function changelogEntry(markdown, version) {
	const lines = markdown.split(/\r?\n/);
	const heading = new RegExp(`^## \\[?v?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`);
	const start = lines.findIndex((line) => heading.test(line));
	if (start === -1) return undefined;
	const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
	return lines
		.slice(start + 1, end === -1 ? undefined : end)
		.join('\n')
		.trim();
}

/** Icons a compiled node or credential names (`file:…`), relative to the package root. */
function iconsOf(file, source) {
	return [...source.matchAll(/['"]file:([^'"]+\.(?:svg|png))['"]/g)].map(([, icon]) =>
		path.posix.join(path.posix.dirname(file), icon),
	);
}

/** The output schemas committed beside a node's source, where n8n reads them in dist/. */
function schemasOf(root, nodeFile) {
	const sourceDir = path.posix.dirname(nodeFile.replace(/^dist\//, ''));
	const schemaDir = path.join(root, sourceDir, '__schema__');
	if (!existsSync(schemaDir)) return [];
	return listFiles(schemaDir)
		.filter((file) => file.endsWith('.json'))
		.map((file) =>
			path.posix.join('dist', sourceDir, '__schema__', file.split(path.sep).join('/')),
		);
}

/** Files n8n needs from the package, each with what names it. */
function requiredFiles(root, packed, read) {
	const required = new Map();
	const need = (file, why) => required.has(file) || required.set(file, why);
	const entries = [
		...(packed.n8n?.nodes ?? []).map((file) => ['node', file]),
		...(packed.n8n?.credentials ?? []).map((file) => ['credential', file]),
	];
	for (const [kind, file] of entries) {
		need(file, `package.json n8n.${kind === 'node' ? 'nodes' : 'credentials'}`);
		const source = read(file);
		if (source === undefined) continue;
		for (const icon of iconsOf(file, source)) need(icon, `the icon of ${file}`);
		if (kind === 'node') {
			need(file.replace(/\.js$/, '.json'), `the codex file of ${file}`);
			for (const schema of schemasOf(root, file)) need(schema, `an output schema of ${file}`);
		}
	}
	return required;
}

function checkRelease(root, tarball, { tag } = {}) {
	const problems = [];
	const work = mkdtempSync(path.join(tmpdir(), 'allo-release-check-'));
	try {
		const untar = spawnSync('tar', ['-xzf', path.resolve(root, tarball), '-C', work], {
			encoding: 'utf8',
		});
		if (untar.status !== 0) return { problems: [`cannot read ${tarball}: ${untar.stderr.trim()}`] };
		// npm packs everything under package/: any other entry would be a file no rule judged.
		const entries = listFiles(work).map((file) => file.split(path.sep).join('/'));
		for (const file of entries.filter((entry) => !entry.startsWith('package/'))) {
			problems.push(`the tarball holds ${file} outside package/: pack it with npm pack`);
		}
		const shipped = entries.flatMap((file) =>
			file.startsWith('package/') ? [file.slice('package/'.length)] : [],
		);
		const unpacked = path.join(work, 'package');
		const read = (file) =>
			shipped.includes(file) ? readFileSync(path.join(unpacked, file), 'utf8') : undefined;
		const packedJson = read('package.json');
		if (packedJson === undefined) return { problems: [`${tarball} holds no package/package.json`] };
		const packed = JSON.parse(packedJson);

		const versions = declaredVersions(root, packed);
		const version = versions[0][1];
		for (const [where, found] of versions.slice(1)) {
			if (found !== version) {
				problems.push(`${where} has version ${found}, package.json ${version}: bump them together`);
			}
		}
		if (tag !== undefined && tag !== `v${version}`) {
			problems.push(`the tag ${tag} does not name version ${version}: tag v${version}`);
		}

		const changelogFile = path.join(root, 'CHANGELOG.md');
		const notes = existsSync(changelogFile)
			? changelogEntry(readFileSync(changelogFile, 'utf8'), version)
			: undefined;
		if (notes === undefined) {
			problems.push(`CHANGELOG.md has no "## [${version}]" entry: add one`);
		} else if (!/^\s*- \S/m.test(notes)) {
			problems.push(
				`CHANGELOG.md's entry for ${version} lists no change: add at least one "- " line`,
			);
		}

		for (const file of shipped) {
			if (!file.startsWith(SHIPPED_DIR) && !SHIPPED_FILES.includes(file)) {
				problems.push(
					`the tarball ships ${file}: only dist/, ${SHIPPED_FILES.join(', ')} belong in it`,
				);
			}
		}
		if (!(packed.n8n?.nodes ?? []).length) problems.push('package.json n8n.nodes lists no node');
		for (const [file, why] of requiredFiles(root, packed, read)) {
			if (!shipped.includes(file))
				problems.push(`the tarball lacks ${file} (${why}): build, then pack again`);
		}
		return { problems, version, files: shipped.length, notes };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

function main() {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: { tag: { type: 'string' }, notes: { type: 'string' } },
	});
	if (positionals.length !== 1) {
		console.error('Give the packed tarball: npm run release:check -- "$(npm pack --silent)"');
		return 2;
	}
	const [tarball] = positionals;
	const { problems, version, files, notes } = checkRelease(process.cwd(), tarball, values);
	if (problems.length) {
		console.error(`release:check refuses ${path.basename(tarball)}:`);
		for (const problem of problems) console.error(`  - ${problem}`);
		return 1;
	}
	if (values.notes) writeFileSync(values.notes, `${notes}\n`);
	console.log(
		`release:check: ${path.basename(tarball)} is releasable as ${version} (${files} files)`,
	);
	return 0;
}

process.exitCode = main();
