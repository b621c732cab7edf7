import {
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type ExecutionError,
} from 'n8n-workflow';
import { AlloApi } from '../../credentials/AlloApi.credentials';
import { Allo } from '../../nodes/Allo/Allo.node';
import { AlloTrigger } from '../../nodes/AlloTrigger/AlloTrigger.node';

/** Runs the package's nodes in-process through n8n-core's execution engine, as n8n's own node tests do. */

export const BASE_URL = 'https://api.allo.test';
export const API_KEY = 'test-key-123';
export const WEBHOOK_BASE_URL = 'https://n8n.example.com/webhook';

const ALLO_TYPE = 'n8n-nodes-allo.allo';
const TRIGGER_TYPE = 'n8n-nodes-allo.alloTrigger';

const nodeTypeInstances: Record<string, INodeType> = {
	[ALLO_TYPE]: new Allo(),
	[TRIGGER_TYPE]: new AlloTrigger(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeInstances[type],
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypeInstances[type], version),
	getKnownTypes: () => ({}),
};

const credentialType = new AlloApi();

/** Decrypted credentials from memory; authenticates requests with the credential's own function. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	) {
		if (typeName !== credentialType.name) return requestOptions;
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new TypeError('Not used by these tests');
	}

	async getDecrypted() {
		return this.data;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export interface Credentials {
	apiKey?: string;
	baseUrl?: string;
}

function additionalData(
	credentials: Credentials,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
) {
	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'wf1',
		name: 'Allo test',
		nodes: [],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const data = {
		executionId: '1',
		hooks,
		credentialsHelper: new TestCredentialsHelper({
			apiKey: API_KEY,
			baseUrl: BASE_URL,
			...credentials,
		}),
		currentNodeParameters: undefined,
		restApiUrl: 'https://n8n.example.com/rest',
		instanceBaseUrl: 'https://n8n.example.com',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
		webhookWaitingBaseUrl: 'https://n8n.example.com/webhook-waiting',
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		variables: {},
		...extra,
	};
	return { hooks, data: data as unknown as IWorkflowExecuteAdditionalData };
}

function makeNode(type: string, name: string, parameters: INodeParameters, typeVersion = 1): INode {
	return {
		id: `${name}-id`,
		name,
		type,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { alloApi: { id: 'cred1', name: 'Allo account' } },
		webhookId: type === TRIGGER_TYPE ? 'a1b2c3d4-0000-4000-8000-000000000001' : undefined,
	};
}

function makeWorkflow(node: INode, staticData: IDataObject = {}, timezone?: string) {
	return new Workflow({
		id: 'wf1',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
		settings: timezone ? { timezone } : {},
	});
}

export interface RunResult {
	items: INodeExecutionData[];
	error?: ExecutionError;
	run: IRun;
}

/** Executes a one-node workflow with the Allo node and the given input items. */
export async function runAllo(
	parameters: INodeParameters,
	options: {
		input?: INodeExecutionData[];
		credentials?: Credentials;
		continueOnFail?: boolean;
		/** The workflow's time zone setting. */
		timezone?: string;
	} = {},
): Promise<RunResult> {
	const node = makeNode(ALLO_TYPE, 'Allo', parameters);
	if (options.continueOnFail) node.onError = 'continueRegularOutput';
	const workflow = makeWorkflow(node, {}, options.timezone);
	const { hooks, data } = additionalData(options.credentials ?? {});
	const done = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [options.input ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	await new WorkflowExecute(data, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await done;
	const nodeRun = run.data.resultData.runData.Allo?.[0];
	return {
		items: nodeRun?.data?.main[0] ?? [],
		error: run.data.resultData.error ?? nodeRun?.error,
		run,
	};
}

/** A node's canvas subtitle, evaluated by n8n's expression engine as the editor does. */
export function subtitleOf(type: string, parameters: INodeParameters): unknown {
	const node = makeNode(type, 'Node', parameters);
	const { subtitle } = nodeTypes.getByNameAndVersion(type).description;
	return makeWorkflow(node).expression.getSimpleParameterValue(node, subtitle, 'internal', {});
}

/** A load-options context of the Allo node (dropdowns and the contact picker). */
export function loadOptionsContext(parameters: INodeParameters, credentials: Credentials = {}) {
	const node = makeNode(ALLO_TYPE, 'Allo', parameters);
	const { data } = additionalData(credentials, { currentNodeParameters: parameters });
	return new LoadOptionsContext(makeWorkflow(node), node, data, 'parameters');
}

export const trigger = nodeTypeInstances[TRIGGER_TYPE] as AlloTrigger;

/** A trigger node with its static data, shared by the lifecycle and webhook contexts built from it. */
export function triggerSetup(
	parameters: INodeParameters,
	staticData: IDataObject = {},
	typeVersion = 1,
) {
	const node = makeNode(TRIGGER_TYPE, 'Allo Trigger', parameters, typeVersion);
	const workflow = makeWorkflow(node, staticData);
	const webhookUrl = `${WEBHOOK_BASE_URL}/${node.webhookId}/webhook`;
	return {
		node,
		workflow,
		webhookUrl,
		state: () => workflow.getStaticData('node', node) as IDataObject,
		hookContext() {
			const { data } = additionalData({});
			return new HookContext(workflow, node, data, 'trigger', 'activate');
		},
		/**
		 * Delivers one request to the trigger's webhook(); the response is captured. `answer(status)`
		 * is n8n's reply once it has tried to start the execution: 2xx once stored, else an error.
		 */
		webhookContext(request: { body: string; headers: Record<string, string> }) {
			const response: { status?: number; body?: unknown } = {};
			const closed: Array<() => void> = [];
			/** The connection closes; without an answer written first, the sender gave up before n8n answered. */
			const hangUp = () => {
				for (const listener of closed.splice(0)) listener();
			};
			const res = {
				statusCode: 200,
				writableFinished: false,
				once(event: string, listener: () => void) {
					if (event === 'close') closed.push(listener);
					return res;
				},
				status(code: number) {
					response.status = code;
					res.statusCode = code;
					return res;
				},
				json(body: unknown) {
					response.body = body;
					return res.end();
				},
				end() {
					res.writableFinished = true;
					hangUp();
					return res;
				},
			};
			const answer = (status: number) => res.status(status).end();
			const req = {
				body: JSON.parse(request.body),
				rawBody: Buffer.from(request.body),
				headers: request.headers,
				query: {},
				params: {},
			};
			const { data } = additionalData({}, { httpRequest: req, httpResponse: res } as never);
			const webhookData = {
				httpMethod: 'POST',
				node: node.name,
				path: 'webhook',
				webhookDescription: trigger.description.webhooks![0],
				workflowId: 'wf1',
				workflowExecuteAdditionalData: data,
			} as IWebhookData;
			return {
				context: new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null),
				response,
				answer,
				hangUp,
			};
		},
	};
}
