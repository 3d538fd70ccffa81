/**
 * The `<Markdown>` module with a spy in front of the real component, for `vi.mock`: each render
 * reports its props, then renders the real one.
 *
 * @example
 * vi.mock('../../src/markdown/markdown', (importOriginal) =>
 *   import('./markdown-spy').then(({ spiedMarkdownModule }) => spiedMarkdownModule(importOriginal, onRender)),
 * );
 */
import { createElement } from 'react';
import type * as MarkdownModule from '../../src/markdown/markdown';

type MarkdownProps = Parameters<typeof MarkdownModule.Markdown>[0];

export async function spiedMarkdownModule(
  importOriginal: <T>() => Promise<T>,
  onRender: (props: MarkdownProps) => void,
): Promise<typeof MarkdownModule> {
  const actual = await importOriginal<typeof MarkdownModule>();
  return {
    ...actual,
    Markdown(props: MarkdownProps) {
      onRender(props);
      return createElement(actual.Markdown, props);
    },
  } as typeof MarkdownModule;
}
