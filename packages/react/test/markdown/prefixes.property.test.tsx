import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** Pieces LLM answers are made of, including every marker repair has to deal with. */
const pieces = [
  'word',
  ' ',
  'snake_case',
  '2 * 3',
  '\n',
  '\n\n',
  '**',
  '*',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '```js\n',
  '~~~\n',
  '# ',
  '## ',
  '- ',
  '1. ',
  '> ',
  '- [ ] ',
  '| a | b |\n',
  '|---|---|\n',
  '| 1 | 2 |\n',
  '[link](',
  'https://example.com',
  ')',
  '[',
  ']',
  '![alt](',
  '<b>',
  '</b>',
  '<script>',
  '&amp;',
  '&#x61;',
  '$$',
  '\\*',
  '[^1]',
  '[^1]: note',
  '    ',
  '---',
  'javascript:alert(1)',
  '<javascript:x>',
];

const documentArbitrary = fc
  .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 16 })
  .map((parts) => parts.join(''));

describe('every prefix of a document renders', () => {
  it('without throwing, streamed character by character, then static', () => {
    fc.assert(
      fc.property(documentArbitrary, (markdown) => {
        const { container, rerender, unmount } = render(
          <Markdown streaming cursor highlight={false}>
            {''}
          </Markdown>,
        );
        for (let end = 1; end <= markdown.length; end += 1) {
          rerender(
            <Markdown streaming cursor highlight={false}>
              {markdown.slice(0, end)}
            </Markdown>,
          );
        }
        rerender(<Markdown highlight={false}>{markdown}</Markdown>);
        expect(container.querySelector('.rivulet-markdown')).not.toBeNull();
        expect(container.querySelector('script')).toBeNull();
        unmount();
      }),
      { numRuns: 25, seed: 424242 },
    );
  }, 60_000);
});
