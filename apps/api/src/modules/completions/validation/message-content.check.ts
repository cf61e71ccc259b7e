/** Checks of the parts of a chat request whose shape depends on a value: content by role, tool_choice, stop. */
import { fail, isRecord, type Check } from './field-checks';

function textPart(part: Record<string, unknown>, path: string, where: string): void {
  if (typeof part.text !== 'string') fail(path, `${where} must have a string text`);
  for (const key in part) if (key !== 'type' && key !== 'text') fail(path, `${where} has an unknown field ${key}`);
}

function imagePart(part: Record<string, unknown>, path: string, where: string): void {
  const image = part.image_url;
  if (!isRecord(image) || typeof image.url !== 'string' || image.url === '') fail(path, `${where} must have image_url.url`);
  if (!/^(https?:\/\/|data:image\/[a-z0-9.+-]+;base64,)/i.test(image.url))
    fail(path, `${where}: image_url.url must be an http(s) URL or a base64 data: URL`);
  if (image.detail !== undefined && !['auto', 'low', 'high'].includes(image.detail as string))
    fail(path, `${where}: image_url.detail must be auto, low or high`);
}

/** `content` by role: user parts may be text or images, other roles text only; assistant may omit it for tool calls. */
export function messageContent(role: string): Check {
  return (value, path) => {
    if (value === null || value === undefined) {
      if (role !== 'assistant') fail(path, 'is required');
      return;
    }
    if (typeof value === 'string') return;
    if (!Array.isArray(value)) fail(path, 'must be a string or an array of content parts');
    if (value.length === 0) fail(path, 'must not be an empty array');
    value.forEach((part: unknown, index) => {
      // The param stays the content field; the message says which part.
      const where = `part ${index}`;
      if (!isRecord(part)) fail(path, `${where} must be an object`);
      if (part.type === 'text') textPart(part, path, where);
      else if (part.type === 'image_url' && role === 'user') imagePart(part, path, where);
      else fail(path, `${where}: type '${String(part.type)}' is not supported${role === 'user' ? '' : ' in this role'}`);
    });
  };
}

/** `none`, `auto`, `required`, or `{ type: 'function', function: { name } }`. */
export const toolChoice: Check = (value, path) => {
  if (value === 'none' || value === 'auto' || value === 'required') return;
  if (isRecord(value) && value.type === 'function' && isRecord(value.function) && typeof value.function.name === 'string') return;
  fail(path, 'must be \'none\', \'auto\', \'required\' or {"type":"function","function":{"name":...}}');
};

/** A string or up to 4 strings. */
export const stopSequences: Check = (value, path) => {
  if (typeof value === 'string') return;
  if (Array.isArray(value) && value.length <= 4 && value.every((item) => typeof item === 'string')) return;
  fail(path, 'must be a string or an array of at most 4 strings');
};
