import { FENCE, type MockAnswer } from './types.js';

/**
 * Constructs that look broken when cut mid-stream: emphasis, intraword underscores, a bare
 * asterisk, a link, a code fence, a table and footnotes (defined at the end, as answers do). Every
 * prefix of this text is a test case.
 */
export const tricky: MockAnswer = {
  id: 'tricky',
  title: 'Tricky partial Markdown: emphasis, snake_case, 2 * 3, fences, tables, links, footnotes',
  parts: [
    {
      type: 'text',
      text: `Hello **world**, this is *important* and ~~obsolete~~ text.

Variables like snake_case_name and __dunder__ stay as written, and 2 * 3 = 6 is arithmetic, not emphasis.

Read the [streaming guide](http://example.com/guide/streaming) before you start.

${FENCE}python
def total(items):
    return sum(item.price * item.qty for item in items)
${FENCE}

| Name | Value |
|------|------:|
| alpha | 1 |
| beta | 2 |

Rust frees memory without a garbage collector[^1], and its borrow checker rejects data races[^2].

Done: **all constructs closed**.

[^1]: Each value has one owner; it is dropped when its owner goes out of scope.
[^2]: The Rustonomicon, chapter 8.
`,
    },
  ],
};
