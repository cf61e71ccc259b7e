import * as packaged from 'gpt-tokenizer';
import packagedRanks from 'gpt-tokenizer/cjs/bpeRanks/o200k_base';
import { readFileSync } from 'node:fs';
import { countTokens, decode, encode, parseTiktokenRanks } from './o200k-tokenizer';

describe('the o200k tokenizer built from the rank file', () => {
  it("has gpt-tokenizer's own ranks, token for token", () => {
    const ranks = parseTiktokenRanks(readFileSync(require.resolve('gpt-tokenizer/data/o200k_base.tiktoken'), 'latin1'));
    expect(ranks).toHaveLength(packagedRanks.length);
    const differing = ranks.flatMap((token, rank) => (JSON.stringify(token) === JSON.stringify(packagedRanks[rank]) ? [] : [rank]));
    expect(differing).toEqual([]);
  });

  it('encodes and counts as the packaged tokenizer does', () => {
    const texts = [
      'Hello, world! How are you today?',
      '\uFEFFusing namespace std;\n\n',
      'Ünïcödé, 漢字, emoji 🎉🚀 and a Zero\u200bWidth space',
      readFileSync(__filename, 'utf8'),
    ];
    for (const text of texts) {
      expect(encode(text)).toEqual(packaged.encode(text));
      expect(countTokens(text)).toBe(packaged.countTokens(text));
    }
    // Not the byte order mark text: gpt-tokenizer's decoder drops a leading one on the first decode in a process.
    for (const text of [texts[0], texts[2]]) expect(decode(encode(text))).toBe(text);
  });

  it('keeps a token that is not UTF-8 on its own as bytes', () => {
    expect(parseTiktokenRanks(`${Buffer.from([0xe2, 0x82]).toString('base64')} 0\naGk= 1\n`)).toEqual([[0xe2, 0x82], 'hi']);
  });
});
