/**
 * The Markdown-to-hast pipeline: what remark-parse (with GFM and CJK syntax, parse side only),
 * remark-rehype and rehype-sanitize do, called directly (mdast-util-from-markdown,
 * mdast-util-to-hast, hast-util-sanitize), then the URL policy. unified's processor would add
 * about 4 kB gzipped (vfile, trough) and a virtual file per parse, for plugins Rivulet does not
 * take. Processors are built once per set of URL options and cached at module level, so a flush
 * only pays for parsing its text, never for building a pipeline.
 *
 * Raw HTML in the Markdown is dropped by mdast-util-to-hast (it is never turned into elements), and
 * the sanitizer runs after it as a second wall: whatever reaches React is in the schema below.
 */

import { quickParse } from '@rivulet/core/syntax';
import type { Element, Root } from 'hast';
import { defaultSchema, type Schema, sanitize } from 'hast-util-sanitize';
import type { Root as MdastRoot } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { setDirection } from './direction';
import type { MathModule } from './math/load-math';
import { mathTagName } from './math/tag-name';
import { markdownSyntax } from './remark-syntax';
import { rehypeUrlPolicy, sanitizeProtocols, type UrlPolicyOptions } from './url-policy';

/**
 * GitHub's schema (which already keeps GFM tables, task list checkboxes, footnotes and
 * strikethrough, and `language-*` classes on `<code>`), with its protocol check of `href` and
 * `src` on: the schemes of the URL policy and of the allowed prefixes (`sanitizeProtocols`). The
 * URL policy runs after it, so a URL must pass both. Clobbering is off because
 * Markdown without raw HTML cannot set `id` or `name`: the only ids are the footnote ids that
 * remark-rehype already prefixes with `user-content-`, and prefixing them twice would break
 * the footnote links. Math adds two classes on `<code>`: remark-math's `math-inline` and
 * `math-display` (the TeX source stays text; see `math/math-elements.ts`).
 */
export function sanitizeSchemaFor(policy: UrlPolicyOptions): Schema {
  return {
    ...defaultSchema,
    attributes: {
      ...defaultSchema.attributes,
      code: [['className', /^language-./, 'math-inline', 'math-display']],
    },
    clobber: [],
    protocols: { ...defaultSchema.protocols, ...sanitizeProtocols(policy) },
  };
}

/** The schema with no prefixes allowed. */
export const sanitizeSchema: Schema = sanitizeSchemaFor({});

/**
 * `data-*` flags such as `data-footnote-ref` are `true` in hast; React would write them as
 * `="true"`, HTML serializers as empty attributes. Make them empty strings, as HTML means them.
 */
function emptyDataFlags(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const [key, value] of Object.entries(child.properties)) {
      if (value === true && key.startsWith('data')) child.properties[key] = '';
    }
    emptyDataFlags(child);
  }
}

/** A Markdown-to-hast pipeline, in two steps so a tree parsed elsewhere (`quickParse`) can be run. */
export interface HastProcessor {
  /** The mdast of `markdown`, as remark-parse with the pipeline's syntax gives it. */
  parse(markdown: string): MdastRoot;
  /** The sanitized hast of `tree`, as remark-rehype, rehype-sanitize and the transforms give it. */
  run(tree: MdastRoot): Root;
}

/** `math`: the loaded math chunk, for a pipeline that reads `$…$` and `$$…$$` (see `math/`). */
function buildProcessor(policy: UrlPolicyOptions, math?: MathModule): HastProcessor {
  const syntax = markdownSyntax();
  const mathParts = math?.mathSyntax();
  const parseOptions = {
    extensions: [...syntax.extensions, ...(mathParts?.extensions ?? [])],
    mdastExtensions: [...syntax.mdastExtensions, ...(mathParts?.mdastExtensions ?? [])],
  };
  const schema = sanitizeSchemaFor(policy);
  const urlPolicy = rehypeUrlPolicy(policy);
  const mathElements = math?.rehypeMathElements({ tagName: mathTagName });
  return {
    parse: (markdown) => fromMarkdown(markdown, parseOptions),
    run(tree) {
      const hast = sanitize(toHast(tree), schema) as Root;
      urlPolicy(hast);
      emptyDataFlags(hast);
      mathElements?.(hast);
      setDirection(hast);
      return hast;
    },
  };
}

const processors = new Map<string, HastProcessor>();

function cacheKey(options: UrlPolicyOptions): string {
  return JSON.stringify([options.allowedLinkPrefixes ?? [], options.allowedImagePrefixes ?? []]);
}

/** The cached processor for these URL options (reading math once the math chunk is passed). */
export function getProcessor(options: UrlPolicyOptions, math?: MathModule): HastProcessor {
  const key = math ? `math:${cacheKey(options)}` : cacheKey(options);
  let processor = processors.get(key);
  if (!processor) {
    const policy = {
      allowedLinkPrefixes: [...(options.allowedLinkPrefixes ?? [])],
      allowedImagePrefixes: [...(options.allowedImagePrefixes ?? [])],
    };
    processor = buildProcessor(policy, math);
    processors.set(key, processor);
  }
  return processor;
}

/** Parses Markdown into a sanitized hast tree. Never throws for any input text. */
export function markdownToHast(markdown: string, processor: HastProcessor): Root {
  return processor.run(processor.parse(markdown));
}

/**
 * The same tree as `markdownToHast` when `quickParse` handles the text (most of what LLMs write),
 * else `undefined`. Only the parse is quicker: the tree goes through the same transforms.
 */
export function quickMarkdownToHast(markdown: string, processor: HastProcessor): Root | undefined {
  const tree = quickParse(markdown);
  return tree && processor.run(tree);
}
