/**
 * Test support: feeds recorded upstream streams to a parser in the ways a socket may deliver them,
 * so specs can check that chunking of the input never changes the output.
 */
import type { ChatCompletionChunk } from '@apilink/contracts';
import type { UpstreamStreamParser } from '../upstream-adapter';

export interface FeedResult {
  label: string;
  chunks: ChatCompletionChunk[];
}

/** Runs the whole text through a fresh parser in the given pieces, then ends it. */
export function feedPieces(parser: UpstreamStreamParser, pieces: readonly string[]): ChatCompletionChunk[] {
  const chunks = pieces.flatMap((piece) => parser.push(piece));
  return [...chunks, ...parser.end()];
}

/** Deterministic pseudo-random cuts (mulberry32), so a failing split can be replayed by its seed. */
export function splitRandomly(text: string, seed: number, maxPiece = 40): string[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pieces: string[] = [];
  for (let at = 0; at < text.length;) {
    const size = 1 + Math.floor(next() * maxPiece);
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

/** The same stream fed whole, one character at a time and in `randomSplits` random cuttings. */
export function feedInEverySplit(createParser: () => UpstreamStreamParser, text: string, randomSplits = 25): FeedResult[] {
  const results: FeedResult[] = [
    { label: 'whole', chunks: feedPieces(createParser(), [text]) },
    { label: 'one character at a time', chunks: feedPieces(createParser(), [...text]) },
  ];
  for (let seed = 1; seed <= randomSplits; seed += 1) {
    results.push({ label: `random split seed ${seed}`, chunks: feedPieces(createParser(), splitRandomly(text, seed)) });
  }
  return results;
}
