/**
 * The oracle the quick parser is checked against: remark-parse + remark-gfm's tree (positions
 * dropped), and fast-check runs over generated texts, a fixed sample by default and a large
 * random one under `pnpm fuzz` (FUZZ_RUNS, see `../fuzz/budget.ts`).
 */

import { createBlockSplitter, repairMarkdown } from '@rivulet/core';
import { quickParse } from '@rivulet/core/syntax';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect } from 'vitest';
import { fuzzRuns } from '../fuzz/budget';
import { randomChunks, seededRandom } from '../support/random';

/** The parser `<Markdown>` runs (remark-parse, GFM, then the CJK-friendly emphasis and strikethrough). */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(remarkCjkFriendlyGfmStrikethrough)
  .freeze();

/** A vitest timeout for a generated-text property: generous per case, so a big FUZZ_RUNS never times out. */
export const generatedTimeout = Math.max(30_000, (fuzzRuns ?? 0) * 10);

function withoutPositions(node: Nodes): Nodes {
  const { position: _position, ...rest } = node as Nodes & { position?: unknown };
  if ('children' in rest) return { ...rest, children: rest.children.map(withoutPositions) } as Nodes;
  return rest as Nodes;
}

/** remark-parse + remark-gfm's tree, positions dropped: what the quick parser must equal. */
export function remarkTree(markdown: string): Root {
  return withoutPositions(processor.parse(markdown)) as Root;
}

/** Checks one text: the quick parser declines it or gives remark's tree. Returns whether it parsed. */
export function agrees(markdown: string): boolean {
  const quick = quickParse(markdown);
  if (quick === undefined) return false;
  expect(quick, JSON.stringify(markdown)).toEqual(remarkTree(markdown));
  return true;
}

/** The repaired last block of every flush of `text` streamed in chunks, as `<Markdown>` parses it. */
export function streamedTails(text: string, seed: number): string[] {
  const random = seededRandom(seed);
  const splitter = createBlockSplitter();
  const tails: string[] = [];
  let received = '';
  for (const chunk of randomChunks(text, random, 40)) {
    received += chunk;
    const { blocks } = splitter.update(received);
    tails.push(repairMarkdown(blocks[blocks.length - 1] ?? ''));
  }
  return tails;
}

/**
 * Checks texts made of up to `maxLength` of `pieces` (see `agrees`) and returns the share the quick
 * parser parsed. A fixed sample in the default run; `pnpm fuzz` sets FUZZ_RUNS for a large random
 * one (FUZZ_SEED fixes its seed, to replay a run).
 */
export function agreementOnGenerated(pieces: readonly string[], maxLength: number, label: string): number {
  return agreementOn(
    fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength }).map((parts) => parts.join('')),
    label,
  );
}

/** As `agreementOnGenerated`, over the texts `texts` generates. */
export function agreementOn(texts: fc.Arbitrary<string>, label: string): number {
  let runs = 0;
  let parsed = 0;
  const seed = Number.parseInt(process.env.FUZZ_SEED ?? '', 10);
  fc.assert(
    fc.property(texts, (text) => {
      runs += 1;
      if (agrees(text)) parsed += 1;
    }),
    fuzzRuns ? { numRuns: fuzzRuns, ...(Number.isNaN(seed) ? {} : { seed }) } : { numRuns: 3000, seed: 20261125 },
  );
  if (fuzzRuns) console.log(`${label}: ${runs} generated texts, ${parsed} parsed, the rest declined`);
  return parsed / runs;
}
