import type { ValueTransformer } from 'typeorm';

/** pg returns int8 as a string; money is a JS bigint in code, never a float. */
export const nullableBigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
