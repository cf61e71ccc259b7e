import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const MAX_BYTES = 1024 * 1024;
const SIGNATURES: Record<string, number[]> = { PNG: [0x89, 0x50, 0x4e, 0x47], JPEG: [0xff, 0xd8, 0xff] };

/** Why `file` cannot be used as an image (missing, unreadable, too big, not PNG or JPEG), or null when it can. */
export function imageFileProblem(file: string): string | null {
  try {
    const { size } = statSync(file);
    if (size > MAX_BYTES) return `is ${size} bytes; at most ${MAX_BYTES} are allowed`;
    const head = Buffer.alloc(4);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 4, 0);
    } finally {
      closeSync(fd);
    }
    const matches = Object.values(SIGNATURES).some((signature) => signature.every((byte, index) => head[index] === byte));
    return matches ? null : 'is not a PNG or JPEG image';
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}

/** A path to a readable PNG or JPEG of at most 1 MB, checked at boot so a bad path stops the start, not an invoice. */
export function IsImageFile(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isImageFile',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && imageFileProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${imageFileProblem(String(args?.value)) ?? 'must be a PNG or JPEG file'}: ${String(args?.value)}`,
      },
    },
    options,
  );
}
