/**
 * URL policy for rendered Markdown, the second of two walls. A URL survives only if it is
 * relative, uses `http:`, `https:` or `mailto:` (links) / `http:` or `https:` (images), or starts
 * with one of the prefixes the user allowed. Everything else (`javascript:`, `vbscript:`, `data:`,
 * unknown schemes) is removed before it can reach the DOM.
 *
 * The first wall is rehype-sanitize's protocol check, which runs before this one (see
 * `pipeline.ts`) with the schemes `sanitizeProtocols` gives it: these same schemes and those of the
 * allowed prefixes. It compares a scheme as written, so a URL must spell its scheme in lower case
 * to pass it; an element whose URL it removed is treated here as one this policy blocked.
 *
 * Here the scheme is read the way a browser reads it: ASCII tab and newline are removed anywhere,
 * leading C0 controls and spaces are trimmed, and the comparison ignores case, so
 * `java\tscript:` or ` JaVaScRiPt:` cannot slip past. Entities are already decoded by the
 * Markdown parser, so `jav&#x61;script:` arrives here as `javascript:`.
 */

import type { Element, ElementContent, Root } from 'hast';

const linkSchemes = new Set(['http', 'https', 'mailto']);
const imageSchemes = new Set(['http', 'https']);

/** Prefixes that widen the policy, as given to `<Markdown>`. */
export interface UrlPolicyOptions {
  allowedLinkPrefixes?: readonly string[] | undefined;
  allowedImagePrefixes?: readonly string[] | undefined;
}

/** The URL as a browser's URL parser sees it, before scheme detection. */
function normalizeForScheme(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these, so must we.
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
}

/** The scheme of an absolute URL (lower case), or `undefined` for a relative one. */
export function urlScheme(url: string): string | undefined {
  const normalized = normalizeForScheme(url);
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(normalized);
  if (match?.[1]) return match[1].toLowerCase();
  // A colon before any `/`, `?` or `#` that is not a valid scheme still makes the browser
  // guess; such a URL is not a plain relative reference, so treat it as an unknown scheme.
  const colon = normalized.indexOf(':');
  if (colon === -1) return undefined;
  const firstDelimiter = normalized.search(/[/?#]/);
  return firstDelimiter === -1 || colon < firstDelimiter ? '' : undefined;
}

/** The schemes of `prefixes` that name one (`tel:` gives `tel`, a relative prefix nothing). */
function schemesOf(prefixes: readonly string[] | undefined): string[] {
  return (prefixes ?? []).map(urlScheme).filter((scheme): scheme is string => scheme !== undefined && scheme !== '');
}

/**
 * The schemes rehype-sanitize's protocol check lets through for `href` and `src`: the policy's own
 * and those of the allowed prefixes, so the check narrows nothing this policy allows and a URL
 * must pass both.
 */
export function sanitizeProtocols(options: UrlPolicyOptions): { href: string[]; src: string[] } {
  return {
    href: [...new Set([...linkSchemes, ...schemesOf(options.allowedLinkPrefixes)])],
    src: [...new Set([...imageSchemes, ...schemesOf(options.allowedImagePrefixes)])],
  };
}

function hasAllowedPrefix(url: string, prefixes: readonly string[] | undefined): boolean {
  if (!prefixes || prefixes.length === 0) return false;
  const normalized = normalizeForScheme(url).toLowerCase();
  return prefixes.some((prefix) => prefix !== '' && normalized.startsWith(prefix.toLowerCase()));
}

/** Whether `url` may be used as a link target (`<a href>`). */
export function isSafeLinkUrl(url: string, allowedPrefixes?: readonly string[]): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  if (linkSchemes.has(scheme)) return true;
  return hasAllowedPrefix(url, allowedPrefixes);
}

/** Whether `url` may be used as an image source (`<img src>`). */
export function isSafeImageUrl(url: string, allowedPrefixes?: readonly string[]): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  if (imageSchemes.has(scheme)) return true;
  return hasAllowedPrefix(url, allowedPrefixes);
}

/** Attributes other than `href`/`src` that hold URLs: only plain web URLs are kept there. */
const otherUrlProperties = ['cite', 'longDesc', 'action', 'formAction', 'poster', 'background'];

function applyToChildren(parent: Root | Element, options: UrlPolicyOptions): void {
  const next: Array<Root['children'][number]> = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type !== 'element') {
      next.push(child);
      continue;
    }
    applyToChildren(child, options);
    const replacement = applyToElement(child, options);
    if (replacement !== child) changed = true;
    if (Array.isArray(replacement)) next.push(...replacement);
    else next.push(replacement);
  }
  if (changed) parent.children = next as ElementContent[];
}

/**
 * Checks one element. A blocked link is replaced by its content (plain text); a blocked image
 * by its alt text. A link without an `href` or an image without a `src` was blocked by the
 * sanitizer (Markdown always writes one), and is replaced the same way. Allowed links get
 * `rel="noopener noreferrer"`, and absolute web links open in a new tab (`target="_blank"`), as
 * answers in a chat should not navigate the chat away.
 */
function applyToElement(node: Element, options: UrlPolicyOptions): Element | ElementContent[] {
  const props = node.properties;
  for (const key of otherUrlProperties) {
    const value = props[key];
    if (value !== undefined && value !== null) {
      const scheme = urlScheme(String(value));
      if (scheme !== undefined && !imageSchemes.has(scheme)) delete props[key];
    }
  }
  if (node.tagName === 'a') {
    const href = props.href === undefined || props.href === null ? undefined : String(props.href);
    if (href === undefined || !isSafeLinkUrl(href, options.allowedLinkPrefixes)) return node.children;
    const scheme = urlScheme(href);
    props.rel = ['noopener', 'noreferrer'];
    if (scheme === 'http' || scheme === 'https') props.target = '_blank';
    return node;
  }
  if (props.href !== undefined && props.href !== null) {
    if (!isSafeLinkUrl(String(props.href), options.allowedLinkPrefixes)) delete props.href;
  }
  const src = props.src === undefined || props.src === null ? undefined : String(props.src);
  if (node.tagName === 'img' && (src === undefined || !isSafeImageUrl(src, options.allowedImagePrefixes))) {
    const alt = props.alt === undefined || props.alt === null ? '' : String(props.alt);
    return alt === '' ? [] : [{ type: 'text', value: alt }];
  }
  if (src !== undefined && !isSafeImageUrl(src, options.allowedImagePrefixes)) delete props.src;
  if (props.srcSet !== undefined) delete props.srcSet;
  return node;
}

/** Rehype plugin applying the URL policy to a sanitized tree. */
export function rehypeUrlPolicy(options: UrlPolicyOptions) {
  return (tree: Root): void => {
    applyToChildren(tree, options);
  };
}
