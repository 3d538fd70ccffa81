/**
 * URL policy for rendered Markdown. A URL survives only if it is relative, uses `http:`,
 * `https:` or `mailto:` (links) / `http:` or `https:` (images), or starts with one of the
 * prefixes the user allowed. Everything else (`javascript:`, `vbscript:`, `data:`, unknown
 * schemes) is removed before it can reach the DOM.
 *
 * The scheme is read the way a browser reads it: ASCII tab and newline are removed anywhere,
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
 * by its alt text. Allowed links get `rel="noopener noreferrer"`, and absolute web links open
 * in a new tab (`target="_blank"`), as answers in a chat should not navigate the chat away.
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
  if (node.tagName === 'a' && props.href !== undefined && props.href !== null) {
    const href = String(props.href);
    if (!isSafeLinkUrl(href, options.allowedLinkPrefixes)) return node.children;
    const scheme = urlScheme(href);
    props.rel = ['noopener', 'noreferrer'];
    if (scheme === 'http' || scheme === 'https') props.target = '_blank';
    return node;
  }
  if (props.href !== undefined && props.href !== null) {
    if (!isSafeLinkUrl(String(props.href), options.allowedLinkPrefixes)) delete props.href;
  }
  if (props.src !== undefined && props.src !== null) {
    if (!isSafeImageUrl(String(props.src), options.allowedImagePrefixes)) {
      if (node.tagName === 'img') {
        const alt = props.alt === undefined || props.alt === null ? '' : String(props.alt);
        return alt === '' ? [] : [{ type: 'text', value: alt }];
      }
      delete props.src;
    }
  }
  if (props.srcSet !== undefined) delete props.srcSet;
  return node;
}

/** Rehype plugin applying the URL policy to a sanitized tree. */
export function rehypeUrlPolicy(options: UrlPolicyOptions) {
  return (tree: Root): void => {
    applyToChildren(tree, options);
  };
}
