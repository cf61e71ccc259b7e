// Deterministic unit vectors for the mock embeddings endpoints: the same text (or token list) and size always give
// the same vector, different inputs give different ones, and every vector has length 1 as real embeddings do.
import { createHash } from 'node:crypto';

export function mockEmbedding(input: string | readonly number[], dimensions: number): number[] {
  const seed = createHash('sha256')
    .update(typeof input === 'string' ? `t:${input}` : `k:${input.join(',')}`)
    .digest();
  const values: number[] = [];
  let state = seed.readUInt32LE(0) || 1;
  for (let i = 0; i < dimensions; i++) {
    // xorshift32: cheap, deterministic, good enough to spread values over [-1, 1].
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    values.push(state / 0x7fffffff - 1);
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  // Rounded like the providers' JSON (about 7 significant digits), so float32 base64 round-trips exactly enough.
  return values.map((value) => Math.fround(value / norm));
}

/** OpenAI's base64 encoding: the float32 values, little-endian, base64. */
export function toBase64Floats(values: readonly number[]): string {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => buffer.writeFloatLE(value, index * 4));
  return buffer.toString('base64');
}
