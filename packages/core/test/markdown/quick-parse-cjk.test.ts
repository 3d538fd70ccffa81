import { quickParse } from '@rivulet/core/syntax';
import { describe, expect, it } from 'vitest';
import cjkFriendly from '../fixtures/markdown/cjk-friendly.json';
import { agreementOnGenerated, agrees, generatedTimeout, remarkTree } from './quick-parse-oracle';

/**
 * Characters next to delimiter runs: CJK text and punctuation, Hangul, fullwidth and halfwidth
 * forms, the first and last characters of the CJK blocks the quick parser knows and their
 * neighbours outside them, General Punctuation, emoji, variation selectors, characters outside the BMP.
 */
const characters = [
  '中文',
  '。',
  '，',
  '「',
  '」',
  '（',
  '）',
  'です',
  'カタカナ',
  '한국어',
  'ᄀ', // U+1100, first Hangul Jamo
  'ᇿ', // U+11FF
  'ሀ', // U+1200, Ethiopic: not CJK
  '⺀', // U+2E80
  '〾', // U+303E
  '〿', // U+303F, not CJK
  '〽',
  '㐀', // U+3400
  '䷀', // U+4DC0, Yijing hexagram: wide
  '\u31E6', // past the CJK strokes: not CJK
  '鿿', // U+9FFF
  'ꀀ', // U+A000
  '가',
  '힣',
  '豈', // U+F900
  '︐', // U+FE10
  '﹫', // U+FE6B
  '\uFE6F', // unassigned: not CJK
  '！', // U+FF01
  'ｱ', // halfwidth katakana
  '￮', // U+FFEE
  '𠀀', // U+20000
  '𛀙', // U+1B019, hentaigana
  '🈂', // U+1F202: CJK, not an emoji by default
  '🈁', // U+1F201: an emoji
  '—',
  '“',
  '”',
  '…',
  '😀',
  '✅',
  '\uFE0F',
  '\uFE00',
  '∇',
  '«',
  'a',
  '1',
  '.',
  ' ',
];
const delimiters = ['*', '**', '***', '_', '__', '~', '~~'];

describe('quickParse next to CJK text (remark-cjk-friendly)', () => {
  it('gives the pipeline’s tree or declines on every markdown-cjk-friendly test case', () => {
    let parsed = 0;
    for (const { markdown } of cjkFriendly.cases) if (agrees(markdown)) parsed += 1;
    // The plugin's own cases are mostly CJK next to delimiters: the quick parser follows its rules.
    expect(parsed).toBeGreaterThan(90);
  });

  it('reads emphasis next to CJK punctuation as CJK readers expect', () => {
    for (const [markdown, strong] of [
      ['**中文。**后', '中文。'],
      ['**「引用」**です', '「引用」'],
      ['これは**私のやりたかったこと。**だからするの。', '私のやりたかったこと。'],
      ['中文**强调。**后面', '强调。'],
      ['~~删除。~~后', undefined],
    ] as const) {
      expect(agrees(markdown), markdown).toBe(true);
      const paragraph = remarkTree(markdown).children[0];
      const node =
        paragraph?.type === 'paragraph' ? paragraph.children.find((child) => child.type !== 'text') : undefined;
      expect(node?.type, markdown).toBe(strong === undefined ? 'delete' : 'strong');
    }
  });

  it('declines a run next to a character it cannot class', () => {
    for (const markdown of ['大塚\uFE00**(U+585A U+FE00)**', 'ሀ**a**', '**a**\uFE6F', '~~a~~\uFE0F']) {
      expect(quickParse(markdown), markdown).toBeUndefined();
    }
  });

  it('on generated text of CJK, punctuation and delimiters', { timeout: generatedTimeout }, () => {
    const pieces = [...characters, ...delimiters, '`', '[', '](u)', '\n', '\\'];
    expect(agreementOnGenerated(pieces, 16, 'quickParse vs remark next to CJK')).toBeGreaterThan(0.3);
  });
});
