/**
 * Cuts text into pieces the BPE tokenizer encodes in bounded time. gpt-tokenizer's merge loop is
 * quadratic in the length of one pre-token (a run of letters, symbols or whitespace): 40,000 × "A"
 * took 2 s, 40 KB of emoji 3 s. Pieces end where o200k's pre-tokenizer always splits (before a
 * space between two non-spaces, after a newline before a non-space other than "/"), so the
 * pieces' token counts add up to the exact count of the whole. A run with no such place in
 * `maxRunChars` is cut every `maxRunChars` characters ("forced"): its count may then differ from
 * the exact one, usually upwards, by at most a token or two per cut (see FORCED_CUT_MARGIN_TOKENS).
 */

export interface TokenizerPiece {
  text: string;
  /** Whether the piece starts at a forced cut inside a run rather than at a pre-token boundary. */
  forced: boolean;
}

/**
 * Longest run without a pre-token boundary encoded in one go: at most 256 bytes of UTF-8. The cost
 * of a run grows with its square: 256 characters of random 2-byte letters took up to 80 ms, 64 take
 * a few.
 */
export const MAX_RUN_CHARS = 64;
/** Clean pieces are grouped up to this length: one tokenizer call each, and a clock check between. */
const MAX_PIECE_CHARS = 256;
// Positions where every o200k pre-token ends: a space between non-spaces (the space starts the next
// word), or after a newline before a non-space that cannot extend the newline's token (`/` can).
const BOUNDARY = /(?<=\S) (?=\S)|(?<=\n)(?=[^\s/])/gu;

export function* tokenizerPieces(text: string, maxRunChars = MAX_RUN_CHARS): Generator<TokenizerPiece> {
  const maxPiece = Math.max(MAX_PIECE_CHARS, maxRunChars);
  // Its own copy: a generator pauses between pieces, and another one may run meanwhile.
  const boundaries = new RegExp(BOUNDARY);
  let start = 0;
  let forced = false;
  while (text.length - start > maxPiece) {
    // Boundaries are looked for in a bounded window (plus one character of look-ahead), never in the whole text.
    const window = text.slice(start, start + maxPiece + 1);
    let lastBoundary = 0;
    boundaries.lastIndex = 1;
    for (
      let match = nextBoundary(boundaries, window);
      match !== null && match.index <= maxPiece;
      match = nextBoundary(boundaries, window)
    ) {
      if (match.index - lastBoundary > maxRunChars) break;
      lastBoundary = match.index;
    }
    if (lastBoundary > 0) {
      yield { text: text.slice(start, start + lastBoundary), forced };
      start += lastBoundary;
      forced = false;
    } else {
      const end = codePointSafe(text, start + maxRunChars);
      yield { text: text.slice(start, end), forced };
      start = end;
      forced = true;
    }
  }
  if (start < text.length) yield* lastPieces(boundaries, text.slice(start), forced, maxRunChars);
}

/** The tail (at most one piece long): cut only where a run in it is too long. */
function* lastPieces(boundaries: RegExp, tail: string, forced: boolean, maxRunChars: number): Generator<TokenizerPiece> {
  let start = 0;
  let lastBoundary = 0;
  boundaries.lastIndex = 1;
  for (let match = nextBoundary(boundaries, tail); ; match = nextBoundary(boundaries, tail)) {
    const boundary = match?.index ?? tail.length;
    while (boundary - lastBoundary > maxRunChars) {
      // A long run: what came before it goes alone, then the run in forced pieces.
      if (lastBoundary > start) {
        yield { text: tail.slice(start, lastBoundary), forced };
        start = lastBoundary;
        forced = false;
      }
      const end = codePointSafe(tail, start + maxRunChars);
      yield { text: tail.slice(start, end), forced };
      start = end;
      lastBoundary = end;
      forced = true;
    }
    lastBoundary = boundary;
    if (!match) break;
  }
  if (start < tail.length) yield { text: tail.slice(start), forced };
}

/** The next boundary after `boundaries.lastIndex`; steps past an empty match, which exec does not do. */
function nextBoundary(boundaries: RegExp, text: string): RegExpExecArray | null {
  const match = boundaries.exec(text);
  if (match && match[0] === '') boundaries.lastIndex = codePointSafe(text, match.index + 2);
  return match;
}

/** `index`, moved back one if it would split a surrogate pair (an emoji) in two. */
function codePointSafe(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}
