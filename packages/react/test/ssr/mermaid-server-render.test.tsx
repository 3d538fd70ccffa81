// @vitest-environment node
/**
 * Server rendering of a Mermaid fence: in plain Node (no `window`, no `document`) a closed
 * ```mermaid fence renders as its code block, the diagram being drawn only in the browser, and
 * mermaid is never loaded on the server.
 */
import { Markdown } from '@rivulet/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';

const loaded = vi.hoisted(() => ({ mermaid: false }));
vi.mock('mermaid', () => {
  loaded.mermaid = true;
  return { default: {} };
});

afterEach(() => {
  vi.restoreAllMocks();
});

const answer = 'The flow:\n\n```mermaid\ngraph TD\n  A --> B\n```\n\nDone.';

describe('a mermaid fence rendered on the server', () => {
  it('is its code block, with nothing logged and mermaid never loaded', async () => {
    const errors = vi.spyOn(console, 'error');
    const html = renderToString(<Markdown>{answer}</Markdown>);
    expect(html).toMatch(
      /<div class="rivulet-code-block" data-language="mermaid" data-highlighted="false" data-diagram="code">/,
    );
    expect(html).toMatch(
      /<pre dir="ltr"><code class="language-mermaid"><span class="rivulet-code-lines">graph TD\n {2}A --&gt; B\n<\/span><\/code><\/pre>/,
    );
    expect(html).not.toContain('rivulet-diagram');
    const streamed = renderToString(
      <Markdown streaming cursor>
        {answer.slice(0, 30)}
      </Markdown>,
    );
    expect(streamed).toContain('language-mermaid');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loaded.mermaid).toBe(false);
    expect(errors).not.toHaveBeenCalled();
  });
});
