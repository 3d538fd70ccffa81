/**
 * Whatever SVG mermaid hands back, nothing executable reaches the page: no `<script>`, no `on*`
 * handler, no `javascript:`/`vbscript:`/`data:` link or resource, while what a diagram needs (its
 * `<style>`, shapes, text, HTML labels in `<foreignObject>`, plain links) survives. Mermaid is
 * faked so the test can hand back a hostile SVG, as a compromised or buggy renderer might.
 */
import { Markdown } from '@rivulet/react';
import { render, waitFor } from '@testing-library/react';
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
  delete (window as unknown as { pwned?: boolean }).pwned;
});

const code = 'graph TD\n  A[Click me] --> B\n  click A href "javascript:window.pwned=true"';

const hostileSvg = `<svg id="x" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="window.pwned=true">
  <style>#x .node rect { fill: #eee; }</style>
  <script>window.pwned = true;</script>
  <g class="node" onclick="window.pwned=true" onmouseover="window.pwned=true">
    <rect width="80" height="30"></rect>
    <a href="javascript:window.pwned=true"><text>js link</text></a>
    <a xlink:href=" java&#x09;script:window.pwned=true"><text>obfuscated</text></a>
    <a href="vbscript:msgbox(1)"><text>vb</text></a>
    <a href="https://example.com/docs"><text>safe link</text></a>
    <image href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+"></image>
    <foreignObject width="80" height="30"><div xmlns="http://www.w3.org/1999/xhtml"><span class="nodeLabel">Label</span><img src="x" onerror="window.pwned=true"><iframe src="javascript:window.pwned=true"></iframe></div></foreignObject>
    <animate attributeName="href" to="javascript:window.pwned=true"></animate>
    <set attributeName="onmouseover" to="window.pwned=true"></set>
  </g>
</svg>`;

describe('a diagram from a hostile renderer', () => {
  it('reaches the page without scripts, handlers or script URLs, and keeps what a diagram needs', async () => {
    fakeMermaid.svgFor.set(code, hostileSvg);
    const { container } = render(<Markdown>{`\`\`\`mermaid\n${code}\n\`\`\`\n`}</Markdown>);
    await waitFor(() => expect(container.querySelector('.rivulet-diagram svg')).not.toBeNull());
    const diagram = container.querySelector('.rivulet-diagram') as HTMLElement;

    expect(diagram.querySelector('script, iframe')).toBeNull();
    for (const element of diagram.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name, element.outerHTML).not.toMatch(/^on/i);
        const compact = [...attribute.value].filter((char) => char > ' ').join('');
        expect(compact, element.outerHTML).not.toMatch(/^(?:javascript|vbscript|data):/i);
      }
    }
    expect(diagram.querySelector('set[attributeName="onmouseover"], animate[to^="javascript"]')).toBeNull();
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();

    // What a diagram is made of survives.
    expect(diagram.querySelector('style')?.textContent).toContain('.node rect');
    expect(diagram.querySelector('rect')).not.toBeNull();
    expect(diagram.querySelector('foreignObject .nodeLabel, foreignobject .nodeLabel')?.textContent).toBe('Label');
    expect(diagram.querySelector('a[href="https://example.com/docs"]')?.textContent).toBe('safe link');
  });
});
