/**
 * Gemini's `Schema` is a subset of OpenAPI 3.0 and rejects requests carrying any other JSON Schema
 * keyword ($schema, additionalProperties, strict, $ref, oneOf, const...). This rewrites a JSON
 * Schema into that subset, keeping meaning where a translation exists (local $refs inlined,
 * `const` as a one-value enum, `["string","null"]` as nullable) and dropping the rest.
 */
import { UnsupportedParameterError } from '../errors/unsupported-parameter.error';
import { isObject, type JsonObject } from '../shared/json';

// Fields of Gemini's Schema object (generativelanguage v1beta API reference).
const SUPPORTED_KEYS = new Set([
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
// The Gemini Developer API fails on any other `format`.
const SUPPORTED_FORMATS: Record<string, string[]> = {
  string: ['enum', 'date-time'],
  number: ['float', 'double'],
  integer: ['int32', 'int64'],
};

interface CleanContext {
  defs: JsonObject;
  /** Refs being expanded on the current path, to refuse recursive schemas Gemini cannot express. */
  expanding: readonly string[];
  param: string;
}

export function cleanGeminiSchema(schema: unknown, param: string): JsonObject {
  const root = isObject(schema) ? schema : {};
  const defs = { ...(isObject(root.definitions) ? root.definitions : {}), ...(isObject(root.$defs) ? root.$defs : {}) };
  return clean(root, { defs, expanding: [], param });
}

function clean(input: unknown, ctx: CleanContext): JsonObject {
  if (!isObject(input)) return {};
  let node = resolveRef(input, ctx);
  if (node !== input) ctx = { ...ctx, expanding: [...ctx.expanding, input.$ref as string] };
  node = mergeAllOf(node);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (SUPPORTED_KEYS.has(key)) out[key] = value;
  }
  if (node.oneOf !== undefined && out.anyOf === undefined) out.anyOf = node.oneOf;
  if (node.const !== undefined) out.enum = [node.const];
  normalizeType(out);
  if (Array.isArray(out.anyOf)) cleanAnyOf(out, ctx);
  if (Array.isArray(out.enum)) normalizeEnum(out);
  if (isObject(out.properties)) {
    const properties = out.properties;
    out.properties = Object.fromEntries(Object.entries(properties).map(([name, sub]) => [name, clean(sub, ctx)]));
    if (Array.isArray(out.required)) out.required = out.required.filter((name) => typeof name === 'string' && name in properties);
  } else {
    delete out.properties;
    delete out.required;
  }
  if (out.items !== undefined) {
    out.items = Array.isArray(out.items) ? { anyOf: out.items.map((item) => clean(item, ctx)) } : clean(out.items, ctx);
  }
  if (typeof out.format === 'string' && !SUPPORTED_FORMATS[String(out.type)]?.includes(out.format)) delete out.format;
  return out;
}

function resolveRef(node: JsonObject, ctx: CleanContext): JsonObject {
  if (typeof node.$ref !== 'string') return node;
  const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(node.$ref);
  const target = match ? ctx.defs[match[1]] : undefined;
  if (!isObject(target)) {
    throw new UnsupportedParameterError(ctx.param, `Schema reference '${node.$ref}' cannot be resolved for this model.`);
  }
  if (ctx.expanding.includes(node.$ref)) {
    throw new UnsupportedParameterError(ctx.param, 'Recursive schemas are not supported by this model.');
  }
  const { $ref: _ref, ...siblings } = node;
  return { ...target, ...siblings };
}

/** allOf of object schemas is flattened; Gemini has no intersection type. */
function mergeAllOf(node: JsonObject): JsonObject {
  if (!Array.isArray(node.allOf)) return node;
  const { allOf, ...rest } = node;
  const merged: JsonObject = { ...rest };
  for (const part of allOf.filter(isObject)) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isObject(value))
        merged.properties = { ...(isObject(merged.properties) ? merged.properties : {}), ...value };
      else if (key === 'required' && Array.isArray(value))
        merged.required = [...(Array.isArray(merged.required) ? merged.required : []), ...value];
      else if (merged[key] === undefined) merged[key] = value;
    }
  }
  return merged;
}

/** `type: ["string", "null"]` → `type: "string", nullable: true`; several types → anyOf. */
function normalizeType(out: JsonObject): void {
  if (!Array.isArray(out.type)) return;
  const types = out.type.filter((type) => type !== 'null');
  if (types.length < out.type.length) out.nullable = true;
  if (types.length === 1) out.type = types[0];
  else {
    delete out.type;
    if (types.length > 1) out.anyOf = types.map((type) => ({ type }));
  }
}

function cleanAnyOf(out: JsonObject, ctx: CleanContext): void {
  const options = (out.anyOf as unknown[]).map((option) => clean(option, ctx));
  const nonNull = options.filter((option) => option.type !== 'null');
  if (nonNull.length < options.length) out.nullable = true;
  if (nonNull.length === 1) {
    delete out.anyOf;
    Object.assign(out, { ...nonNull[0], ...out });
  } else {
    out.anyOf = nonNull;
  }
}

/** Gemini enums are strings; a null member means nullable. */
function normalizeEnum(out: JsonObject): void {
  const values = out.enum as unknown[];
  if (values.includes(null)) out.nullable = true;
  out.enum = values.filter((value) => value !== null).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
}
