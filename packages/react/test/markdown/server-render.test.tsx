// @vitest-environment node
import { Markdown } from '@rivulet/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('<Markdown> on the server', () => {
  it('renders to a string without a DOM, streaming or not', () => {
    expect(typeof window).toBe('undefined');
    const markdown = '# Title\n\nText with [a link](https://example.com).\n\n```ts\nconst a = 1;\n```\n\nAnd **more';
    const streamed = renderToString(
      <Markdown streaming cursor>
        {markdown}
      </Markdown>,
    );
    expect(streamed).toContain('data-streaming="true"');
    expect(streamed).toContain('<h1 dir="auto">Title</h1>');
    expect(streamed).toContain('data-rivulet-cursor');
    const finished = renderToString(<Markdown>{markdown}</Markdown>);
    expect(finished).toContain(
      '<code class="language-ts"><span class="rivulet-code-lines">const a = 1;\n</span></code></pre>',
    );
    expect(finished).toContain('rel="noopener noreferrer"');
  });
});
