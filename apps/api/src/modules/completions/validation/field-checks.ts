/**
 * Small composable checks for request bodies: each throws a 400 whose `param` is the dotted path
 * of the offending field (`messages.0.role`), the same shape the global ValidationPipe produces.
 */
import { AppError } from '../../../common/errors/app-error';

export type Check = (value: unknown, path: string) => void;

export function fail(path: string, problem: string): never {
  throw AppError.invalidRequest(`${path} ${problem}`, path);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Absent and null both mean "not given", as OpenAI treats them. */
export const optional =
  (check: Check): Check =>
  (value, path) => {
    if (value !== undefined && value !== null) check(value, path);
  };

export const string =
  (options: { nonEmpty?: boolean; maxLength?: number; pattern?: RegExp; patternText?: string } = {}): Check =>
  (value, path) => {
    if (typeof value !== 'string') fail(path, 'must be a string');
    if (options.nonEmpty && value.length === 0) fail(path, 'should not be empty');
    if (options.maxLength !== undefined && value.length > options.maxLength) fail(path, `must be at most ${options.maxLength} characters`);
    if (options.pattern && !options.pattern.test(value)) fail(path, options.patternText ?? 'has an invalid format');
  };

export const number =
  (min: number, max: number, integer = false): Check =>
  (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `must be a ${integer ? 'whole ' : ''}number`);
    if (integer && !Number.isInteger(value)) fail(path, 'must be a whole number');
    if (value < min) fail(path, `must not be less than ${min}`);
    if (value > max) fail(path, `must not be greater than ${max}`);
  };

export const integer = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check => number(min, max, true);

export const boolean: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'must be a boolean value');
};

export const oneOf =
  (values: readonly unknown[]): Check =>
  (value, path) => {
    if (!values.includes(value)) fail(path, `must be one of: ${values.join(', ')}`);
  };

/** Any JSON object (JSON Schemas, metadata, logit_bias): its inside is not checked. */
export const anyObject: Check = (value, path) => {
  if (!isRecord(value)) fail(path, 'must be an object');
};

export const arrayOf =
  (item: Check, minItems = 0, maxItems = Number.MAX_SAFE_INTEGER): Check =>
  (value, path) => {
    if (!Array.isArray(value)) fail(path, 'must be an array');
    if (value.length < minItems) fail(path, `must contain at least ${minItems} element${minItems === 1 ? '' : 's'}`);
    if (value.length > maxItems) fail(path, `must contain at most ${maxItems} elements`);
    for (let index = 0; index < value.length; index++) item(value[index], `${path}.${index}`);
  };

/** An object with exactly these fields: unknown ones are refused by name rather than dropped. */
export const objectOf =
  (fields: Record<string, Check>): Check =>
  (value, path) => {
    if (!isRecord(value)) fail(path, 'must be an object');
    checkFields(value, fields, path);
  };

export function checkFields(value: Record<string, unknown>, fields: Record<string, Check>, path: string): void {
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      const param = path ? `${path}.${key}` : key;
      throw AppError.invalidRequest(`property ${param} should not exist`, param);
    }
  }
  for (const key in fields) fields[key](value[key], path ? `${path}.${key}` : key);
}
