// Rejects what the Gemini API rejects: unknown fields (it parses JSON into protobufs, so `additionalProperties`,
// `$schema` or `strict` in a function's parameters fail with "Unknown name ... Cannot find field"), bad roles,
// empty contents and invalid function names. Paths in messages use the API's snake_case field names.
// Sources: https://ai.google.dev/api/generate-content (request fields), https://ai.google.dev/api/caching#Schema
// (the OpenAPI subset Schema accepts), https://ai.google.dev/api/caching#FunctionDeclaration.
import { isRecord } from '../reply-plan';

export interface FieldViolation {
  field: string;
  description: string;
}

/** Protobuf JSON accepts both the lowerCamel and the original snake_case name of every field. */
function withSnakeCase(names: string[]): Set<string> {
  return new Set(names.flatMap((name) => [name, name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]));
}

const REQUEST_FIELDS = withSnakeCase([
  'model',
  'contents',
  'tools',
  'toolConfig',
  'safetySettings',
  'systemInstruction',
  'generationConfig',
  'cachedContent',
]);
const GENERATION_CONFIG_FIELDS = withSnakeCase([
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'enableEnhancedCivicAnswers',
  'speechConfig',
  'thinkingConfig',
  'imageConfig',
  'mediaResolution',
]);
const FUNCTION_DECLARATION_FIELDS = withSnakeCase([
  'name',
  'description',
  'behavior',
  'parameters',
  'parametersJsonSchema',
  'response',
  'responseJsonSchema',
]);
const SCHEMA_FIELDS = withSnakeCase([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'maxItems',
  'minItems',
  'properties',
  'required',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'example',
  'anyOf',
  'propertyOrdering',
  'default',
  'items',
  'minimum',
  'maximum',
]);
// A part holds exactly one of these data fields, plus optional metadata.
const PART_DATA_NAMES = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse', 'executableCode', 'codeExecutionResult'];
const PART_DATA_FIELDS = withSnakeCase(PART_DATA_NAMES);
const PART_FIELDS = withSnakeCase([...PART_DATA_NAMES, 'thought', 'thoughtSignature', 'videoMetadata', 'partMetadata', 'mediaResolution']);
const FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/;

/** Reads a field by its lowerCamel or snake_case name. */
export function field(record: Record<string, unknown>, camel: string): unknown {
  return record[camel] ?? record[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

function unknownName(name: string, path: string): FieldViolation {
  const at = path === '' ? '' : ` at '${path}'`;
  return { field: path, description: `Invalid JSON payload received. Unknown name "${name}"${at}: Cannot find field.` };
}

function checkFields(record: Record<string, unknown>, allowed: Set<string>, path: string, out: FieldViolation[]): void {
  for (const key of Object.keys(record)) if (!allowed.has(key)) out.push(unknownName(key, path));
}

function checkSchema(schema: unknown, path: string, out: FieldViolation[]): void {
  if (!isRecord(schema)) return;
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_FIELDS.has(key)) out.push(unknownName(key, path));
  }
  if (Array.isArray(schema.type)) {
    out.push({
      field: path,
      description: `Invalid JSON payload received. Unknown name "type" at '${path}': Proto field is not repeating, cannot start list.`,
    });
  }
  const properties = field(schema, 'properties');
  if (isRecord(properties)) Object.values(properties).forEach((value, i) => checkSchema(value, `${path}.properties[${i}].value`, out));
  const items = field(schema, 'items');
  if (items !== undefined) checkSchema(items, `${path}.items`, out);
  const anyOf = field(schema, 'anyOf');
  if (Array.isArray(anyOf)) anyOf.forEach((value, i) => checkSchema(value, `${path}.any_of[${i}]`, out));
}

/** Returns the API's error message ("Unknown name" lines, or the first request-shape error) or undefined. */
export function validateGeminiRequest(body: Record<string, unknown>): { message: string; violations: FieldViolation[] } | undefined {
  const violations: FieldViolation[] = [];
  checkFields(body, REQUEST_FIELDS, '', violations);

  const generationConfig = field(body, 'generationConfig');
  if (isRecord(generationConfig)) {
    checkFields(generationConfig, GENERATION_CONFIG_FIELDS, 'generation_config', violations);
    const responseSchema = field(generationConfig, 'responseSchema');
    if (responseSchema !== undefined) checkSchema(responseSchema, 'generation_config.response_schema', violations);
  }

  const tools = Array.isArray(body.tools) ? body.tools : [];
  tools.forEach((tool, i) => {
    const declarations = isRecord(tool) ? field(tool, 'functionDeclarations') : undefined;
    if (!Array.isArray(declarations)) return;
    declarations.forEach((declaration, j) => {
      if (!isRecord(declaration)) return;
      const path = `tools[${i}].function_declarations[${j}]`;
      checkFields(declaration, FUNCTION_DECLARATION_FIELDS, path, violations);
      if (declaration.parameters !== undefined) checkSchema(declaration.parameters, `${path}.parameters`, violations);
    });
  });

  const contents = body.contents;
  if (Array.isArray(contents)) {
    contents.forEach((content, i) => {
      const parts = isRecord(content) && Array.isArray(content.parts) ? content.parts : [];
      parts.forEach((part, j) => {
        if (isRecord(part)) checkFields(part, PART_FIELDS, `contents[${i}].parts[${j}]`, violations);
      });
    });
  }

  if (violations.length > 0) return { message: violations.map((v) => v.description).join('\n'), violations };
  const shapeError = requestShapeError(body, tools);
  return shapeError ? { message: shapeError, violations: [] } : undefined;
}

/** Semantic checks the API runs after parsing; it reports them as "* GenerateContentRequest.<path>: ..." lines. */
function requestShapeError(body: Record<string, unknown>, tools: unknown[]): string | undefined {
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) return '* GenerateContentRequest.contents: contents is not specified\n';
  for (let i = 0; i < contents.length; i++) {
    const content = contents[i];
    if (!isRecord(content)) return `* GenerateContentRequest.contents[${i}]: must be an object\n`;
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') return 'Please use a valid role: user, model.';
    if (!Array.isArray(content.parts) || content.parts.length === 0)
      return `* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`;
    for (let j = 0; j < content.parts.length; j++) {
      const part = content.parts[j];
      if (!isRecord(part) || !Object.keys(part).some((key) => PART_DATA_FIELDS.has(key))) {
        return `* GenerateContentRequest.contents[${i}].parts[${j}].data: required oneof field 'data' must have one initialized field\n`;
      }
    }
  }
  for (let i = 0; i < tools.length; i++) {
    const tool = tools[i];
    const declarations = isRecord(tool) ? field(tool, 'functionDeclarations') : undefined;
    if (!Array.isArray(declarations)) continue;
    for (let j = 0; j < declarations.length; j++) {
      const declaration = declarations[j];
      const name = isRecord(declaration) ? declaration.name : undefined;
      if (typeof name !== 'string' || !FUNCTION_NAME.test(name)) {
        return `* GenerateContentRequest.tools[${i}].function_declarations[${j}].name: Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64.\n`;
      }
    }
  }
  return undefined;
}
