/**
 * A closed mermaid fence once drawn: a broken diagram keeps its code with a quiet note (never
 * mermaid's error picture, nothing left in `document.body`), the diagram follows the light or dark
 * theme around it without going back to code, and it is an image with a name, with its source one
 * click away. Mermaid is faked (see `mermaid-fake.ts`).
 */
import { Markdown } from '@rivulet/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDiagramCache } from '../../src/markdown/mermaid/diagram-cache';
import { fakeMermaid } from './mermaid-fake';

vi.mock('mermaid', async () => ({ default: (await import('./mermaid-fake')).fakeMermaid }));

beforeAll(() => import('../../src/markdown/mermaid/render-diagram'));
beforeEach(() => {
  fakeMermaid.reset();
  clearDiagramCache();
});
afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('data-theme');
});

async function settle() {
  await act(async () => {
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const fenced = (code: string) => `Before.\n\n\`\`\`mermaid\n${code}\n\`\`\`\n\nAfter.`;
const valid = 'graph TD\n  A --> B';
const broken = 'graph TD\n  A --> syntax error (((';

describe('a diagram that cannot be drawn', () => {
  it('has its note in the label given', async () => {
    const { container } = render(<Markdown labels={{ diagramError: 'Schéma illisible' }}>{fenced(broken)}</Markdown>);
    await settle();
    expect(container.querySelector('.rivulet-diagram-note')?.textContent).toBe('Schéma illisible');
  });

  it('keeps its code with a quiet note, and no error picture anywhere', async () => {
    const { container } = render(<Markdown>{fenced(broken)}</Markdown>);
    await settle();
    const pre = container.querySelector('pre') as HTMLPreElement;
    expect(pre.hidden).toBe(false);
    expect(pre.textContent).toBe(`${broken}\n`);
    const note = container.querySelector('.rivulet-diagram-note');
    expect(note?.textContent).toBe('Diagram could not be rendered');
    expect(note?.getAttribute('title')).toContain('syntax error');
    expect(container.querySelector('.rivulet-code-block')?.getAttribute('data-diagram')).toBe('failed');
    expect(container.querySelector('svg')).toBeNull();
    expect(document.querySelector('[aria-roledescription="error"]')).toBeNull();
    // Nothing mermaid drew for it is left in the page.
    expect([...document.body.children].map((child) => child.id).filter((id) => id.startsWith('d'))).toEqual([]);
    // The copy button still copies the source.
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeTruthy();
  });

  it('keeps its code with the note when it parses but cannot be drawn, and nothing is left in the page', async () => {
    const { container } = render(<Markdown>{fenced('graph TD\n  A --> draw error')}</Markdown>);
    await settle();
    expect(fakeMermaid.render).toHaveBeenCalledTimes(1);
    expect(container.querySelector('pre')?.hidden).toBe(false);
    expect(container.querySelector('.rivulet-diagram-note')?.textContent).toBe('Diagram could not be rendered');
    expect(container.querySelector('svg')).toBeNull();
    expect(document.querySelector('[aria-roledescription="error"]')).toBeNull();
    expect(document.body.children).toHaveLength(1);
  });

  it('keeps the note when the block mounts again, without drawing again', async () => {
    const first = render(<Markdown>{fenced(broken)}</Markdown>);
    await settle();
    first.unmount();
    const { container } = render(<Markdown>{fenced(broken)}</Markdown>);
    expect(container.querySelector('.rivulet-diagram-note')).not.toBeNull();
    await settle();
    expect(fakeMermaid.parse).toHaveBeenCalledTimes(1);
  });
});

describe('the theme of a diagram', () => {
  it('follows a dark or light data-theme around it, and switching keeps the diagram on screen', async () => {
    const { container } = render(
      <div data-theme="dark" className="rivulet-root">
        <Markdown>{fenced(valid)}</Markdown>
      </div>,
    );
    await waitFor(() => expect(container.querySelector('.rivulet-diagram svg')).not.toBeNull());
    expect(container.querySelector('.rivulet-diagram svg')?.getAttribute('data-theme')).toBe('dark');

    const release = fakeMermaid.holdRenders();
    act(() => container.querySelector('.rivulet-root')?.setAttribute('data-theme', 'light'));
    await settle();
    // The light picture is being drawn; the dark one stays meanwhile, never the code.
    expect(fakeMermaid.render).toHaveBeenCalledTimes(2);
    expect(container.querySelector('.rivulet-diagram svg')?.getAttribute('data-theme')).toBe('dark');
    expect(container.querySelector('pre')?.hidden).toBe(true);
    release();
    await waitFor(() =>
      expect(container.querySelector('.rivulet-diagram svg')?.getAttribute('data-theme')).toBe('default'),
    );
    expect(container.querySelector('pre')?.hidden).toBe(true);
    expect(fakeMermaid.render).toHaveBeenCalledTimes(2);
  });

  it('uses the closest data-theme, such as one set on the page root', async () => {
    document.documentElement.setAttribute('data-theme', 'dark');
    const { container } = render(<Markdown>{fenced(valid)}</Markdown>);
    await waitFor(() =>
      expect(container.querySelector('.rivulet-diagram svg')?.getAttribute('data-theme')).toBe('dark'),
    );
  });
});

describe('a rendered diagram', () => {
  it('is an image named after the diagram, with its source behind a toggle', async () => {
    render(<Markdown>{fenced(`${valid}\n  accTitle: Release flow`)}</Markdown>);
    const image = await screen.findByRole('img', { name: 'Diagram: Release flow' });
    expect(image.querySelector('svg')).not.toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show code' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.queryByRole('img')).toBeNull();
    expect(document.querySelector('pre')?.hidden).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Show diagram' }));
    expect(screen.getByRole('img', { name: 'Diagram: Release flow' })).toBeTruthy();
    expect(document.querySelector('pre')?.hidden).toBe(true);
  });

  it('takes the labels given, with the defaults for those not given', async () => {
    render(
      <Markdown labels={{ showCode: 'Voir le code', diagram: 'Schéma' }}>
        {fenced(`${valid}\n  accTitle: Release flow`)}
      </Markdown>,
    );
    expect(await screen.findByRole('img', { name: 'Schéma: Release flow' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Voir le code' }));
    expect(screen.getByRole('button', { name: 'Show diagram' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeTruthy();
  });

  it('is named "Diagram" when the source gives no title', async () => {
    render(<Markdown>{fenced(valid)}</Markdown>);
    expect(await screen.findByRole('img', { name: 'Diagram' })).toBeTruthy();
  });
});
