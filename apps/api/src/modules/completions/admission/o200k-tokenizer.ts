/**
 * OpenAI's o200k_base tokenizer: gpt-tokenizer's encoder, built from the package's own `.tiktoken`
 * rank file instead of its generated JavaScript module. The ranks are the same, token for token
 * (the spec compares them), but parsing that module's 2.2 MB array literal left about 20 MB more
 * resident memory for the life of the process than reading the ranks from text.
 */
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { GptEncoding } from 'gpt-tokenizer/cjs/GptEncoding';

/** A UTF-8 byte order mark: gpt-tokenizer keeps tokens that start with one as bytes, as tiktoken's data has them. */
const BYTE_ORDER_MARK = '\uFEFF';
/**
 * Recently merged pieces kept (gpt-tokenizer keeps 100,000): varied traffic fills the cache, so
 * its size is resident memory; a request's repeated words still hit it.
 */
const MERGE_CACHE_ENTRIES = 20_000;

/** `tiktoken` rank files: one `<base64 token> <rank>` per line. A token that is not UTF-8 stays bytes. */
export function parseTiktokenRanks(text: string): Array<string | number[]> {
  const ranks: Array<string | number[]> = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 ? text.length : newline;
    const space = text.indexOf(' ', start);
    if (space > start && space < lineEnd) {
      const bytes = Buffer.from(text.slice(start, space), 'base64');
      ranks[Number(text.slice(space + 1, lineEnd))] = asToken(bytes, utf8);
    }
    start = lineEnd + 1;
  }
  return ranks;
}

function asToken(bytes: Buffer, utf8: TextDecoder): string | number[] {
  try {
    const token = utf8.decode(bytes);
    if (!token.startsWith(BYTE_ORDER_MARK)) return token;
  } catch {
    // Not UTF-8 on its own (part of a multi-byte character): kept as bytes.
  }
  return [...bytes];
}

const ranks = parseTiktokenRanks(readFileSync(require.resolve('gpt-tokenizer/data/o200k_base.tiktoken'), 'latin1'));

const encoding = GptEncoding.getEncodingApi('o200k_base', () => ranks);
encoding.setMergeCacheSize(MERGE_CACHE_ENTRIES);

// Bound methods, as gpt-tokenizer's own entry point exports them.
export const { countTokens, encode, decode } = encoding;
