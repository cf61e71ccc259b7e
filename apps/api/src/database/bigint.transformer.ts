import type { ValueTransformer } from 'typeorm';

/** pg returns int8 as a string; money and prices are JS bigint micro-USD in code, never floats. One copy for every entity. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
