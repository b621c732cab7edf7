import * as ts from 'typescript';
import { packCopy, type PackedCopy } from './packed';

// n8n's published rules for verified community nodes, each judged on the packed package as npm
// would publish it (n8n reviews the published tarball). Each test names the rule it checks.
const GUIDELINES =
	'https://docs.n8n.io/integrations/creating-nodes/build/reference/verification-guidelines/';
const STANDARDS =
	'https://docs.n8n.io/integrations/community-nodes/build-community-nodes/#standards';
const CODEX = 'https://docs.n8n.io/integrations/creating-nodes/build/reference/node-codex-files/';
const ICON =
	'https://docs.n8n.io/integrations/creating-nodes/build/reference/node-base-files/standard-parameters/#icon';

interface PackageJson {
	name: string;
	version: string;
	keywords?: string[];
	license?: string;
	homepage?: string;
	author?: { name?: string };
	repository?: { type?: string; url?: string };
	scripts?: Record<string, string>;
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: unknown;
	bundledDependencies?: unknown;
	peerDependencies?: Record<string, string>;
	n8n: { strict?: boolean; nodes: string[]; credentials: string[] };
}

type Icon = string | { light: string; dark: string };
interface Option {
	name: string;
	value: string;
}
interface Property {
	name: string;
	type: string;
	options?: Option[];
	displayOptions?: { show?: Record<string, unknown[]> };
}
interface Described {
	displayName: string;
	name: string;
	icon: Icon;
	properties: Property[];
}

let pkg: PackedCopy;
let manifest: PackageJson;
let nodes: Array<{ file: string; description: Described }>;
let credentials: Array<{ file: string; credential: Described }>;
let shippedJs: string[];

const instanceOf = (pkgFile: string) => {
	const exported = Object.values(pkg.load(pkgFile));
	expect(exported).toHaveLength(1);
	return new (exported[0] as new () => Record<string, unknown>)();
};

beforeAll(() => {
	pkg = packCopy();
	manifest = JSON.parse(pkg.read('package.json'));
	nodes = manifest.n8n.nodes.map((file) => ({
		file,
		description: instanceOf(file).description as Described,
	}));
	credentials = manifest.n8n.credentials.map((file) => ({
		file,
		credential: instanceOf(file) as unknown as Described,
	}));
	shippedJs = pkg.files.filter((file) => file.endsWith('.js'));
}, 180_000);

afterAll(() => pkg?.remove());

describe(`package.json (${STANDARDS})`, () => {
	test('the name starts with n8n-nodes- (or @scope/n8n-nodes-)', () => {
		expect(manifest.name).toMatch(/^(@[a-z0-9-~][a-z0-9-._~]*\/)?n8n-nodes-[a-z0-9-._~]+$/);
	});

	test('the keywords include n8n-community-node-package', () => {
		expect(manifest.keywords).toContain('n8n-community-node-package');
	});

	test('the n8n attribute lists the nodes and credentials, and the tarball holds each', () => {
		expect(manifest.n8n.nodes.length).toBeGreaterThan(0);
		expect(manifest.n8n.credentials.length).toBeGreaterThan(0);
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			expect(pkg.files).toContain(file);
		}
	});
});

describe(`n8n's own tool checks the package (${GUIDELINES}#use-the-n8n-node-tool)`, () => {
	test('lint is n8n-node lint in strict mode', () => {
		expect(manifest.scripts?.lint).toBe('n8n-node lint');
		expect(manifest.n8n.strict).toBe(true);
	});
});

describe(`package source (${GUIDELINES}#package-source-verification)`, () => {
	test('the licence is MIT, declared and shipped', () => {
		expect(manifest.license).toBe('MIT');
		const licence = pkg.read('LICENSE');
		expect(licence).toMatch(/^MIT License/);
		expect(licence).toContain('Permission is hereby granted, free of charge');
	});

	test('the repository is a public GitHub repository, and the homepage and author point to it', () => {
		const match = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\.git$/.exec(
			manifest.repository?.url ?? '',
		);
		expect(match).not.toBeNull();
		expect(manifest.repository?.type).toBe('git');
		const [, owner, repo] = match!;
		expect(manifest.homepage).toBe(`https://github.com/${owner}/${repo}#readme`);
		expect(manifest.author?.name).toBeTruthy();
	});
});

describe(`no external dependencies (${GUIDELINES}#no-external-dependencies)`, () => {
	test('the package declares no runtime, optional or bundled dependencies', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.optionalDependencies ?? {}).toEqual({});
		expect(manifest.bundleDependencies ?? manifest.bundledDependencies).toBeUndefined();
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	test('no install script runs on the user’s n8n', () => {
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
			expect(manifest.scripts?.[script]).toBeUndefined();
		}
	});
});

// The shipped code as n8n's scanner sees it: every .js file of the tarball, parsed, so that words in
// strings or comments never count, only references in code.
const RESTRICTED_GLOBALS = new Set([
	'process',
	'console',
	'global',
	'globalThis',
	'__dirname',
	'__filename',
	'setTimeout',
	'setInterval',
	'setImmediate',
]);
const ALLOWED_MODULES = new Set([
	'n8n-workflow',
	'lodash',
	'luxon',
	'zod',
	'crypto',
	'node:crypto',
]);

function codeOf(file: string) {
	const source = ts.createSourceFile(file, pkg.read(file), ts.ScriptTarget.ES2022, true);
	const globals: string[] = [];
	const modules: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isIdentifier(node) && RESTRICTED_GLOBALS.has(node.text)) {
			const parent = node.parent;
			const isPropertyName =
				(ts.isPropertyAccessExpression(parent) && parent.name === node) ||
				(ts.isPropertyAssignment(parent) && parent.name === node) ||
				(ts.isMethodDeclaration(parent) && parent.name === node);
			if (!isPropertyName)
				globals.push(
					`${node.text} (line ${source.getLineAndCharacterOfPosition(node.pos).line + 1})`,
				);
		}
		if (
			ts.isCallExpression(node) &&
			(node.expression.kind === ts.SyntaxKind.ImportKeyword ||
				(ts.isIdentifier(node.expression) && node.expression.text === 'require'))
		) {
			const [specifier] = node.arguments;
			modules.push(specifier && ts.isStringLiteral(specifier) ? specifier.text : '<computed>');
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return { globals, modules };
}

describe(`no environment variables or file system (${GUIDELINES}#no-access-to-environment-variables-or-file-system)`, () => {
	test('shipped code never touches process, console, timers or other restricted globals', () => {
		const found = shippedJs.flatMap((file) => codeOf(file).globals.map((use) => `${file}: ${use}`));
		expect(found).toEqual([]);
	});

	test('shipped code loads only n8n-workflow, lodash, luxon, zod, crypto and its own files', () => {
		const found = shippedJs.flatMap((file) =>
			codeOf(file)
				.modules.filter((module) => !module.startsWith('.') && !ALLOWED_MODULES.has(module))
				.map((module) => `${file}: ${module}`),
		);
		expect(found).toEqual([]);
	});
});

// Offline, "English" is judged by three signs: no letter outside A-Z (French, German or Spanish
// texts have accents), none of those languages' common little words, and every sentence of six
// words or more using at least one common English word. Words are whole tokens of letters, so
// code spans, identifiers and URLs do not count.
const NON_ENGLISH_LETTER = /(?![A-Za-z])\p{L}/u;
const ENGLISH_WORDS = new Set(
	'a an the of to in on for from with by or and is are be as at it its this that when whether which not no all one your you'.split(
		' ',
	),
);
const OTHER_LANGUAGES_WORDS = new Set(
	'le les des du une et est sont pour avec dans sur pas vous votre nous cette qui que der das und ist nicht ein eine los las una para'.split(
		' ',
	),
);
const wordsOf = (text: string) =>
	text
		.replace(/`[^`]*`/g, ' ')
		.toLowerCase()
		.split(/\s+/)
		.map((token) => token.replace(/^[("*]+|[)".,:;!?*]+$/g, ''))
		.filter((token) => /^[a-z']+$/.test(token));
const looksEnglish = (text: string) => {
	const words = wordsOf(text);
	return (
		!words.some((word) => OTHER_LANGUAGES_WORDS.has(word)) &&
		(words.length < 6 || words.some((word) => ENGLISH_WORDS.has(word)))
	);
};

function uiTexts(value: unknown, found: string[] = []): string[] {
	if (Array.isArray(value)) value.forEach((item) => uiTexts(item, found));
	else if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const [key, text] of Object.entries(record)) {
			const isLabel = key === 'name' && 'value' in record && !('type' in record);
			const shown = ['displayName', 'description', 'placeholder', 'hint', 'action'].includes(key);
			if ((shown || isLabel) && typeof text === 'string' && !text.startsWith('=')) found.push(text);
			else uiTexts(text, found);
		}
	}
	return found;
}

function stringLiterals(file: string): string[] {
	const source = ts.createSourceFile(file, pkg.read(file), ts.ScriptTarget.ES2022, true);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
		if (ts.isTemplateExpression(node)) {
			found.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

describe(`English only (${GUIDELINES}#use-english-language-only)`, () => {
	test('node and credential texts (names, descriptions, options, hints) are English', () => {
		const texts = [
			...nodes.flatMap(({ description }) => uiTexts(description)),
			...credentials.flatMap(({ credential }) =>
				uiTexts({ displayName: credential.displayName, properties: credential.properties }),
			),
		];
		expect(texts.length).toBeGreaterThan(100);
		expect(texts.filter((text) => NON_ENGLISH_LETTER.test(text))).toEqual([]);
		expect(texts.filter((text) => !looksEnglish(text))).toEqual([]);
	});

	test('every string in the shipped code, error messages included, uses English letters only', () => {
		const found = shippedJs.flatMap((file) =>
			stringLiterals(file)
				.filter((text) => NON_ENGLISH_LETTER.test(text))
				.map((text) => `${file}: ${text}`),
		);
		expect(found).toEqual([]);
	});

	test('the README is English', () => {
		const readme = pkg.read('README.md');
		expect(readme.split('\n').filter((line) => NON_ENGLISH_LETTER.test(line))).toEqual([]);
		const sentences = readme.split(/(?<=[.!?])\s+/).filter((sentence) => /[a-z]{3}/.test(sentence));
		expect(sentences.filter((sentence) => !looksEnglish(sentence))).toEqual([]);
	});
});

/** The README's resource table (header "Resource | Operations"): resource → the operations it lists. */
function readmeOperations(readme: string): Map<string, string[]> {
	const lines = readme.split('\n');
	const header = lines.findIndex((line) => /^\|\s*Resource\s*\|\s*Operations\s*\|$/.test(line));
	const rows = new Map<string, string[]>();
	for (const line of lines.slice(header + 2)) {
		if (header === -1 || !line.startsWith('|')) break;
		const [, resource, operations] = line.split('|').map((cell) => cell.trim());
		const names = operations
			.replace(/\([^)]*\)/g, '')
			.split(',')
			.map((name) => name.trim());
		rows.set(resource, names.sort());
	}
	return rows;
}

/** README prose with line breaks folded, as a reader sees it. */
const readmeText = () => pkg.read('README.md').replace(/\s+/g, ' ');

describe(`documentation (${GUIDELINES}#proper-documentation)`, () => {
	test('the README lists every resource of the Allo node with exactly its operations', () => {
		const [{ description }] = nodes;
		const resources = description.properties.find((p) => p.name === 'resource')!.options!;
		const expected = new Map(
			resources.map((resource) => {
				const operation = description.properties.find(
					(p) =>
						p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
				)!;
				return [resource.name, operation.options!.map((option) => option.name).sort()];
			}),
		);
		const documented = readmeOperations(pkg.read('README.md'));
		expect(documented).toEqual(expected);
	});

	test('the README names every event the Allo Trigger offers', () => {
		const readme = readmeText();
		const trigger = nodes.find(({ description }) =>
			description.name.endsWith('Trigger'),
		)!.description;
		const events = trigger.properties
			.filter((p) => p.name.startsWith('events'))
			.flatMap((p) => p.options!.map((option) => option.name));
		expect(events.length).toBeGreaterThan(0);
		expect(events.filter((event) => !readme.includes(event))).toEqual([]);
	});

	test('the README says how to set up the credential and where the API key comes from', () => {
		const readme = readmeText();
		for (const { credential } of credentials)
			expect(readme).toContain(`**${credential.displayName}** credential`);
		expect(readme).toMatch(/API key \([^)]*Allo settings/);
	});
});

describe(`icons: light and dark (${ICON})`, () => {
	const cases = () => [
		...nodes.map(({ file, description }) => [file, description.icon] as const),
		...credentials.map(({ file, credential }) => [file, credential.icon] as const),
	];

	test('every node and credential ships a light and a dark SVG that differ', () => {
		expect(cases()).toHaveLength(manifest.n8n.nodes.length + manifest.n8n.credentials.length);
		for (const [file, icon] of cases()) {
			expect(typeof icon).toBe('object');
			const { light, dark } = icon as { light: string; dark: string };
			const [lightFile, darkFile] = [light, dark].map((ref) => {
				expect(ref).toMatch(/^file:.+\.svg$/);
				const dir = file.split('/').slice(0, -1);
				for (const part of ref.slice('file:'.length).split('/')) {
					if (part === '..') dir.pop();
					else dir.push(part);
				}
				return dir.join('/');
			});
			for (const svg of [lightFile, darkFile]) {
				expect(pkg.files).toContain(svg);
				expect(pkg.read(svg)).toMatch(/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/);
			}
			expect(pkg.readBytes(lightFile).equals(pkg.readBytes(darkFile))).toBe(false);
		}
	});
});

describe(`codex files for both nodes (${CODEX})`, () => {
	test('each node ships a codex file naming it, with categories and documentation links', () => {
		expect(nodes.length).toBe(2);
		for (const { file, description } of nodes) {
			const codexFile = file.replace(/\.js$/, '.json');
			expect(pkg.files).toContain(codexFile);
			const codex = JSON.parse(pkg.read(codexFile));
			expect(codex).toMatchObject({
				node: `${manifest.name}.${description.name}`,
				nodeVersion: expect.stringMatching(/^\d+\.\d+$/),
				codexVersion: expect.stringMatching(/^\d+\.\d+$/),
			});
			expect(codex.categories.length).toBeGreaterThan(0);
			for (const kind of ['primaryDocumentation', 'credentialDocumentation']) {
				expect(codex.resources[kind][0].url).toMatch(/^https:\/\//);
			}
		}
	});
});
