/**
 * The in-page half of the security tests. `installInspector` runs in the page before its scripts
 * (an init script) and defines the DOM inspector; `renderAndInspect` renders one Markdown text
 * through the harness (every prefix while streaming, then the whole as a finished answer),
 * inspects the DOM after each render and activates every link. These functions run inside the
 * page, so none of them may refer to anything outside its own body.
 */

export interface RenderCheckInput {
  markdown: string;
  /** A fresh `<Markdown>` instance per key. */
  key: string;
  /** Render every prefix with `streaming` before the whole text (else only the whole). */
  prefixes: boolean;
  /** URL schemes (with the colon) a URL attribute may resolve to. */
  allowedProtocols: string[];
  allowedLinkPrefixes?: string[];
  allowedImagePrefixes?: string[];
}

export interface RenderCheckResult {
  /** `"<where>: <what>"` for everything found, at most a few per render. */
  violations: string[];
  renders: number;
  /** Links activated with `click()` over all renders. */
  clicks: number;
}

type Inspect = (root: Element, allowedProtocols: string[]) => string[];

/**
 * Defines `window.__inspectMarkdown(root, allowedProtocols)`: everything in `root` that rendered
 * Markdown must never contain, as a list of findings (empty when clean).
 */
export function installInspector() {
  /** Elements that raw HTML could smuggle in; Markdown itself never produces them. */
  const forbiddenElements =
    'script, iframe, frame, frameset, object, embed, applet, style, base, meta, link, form, svg, math, ' +
    'template, noscript, video, audio, source, track, details, marquee, textarea, select, title, area, map';
  /** Attributes holding URLs (in the HTML and SVG vocabularies). */
  const urlAttributes = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'cite',
    'longdesc',
    'codebase',
    'manifest',
    'lowsrc',
    'dynsrc',
    'icon',
    'ping',
  ]);

  /**
   * The scheme a browser would use for `value` in this document (URL normalization included).
   * A URL the browser cannot parse (such as `https:` alone, mid-stream) is never followed, but its
   * scheme, read as the URL parser reads it, must still be allowed.
   */
  const protocolOf = (value: string): string => {
    try {
      return new URL(value, document.baseURI).protocol;
    } catch {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the URL parser strips these too.
      const normalized = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
      const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(normalized)?.[1];
      return scheme ? `${scheme.toLowerCase()}:` : 'unparseable:';
    }
  };

  const inspect: Inspect = (root, allowedProtocols) => {
    const allowed = new Set(allowedProtocols);
    const found: string[] = [];
    for (const element of root.querySelectorAll(forbiddenElements)) found.push(`<${element.localName}> element`);
    for (const field of root.querySelectorAll('input')) {
      // GFM task list items are the only inputs Markdown makes: disabled checkboxes.
      if (field.type !== 'checkbox' || !field.disabled) found.push(`<input type="${field.type}">`);
    }
    for (const button of root.querySelectorAll('button')) {
      if (!button.classList.contains('rivulet-code-copy')) found.push('<button> that is not a copy button');
    }
    for (const element of [root, ...root.querySelectorAll('*')]) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const tag = `<${element.localName}>`;
        if (name.startsWith('on')) found.push(`${name} on ${tag}`);
        else if (name === 'srcdoc' || name === 'srcset') found.push(`${name} on ${tag}`);
        else if (urlAttributes.has(name) || name.endsWith(':href')) {
          const protocol = protocolOf(attribute.value);
          if (!allowed.has(protocol)) found.push(`${name}=${JSON.stringify(attribute.value)} (${protocol}) on ${tag}`);
        } else if (name === 'style' && /url\s*\(|expression\s*\(|script\s*:/i.test(attribute.value)) {
          found.push(`style=${JSON.stringify(attribute.value)} on ${tag}`);
        }
      }
    }
    // The browser's own resolution of every link and image, as it would follow or load it.
    for (const link of root.querySelectorAll('a')) {
      if (link.hasAttribute('href') && !allowed.has(protocolOf(link.href))) found.push(`link to ${link.href}`);
    }
    for (const image of root.querySelectorAll('img')) {
      if (image.hasAttribute('src') && !allowed.has(protocolOf(image.src))) found.push(`image from ${image.src}`);
    }
    if (document.querySelector('base') || document.baseURI !== window.location.href) {
      found.push(`document base changed to ${document.baseURI}`);
    }
    return found;
  };
  Object.defineProperty(window, '__inspectMarkdown', { value: inspect });
}

/** Renders and inspects `input.markdown`; see the module comment. */
export function renderAndInspect(input: RenderCheckInput): RenderCheckResult {
  type Render = (text: string, options: object) => HTMLElement;
  const page = window as unknown as { __render: Render; __inspectMarkdown: Inspect };
  const violations: string[] = [];
  let renders = 0;
  let clicks = 0;

  const step = (text: string, streaming: boolean, where: string) => {
    const root = page.__render(text, {
      streaming,
      key: input.key,
      allowedLinkPrefixes: input.allowedLinkPrefixes,
      allowedImagePrefixes: input.allowedImagePrefixes,
    });
    renders += 1;
    const found = page.__inspectMarkdown(root, input.allowedProtocols);
    for (const item of found.slice(0, 4)) violations.push(`${where}: ${item}`);
    // click() runs each link's activation: a javascript: URL would execute (see the page guards).
    for (const link of root.querySelectorAll('a')) {
      link.click();
      clicks += 1;
    }
  };

  if (input.prefixes) {
    for (let end = 1; end <= input.markdown.length; end += 1) {
      step(input.markdown.slice(0, end), true, `streaming prefix of ${end} chars`);
    }
  }
  step(input.markdown, false, 'finished');
  return { violations, renders, clicks };
}

/** Inspects what is on the page now (after late work such as code highlighting). */
export function inspectCurrent(allowedProtocols: string[]): string[] {
  const root = document.querySelector('#root > *');
  if (!root) return ['nothing rendered'];
  return (window as unknown as { __inspectMarkdown: Inspect }).__inspectMarkdown(root, allowedProtocols);
}
