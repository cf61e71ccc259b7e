/**
 * Counts the tokens of a request's texts within a time budget, so that no text, however long or
 * odd, holds the event loop for long: exactly (in bounded pieces) while the budget lasts, then
 * estimated. Two figures come out: the best count, for the context check and usage, and an upper
 * bound, for the billing hold, which must never be too small.
 */
import { countTokens } from './o200k-tokenizer';
import { MAX_RUN_CHARS, tokenizerPieces } from './tokenizer-pieces';

export interface TokenCount {
  /** Exact (`estimated` false), or the exact part plus the rest extrapolated at the counted part's rate. */
  tokens: number;
  /** Never below the o200k count: the counted part (plus a margin per forced cut), plus one token per UTF-8 byte of the rest. */
  upperBound: number;
  /** True when part of the text was estimated rather than counted. */
  estimated: boolean;
}

/**
 * Time spent counting one request before the rest is estimated. Plain English counts at ~50-100 ms
 * per MB on a loaded 2-core machine, so prompts up to a few hundred KB stay exact; adversarial
 * text costs up to ~15 µs per byte and is estimated after ~20 KB.
 */
export const COUNT_BUDGET_MS = 20;
/**
 * A forced cut inside a long run (see tokenizer-pieces.ts) can make the pieces count fewer tokens
 * than the whole: by 2 at most in 60,000 random adversarial strings; the upper bound adds 3 per cut.
 */
export const FORCED_CUT_MARGIN_TOKENS = 3;
/** Tokens per UTF-16 unit assumed when nothing was counted exactly (English runs at ~0.25). */
const DEFAULT_TOKENS_PER_CHAR = 0.25;
// Customer text that happens to look like a special token is counted as plain text.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

export class BoundedTokenCount {
  private counted = 0;
  private textTokens = 0;
  private countedChars = 0;
  private forcedCuts = 0;
  private restChars = 0;
  private restBytes = 0;
  private readonly deadline: number;
  private outOfTime = false;

  constructor(
    budgetMs = COUNT_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + budgetMs;
  }

  /** Fixed overheads (message framing, images): exact by definition. */
  addTokens(tokens: number): void {
    this.counted += tokens;
  }

  /** Adds one text; returns its own figures (its estimate at the rate counted so far). */
  addText(text: string): TokenCount {
    const before = { counted: this.counted, forcedCuts: this.forcedCuts, restChars: this.restChars, restBytes: this.restBytes };
    this.countText(text);
    const counted = this.counted - before.counted;
    const restChars = this.restChars - before.restChars;
    const upperBound = counted + (this.forcedCuts - before.forcedCuts) * FORCED_CUT_MARGIN_TOKENS + (this.restBytes - before.restBytes);
    if (restChars === 0) return { tokens: counted, upperBound, estimated: false };
    return { tokens: Math.min(upperBound, counted + Math.ceil(restChars * this.rate)), upperBound, estimated: true };
  }

  get result(): TokenCount {
    const estimated = this.restChars > 0;
    const upperBound = this.counted + this.forcedCuts * FORCED_CUT_MARGIN_TOKENS + this.restBytes;
    if (!estimated) return { tokens: this.counted, upperBound, estimated };
    return { tokens: Math.min(upperBound, this.counted + Math.ceil(this.restChars * this.rate)), upperBound, estimated };
  }

  /** Tokens per UTF-16 unit of the text counted so far: the rate the rest is estimated at. */
  private get rate(): number {
    return this.countedChars > 0 ? this.textTokens / this.countedChars : DEFAULT_TOKENS_PER_CHAR;
  }

  private countText(text: string): void {
    if (text.length === 0) return;
    if (this.isOutOfTime()) return this.estimate(text);
    if (text.length <= MAX_RUN_CHARS) return this.countPiece(text);
    let offset = 0;
    for (const piece of tokenizerPieces(text)) {
      if (this.isOutOfTime()) break;
      if (piece.forced) this.forcedCuts += 1;
      this.countPiece(piece.text);
      offset += piece.text.length;
    }
    if (offset < text.length) this.estimate(offset === 0 ? text : text.slice(offset));
  }

  private isOutOfTime(): boolean {
    this.outOfTime ||= this.now() >= this.deadline;
    return this.outOfTime;
  }

  private countPiece(text: string): void {
    const tokens = countTokens(text, PLAIN_TEXT);
    this.counted += tokens;
    this.textTokens += tokens;
    this.countedChars += text.length;
  }

  private estimate(rest: string): void {
    this.restChars += rest.length;
    // Byte-level BPE: every token stands for at least one byte, so bytes bound tokens from above.
    this.restBytes += Buffer.byteLength(rest, 'utf8');
  }
}
