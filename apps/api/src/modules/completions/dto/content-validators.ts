/**
 * Validators for the parts of a chat request that class-validator cannot express as one class:
 * message content (a string or typed parts, depending on the role), tool_choice and stop.
 */
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

type Check = (value: unknown, object: Record<string, unknown>) => string | null;

function custom(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    const problems = new WeakMap<object, string>();
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const problem = check(value, args.object as Record<string, unknown>);
          if (problem) problems.set(args.object, problem);
          return problem === null;
        },
        defaultMessage: (args: ValidationArguments) => `${args.property} ${problems.get(args.object) ?? 'is invalid'}`,
      },
    });
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function textPartProblem(part: Record<string, unknown>, index: number): string | null {
  if (typeof part.text !== 'string') return `part ${index} must have a string text`;
  const extra = Object.keys(part).filter((key) => key !== 'type' && key !== 'text');
  return extra.length ? `part ${index} has unknown field(s) ${extra.join(', ')}` : null;
}

function imagePartProblem(part: Record<string, unknown>, index: number): string | null {
  const image = part.image_url;
  if (!isRecord(image) || typeof image.url !== 'string' || image.url === '') return `part ${index} must have image_url.url`;
  if (!/^(https?:\/\/|data:image\/[a-z0-9.+-]+;base64,)/i.test(image.url))
    return `part ${index}: image_url.url must be an http(s) URL or a base64 data: URL`;
  if (image.detail !== undefined && !['auto', 'low', 'high'].includes(image.detail as string))
    return `part ${index}: image_url.detail must be auto, low or high`;
  return null;
}

function partsProblem(parts: unknown[], allowImages: boolean): string | null {
  if (parts.length === 0) return 'must not be an empty array';
  for (const [index, part] of parts.entries()) {
    if (!isRecord(part)) return `part ${index} must be an object`;
    if (part.type === 'text') {
      const problem = textPartProblem(part, index);
      if (problem) return problem;
    } else if (part.type === 'image_url' && allowImages) {
      const problem = imagePartProblem(part, index);
      if (problem) return problem;
    } else {
      return `part ${index}: type '${String(part.type)}' is not supported${allowImages ? '' : ' in this role'}`;
    }
  }
  return null;
}

/** `content` by role: user parts may be text or images, other roles text only; assistant may omit it for tool calls. */
export function IsMessageContent(): PropertyDecorator {
  return custom('isMessageContent', (value, message) => {
    const role = message.role;
    if (value === null || value === undefined) {
      return role === 'assistant' ? null : 'is required';
    }
    if (typeof value === 'string') return null;
    if (!Array.isArray(value)) return 'must be a string or an array of content parts';
    return partsProblem(value, role === 'user');
  });
}

/** `none`, `auto`, `required`, or `{ type: 'function', function: { name } }`. */
export function IsToolChoice(): PropertyDecorator {
  return custom('isToolChoice', (value) => {
    if (value === 'none' || value === 'auto' || value === 'required') return null;
    if (isRecord(value) && value.type === 'function' && isRecord(value.function) && typeof value.function.name === 'string') return null;
    return 'must be \'none\', \'auto\', \'required\' or {"type":"function","function":{"name":...}}';
  });
}

/** A string or up to 4 strings. */
export function IsStopSequences(): PropertyDecorator {
  return custom('isStopSequences', (value) => {
    if (typeof value === 'string') return null;
    if (Array.isArray(value) && value.length <= 4 && value.every((item) => typeof item === 'string')) return null;
    return 'must be a string or an array of at most 4 strings';
  });
}
