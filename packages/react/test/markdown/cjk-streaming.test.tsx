import { repairMarkdown } from '@rivulet/core';
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import cjkFriendly from '../../../core/test/fixtures/markdown/cjk-friendly.json';
import { randomChunks, seededRandom } from '../../../core/test/support/random';
import { canonicalHtml, canonicalStaticHtml } from './static-html';

/** Streams `chunks` into one `<Markdown>`; returns every streamed state, then the finished render. */
function stream(chunks: readonly string[]): { states: string[]; finished: string } {
  const { container, rerender, unmount } = render(<Markdown streaming highlight={false} />);
  const states: string[] = [];
  let text = '';
  for (const chunk of chunks) {
    text += chunk;
    rerender(
      <Markdown streaming highlight={false}>
        {text}
      </Markdown>,
    );
    states.push(canonicalHtml(container.firstElementChild as HTMLElement));
  }
  rerender(<Markdown highlight={false}>{text}</Markdown>);
  const finished = canonicalHtml(container.firstElementChild as HTMLElement);
  unmount();
  return { states, finished };
}

const documents = [
  '**中文。**后',
  '**「引用」**です',
  '中文**强调。**后面还有文字。',
  '## 标题里的**重点。**\n\n这是第一段，**加粗（注意）**然后继续。\n\n- 列表**项目。**一\n- 列表~~删除。~~二\n\n| 列 | 值 |\n| - | - |\n| **单元格。**后 | *斜体。*后 |\n',
  '日本語の**「強調」**です。次の文は**太字。**そして_普通_の文。',
  '한국어 **스크립트(script)**라고 합니다.',
];

describe('CJK emphasis streamed into <Markdown>', () => {
  it.each(documents)('%j streamed a character at a time ends as the static render', (markdown) => {
    const { states, finished } = stream([...markdown]);
    const expected = canonicalStaticHtml(markdown);
    expect(expected).toContain('<strong>');
    expect(states[states.length - 1]).toBe(expected);
    expect(finished).toBe(expected);
  });

  it('shows an open run inside CJK text as emphasis while it streams, never its markers', () => {
    const markdown = '中文**强调。**后面';
    const { states } = stream([...markdown]);
    const open = states[markdown.indexOf('。')];
    expect(open).toBe('<p dir="auto">中文<strong>强调。</strong></p>');
    // No streamed state shows `**` or closes the text with a second pair.
    expect(states.filter((state) => state.includes('*'))).toEqual([]);
    expect(states[states.length - 1]).toBe('<p dir="auto">中文<strong>强调。</strong>后面</p>');
  });

  it('leaves markdown-cjk-friendly’s own cases as they are and streams them to the static render', () => {
    // non-bmp.md is about punctuation outside the BMP between letters, not CJK: there the tail's
    // opener is closed as in any text (`a**a«**a`).
    const cases = cjkFriendly.cases.filter((example) => example.file !== 'non-bmp.md');
    const random = seededRandom(20261205);
    const changed = cases.filter(({ markdown }) => repairMarkdown(markdown) !== markdown);
    expect(changed).toEqual([]);
    const mismatches = cases.filter(({ markdown }) => {
      const { states, finished } = stream(randomChunks(markdown, random, 4));
      const expected = canonicalStaticHtml(markdown);
      return states[states.length - 1] !== expected || finished !== expected;
    });
    expect(mismatches).toEqual([]);
  }, 60_000);
});
