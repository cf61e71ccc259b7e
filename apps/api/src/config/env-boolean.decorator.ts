import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

/** A boolean variable: "true"/"1"/"yes" or "false"/"0"/"no"; anything else fails validation. */
export function EnvBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = String(obj[key]).toLowerCase();
      return TRUE.has(raw) ? true : FALSE.has(raw) ? false : obj[key];
    }),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
}
