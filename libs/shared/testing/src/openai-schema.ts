/**
 * Validates what the gateway returns against OpenAI's published OpenAPI component schemas
 * (data/openai-schemas.json and data/openai-responses-schemas.json in this library, vendored
 * unchanged from openai/openai-openapi with their MIT notice), so a response or a stream chunk or
 * event that an OpenAI SDK would choke on fails the test that produced it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Schemas of data/openai-schemas.json (chat completions, models, errors). */
type ChatSchemaName =
  | 'CreateChatCompletionResponse'
  | 'CreateChatCompletionStreamResponse'
  | 'ListModelsResponse'
  | 'Model'
  | 'ErrorResponse'
  | 'CreateChatCompletionRequest';

/** Schemas of data/openai-responses-schemas.json (the Responses API and embeddings). */
type ResponsesSchemaName =
  'Response' | 'ResponseStreamEvent' | `Response${string}Event` | 'CreateResponse' | 'CreateEmbeddingResponse' | 'CreateEmbeddingRequest';

export type OpenAiSchemaName = ChatSchemaName | ResponsesSchemaName;

const RESPONSES_SCHEMAS = /^(Response|Response\w*Event|CreateResponse|CreateEmbeddingResponse|CreateEmbeddingRequest)$/;

/** Vendored in this library (data/README.md has the licence); OPENAI_SCHEMAS_FILE overrides the chat file. */
const CHAT_SCHEMAS_FILE = process.env.OPENAI_SCHEMAS_FILE ?? path.resolve(__dirname, '../data/openai-schemas.json');
const RESPONSES_SCHEMAS_FILE = path.resolve(__dirname, '../data/openai-responses-schemas.json');

const compilers = new Map<string, { instance: Ajv; id: string }>();
const validators = new Map<OpenAiSchemaName, ValidateFunction>();

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `null` added to the type (and enum), or an anyOf
 * with null where it sits beside a `$ref` or a composition, which Ajv's own `nullable` cannot handle.
 */
export function openApiToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) converted[key] = openApiToJsonSchema(value);
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string' && converted.$ref === undefined) {
    const withNull: Record<string, unknown> = { ...converted, type: [converted.type, 'null'] };
    if (Array.isArray(converted.enum)) withNull.enum = [...converted.enum, null];
    return withNull;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/** One Ajv per file: both files define some schemas under the same names. */
function compiler(file: string): { instance: Ajv; id: string } {
  const cached = compilers.get(file);
  if (cached) return cached;
  const document = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
  const id = document.$id ?? path.basename(file);
  // OpenAPI 3.0 flavour: `nullable`, vendor `x-` keywords and a `unixtime` integer format.
  // The Responses file's event unions name a discriminator Ajv cannot use (its branches are refs to
  // unions); without it each event still has to match exactly one branch, told apart by their `type` enums.
  const instance = new Ajv({ strict: false, allErrors: true, discriminator: file !== RESPONSES_SCHEMAS_FILE });
  addFormats(instance);
  instance.addFormat('unixtime', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
  instance.addSchema({ ...(openApiToJsonSchema(document) as object), $id: id });
  compilers.set(file, { instance, id });
  return { instance, id };
}

function validator(name: OpenAiSchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const file = RESPONSES_SCHEMAS.test(name) ? RESPONSES_SCHEMAS_FILE : CHAT_SCHEMAS_FILE;
    const { instance, id } = compiler(file);
    const found = instance.getSchema(`${id}#/components/schemas/${name}`);
    if (!found) throw new Error(`No schema ${name} in ${file}`);
    validate = found;
    validators.set(name, validate);
  }
  return validate;
}

/** Human-readable violations of schema `name` by `value`; empty when it conforms. */
export function openAiSchemaErrors(name: OpenAiSchemaName, value: unknown): string[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${name}${error.instancePath || ''} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
}

/**
 * Violations of a Responses stream event against the schema of its own type (e.g.
 * `response.output_text.delta` → ResponseTextDeltaEvent), which names the problem where the whole
 * union would list every other event's mismatch too; an unknown type is itself a violation.
 */
export function responseEventSchemaErrors(event: { type?: unknown }): string[] {
  const name = RESPONSE_EVENT_SCHEMAS[String(event.type)];
  if (!name) return [`unknown Responses event type ${JSON.stringify(event.type)}`];
  const errors = openAiSchemaErrors(name, event);
  if (errors.length > 0) return errors;
  // Its own schema passed: the union must accept it too (exactly one branch).
  return openAiSchemaErrors('ResponseStreamEvent', event).length === 0
    ? []
    : [`${name} passes but the ResponseStreamEvent union refuses it`];
}

const RESPONSE_EVENT_SCHEMAS: Record<string, OpenAiSchemaName> = {
  'response.created': 'ResponseCreatedEvent',
  'response.in_progress': 'ResponseInProgressEvent',
  'response.output_item.added': 'ResponseOutputItemAddedEvent',
  'response.output_item.done': 'ResponseOutputItemDoneEvent',
  'response.content_part.added': 'ResponseContentPartAddedEvent',
  'response.content_part.done': 'ResponseContentPartDoneEvent',
  'response.output_text.delta': 'ResponseTextDeltaEvent',
  'response.output_text.done': 'ResponseTextDoneEvent',
  'response.function_call_arguments.delta': 'ResponseFunctionCallArgumentsDeltaEvent',
  'response.function_call_arguments.done': 'ResponseFunctionCallArgumentsDoneEvent',
  'response.reasoning_summary_part.added': 'ResponseReasoningSummaryPartAddedEvent',
  'response.reasoning_summary_text.delta': 'ResponseReasoningSummaryTextDeltaEvent',
  'response.reasoning_summary_text.done': 'ResponseReasoningSummaryTextDoneEvent',
  'response.reasoning_summary_part.done': 'ResponseReasoningSummaryPartDoneEvent',
  'response.completed': 'ResponseCompletedEvent',
  'response.incomplete': 'ResponseIncompleteEvent',
  'response.failed': 'ResponseFailedEvent',
  error: 'ResponseErrorEvent',
};
