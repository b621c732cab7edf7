import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

/** One operation of the Allo node, run in-process against nock. */
export interface OperationCase {
	parameters: INodeParameters;
	/** Registers the API calls of a successful run. */
	happy: () => void;
	check: (items: INodeExecutionData[]) => void;
	/** Input the node rejects before any request, and the message it gives. */
	badInput?: { parameters: INodeParameters; message: string; description: RegExp };
	/** An error answer from Allo and the message users see. */
	apiError: { reply: () => void; message: string; httpCode: string };
}
