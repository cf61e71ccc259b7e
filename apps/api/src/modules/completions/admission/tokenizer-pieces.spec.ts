import fc from 'fast-check';
import { countTokens } from 'gpt-tokenizer';
import { FORCED_CUT_MARGIN_TOKENS } from './bounded-token-count';
import { tokenizerPieces } from './tokenizer-pieces';

const exact = (text: string) => countTokens(text, { disallowedSpecial: new Set() });

/** Strings from a small alphabet: long runs, odd merges, emoji, combining marks, digits, newlines. */
function textFrom(alphabet: string[], maxLength: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));
}

const ALPHABETS = [
  ['a', 'b'],
  ['a', 'A', 'b', 'B', '1'],
  ['😀', 'a', '😁', ' '],
  ['é', 'è', 'a', '\u0301'],
  ['的', '一', '是', '。'],
  ['=', '-', '_', ' ', '\n'],
  ['0', '1', '9', ' '],
  ['.', ',', '"', "'", '(', ')', '{', '}', '/', '\n'],
  ["'", 's', 't', 'S', ' '],
  ['ab', 'ba', 'abc', 'cab', 'ation', 'al', 'ly', 'in'],
  ['A', 'Z', 'a', 'z', '0', '9', '+', '/'],
  ['word', ' ', '  ', '\n', '\n\n', '\t', 'x', '/', '\r\n'],
];
const anyText = (maxLength: number) => fc.oneof(...ALPHABETS.map((alphabet) => textFrom(alphabet, maxLength)));

describe('tokenizerPieces', () => {
  it('gives back the whole text, in order, never splitting an emoji', () => {
    fc.assert(
      fc.property(anyText(3000), fc.integer({ min: 4, max: 300 }), (text, maxRun) => {
        const pieces = [...tokenizerPieces(text, maxRun)];
        expect(pieces.map((piece) => piece.text).join('')).toBe(text);
        for (const { text: piece } of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(Math.max(256, maxRun));
          expect(/^[\udc00-\udfff]/.test(piece)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cuts only where the tokenizer splits anyway when no run is too long: the counts add up exactly', () => {
    // Words without whitespace, each followed by a space, a newline or more: runs stay short.
    const word = fc.oneof(
      ...ALPHABETS.map((alphabet) =>
        textFrom(
          alphabet.filter((part) => !/\s/.test(part)),
          10,
        ),
      ),
    );
    const separator = fc.constantFrom(' ', ' ', ' ', '\n', '  ', ' \n', '\n\n', '\t');
    const words = fc.array(fc.tuple(word, separator), { minLength: 150, maxLength: 500 }).map((parts) => parts.flat().join(''));
    let severalPieces = 0;
    fc.assert(
      fc.property(words, (text) => {
        const pieces = [...tokenizerPieces(text, 64)];
        if (pieces.some((piece) => piece.forced)) return;
        if (pieces.length > 1) severalPieces += 1;
        expect(pieces.reduce((sum, piece) => sum + exact(piece.text), 0)).toBe(exact(text));
      }),
      { numRuns: 100 },
    );
    expect(severalPieces).toBeGreaterThan(30);
  });

  it('with forced cuts inside long runs, the pieces plus the margin per cut never count fewer tokens than the whole', () => {
    fc.assert(
      fc.property(anyText(400), fc.integer({ min: 4, max: 40 }), (text, maxRun) => {
        const pieces = [...tokenizerPieces(text, maxRun)];
        const forced = pieces.filter((piece) => piece.forced).length;
        const counted = pieces.reduce((sum, piece) => sum + exact(piece.text), 0);
        expect(counted + forced * FORCED_CUT_MARGIN_TOKENS).toBeGreaterThanOrEqual(exact(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('bounds the run handed to the tokenizer in one go', () => {
    const runs = [...tokenizerPieces(`intro ${'A'.repeat(10_000)} outro`, 64)];
    expect(runs[0]).toEqual({ text: 'intro', forced: false });
    expect(runs.every((piece) => piece.text.length <= 64 + 1)).toBe(true);
    expect(runs.filter((piece) => piece.forced).length).toBe(Math.ceil(10_000 / 64) - 1);
  });
});
