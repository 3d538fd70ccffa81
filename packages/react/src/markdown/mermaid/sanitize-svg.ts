/**
 * The wall between mermaid's output and the page. Mermaid at `securityLevel: 'strict'` already
 * purifies its SVG, but a diagram is model output, and mermaid is a large third-party renderer:
 * the SVG is sanitized again here, by a DOMPurify instance of our own (its hooks never touch the
 * one mermaid uses), before it is cached or inserted. What survives: SVG and SVG filters, the HTML
 * labels mermaid draws inside `<foreignObject>`, and its `<style>`. What never does: scripts,
 * `on*` handlers, and link or resource URLs other than `http:`, `https:`, `mailto:`, fragments and
 * relative paths (no `javascript:`, `vbscript:` or `data:`).
 *
 * Part of the lazily loaded diagram chunk: it only runs in a browser.
 */

import createDOMPurify, { type DOMPurify } from 'dompurify';

/** Attributes that hold a URL the browser may follow or fetch. */
const urlAttributes = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'poster', 'background']);

/** A URL kept in a diagram: web and mail links, or no scheme at all (fragments, relative paths). */
const safeUrl = /^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))/i;

/** The text without spaces and control characters (U+0000 to U+0020, U+007F). */
function withoutControlCharacters(text: string): string {
  let kept = '';
  for (const char of text) if (char > ' ' && char !== '\u007f') kept += char;
  return kept;
}

let purifier: DOMPurify | undefined;

function createPurifier(): DOMPurify {
  const instance = createDOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (name.startsWith('on')) data.keepAttr = false;
    else if (urlAttributes.has(name)) {
      // Browsers ignore control characters and spaces inside a scheme: compare without them.
      const value = withoutControlCharacters(data.attrValue);
      if (!safeUrl.test(value)) data.keepAttr = false;
    }
  });
  return instance;
}

/** `svg` (mermaid's markup) with everything executable or navigable to a script removed. */
export function sanitizeSvg(svg: string): string {
  purifier ??= createPurifier();
  return purifier.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true, html: true },
    // Mermaid's labels are HTML inside <foreignObject>; it asks DOMPurify for the same.
    ADD_TAGS: ['foreignObject'],
    ADD_ATTR: ['dominant-baseline'],
    HTML_INTEGRATION_POINTS: { foreignobject: true },
    FORBID_TAGS: ['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select'],
  });
}
