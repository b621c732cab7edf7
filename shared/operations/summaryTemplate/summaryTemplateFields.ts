import { inputError } from '../../validation/inputError';
import { overridable } from '../commonFields';
import { compact } from '../v2';

/** Allo allows this many sections per template. */
export const MAX_SECTIONS = 10;

export const templateIdField = overridable({
	key: 'templateId',
	label: 'Summary Template',
	type: 'string',
	required: true,
	dynamic: 'summaryTemplates',
	example: 'tst-abc123',
	description: 'The summary template, picked from the list or given by ID',
});

export const templateFields = [
	{ key: 'name', label: 'Name', type: 'string', required: true, example: 'Discovery call' },
	{
		key: 'sections',
		label: 'Sections',
		type: 'text',
		required: true,
		example: 'Needs: What the prospect needs\nNext steps: What was agreed',
		description: `One section per line, "Title: instructions for the AI"; at most ${MAX_SECTIONS}`,
	},
	{
		key: 'callContext',
		label: 'Call Context',
		type: 'text',
		group: 'additionalFields',
		example: 'First call with a prospect',
		description: 'What kind of call the template is for, to guide the AI',
	},
	{ key: 'icon', label: 'Icon', type: 'string', group: 'additionalFields', example: '📞' },
] as const;

interface TemplateInput {
	name: string;
	sections: string;
	callContext?: string;
	icon?: string;
}

/** One "Title: instructions" line as a section. */
function section(line: string, order: number) {
	const colon = line.indexOf(':');
	const title = colon === -1 ? '' : line.slice(0, colon).trim();
	const instructions = colon === -1 ? '' : line.slice(colon + 1).trim();
	if (!title || !instructions) {
		throw inputError(
			'sections',
			'Sections',
			`line ${order + 1} is not "Title: instructions"`,
			'Write each line as a title, a colon, then the instructions for the AI.',
		);
	}
	return { title, instructions, order };
}

/** The template body: sections parsed from their lines, checked before any request. */
export function templateBody(input: TemplateInput): Record<string, unknown> {
	const lines = input.sections
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	if (lines.length > MAX_SECTIONS) {
		throw inputError(
			'sections',
			'Sections',
			`has ${lines.length} sections`,
			`Keep at most ${MAX_SECTIONS} lines.`,
		);
	}
	return compact({
		name: input.name,
		sections: lines.map(section),
		call_context: input.callContext,
		icon: input.icon,
	});
}
