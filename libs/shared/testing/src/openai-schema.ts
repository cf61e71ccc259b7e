/**
 * Validates what the gateway returns against OpenAI's published OpenAPI component schemas
 * (data/openai-schemas.json in this library, vendored unchanged from openai/openai-openapi with its MIT notice), so a response or a
 * stream chunk that an OpenAI SDK would choke on fails the test that produced it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type OpenAiSchemaName =
  | 'CreateChatCompletionResponse'
  | 'CreateChatCompletionStreamResponse'
  | 'ListModelsResponse'
  | 'Model'
  | 'ErrorResponse'
  | 'CreateChatCompletionRequest';

/** Vendored in this library (data/README.md has the licence); OPENAI_SCHEMAS_FILE overrides it. */
const SCHEMAS_FILE = process.env.OPENAI_SCHEMAS_FILE ?? path.resolve(__dirname, '../data/openai-schemas.json');

let ajv: { instance: Ajv; id: string } | null = null;
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

function compiler(): { instance: Ajv; id: string } {
  if (ajv) return ajv;
  const document = JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8')) as { $id?: string };
  const id = document.$id ?? 'openai-schemas.json';
  // OpenAPI 3.0 flavour: `nullable`, vendor `x-` keywords and a `unixtime` integer format.
  const instance = new Ajv({ strict: false, allErrors: true, discriminator: true });
  addFormats(instance);
  instance.addFormat('unixtime', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
  instance.addSchema({ ...(openApiToJsonSchema(document) as object), $id: id });
  ajv = { instance, id };
  return ajv;
}

function validator(name: OpenAiSchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    const { instance, id } = compiler();
    const found = instance.getSchema(`${id}#/components/schemas/${name}`);
    if (!found) throw new Error(`No schema ${name} in ${SCHEMAS_FILE}`);
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
