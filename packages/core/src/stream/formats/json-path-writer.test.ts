/**
 * The JSON path writer turns values addressed by path, in document order, into the exact JSON text
 * of the object they describe, whatever the nesting and however strings are cut into pieces.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JsonPathSegment, type JsonPathValue, JsonPathWriter, parseJsonPath } from './json-path-writer';

type Tree =
  | { kind: 'leaf'; value: JsonPathValue }
  | { kind: 'object'; entries: Array<[string, Tree]> }
  | { kind: 'array'; items: Tree[] };

const trees = fc.letrec<{ node: Tree; leaf: Tree; object: Tree; array: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('object'), tie('array')),
  leaf: fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    )
    .map((value): Tree => ({ kind: 'leaf', value })),
  // Containers are never empty: an empty one has no path to a value, so it cannot be streamed.
  object: fc
    .uniqueArray(fc.tuple(fc.string({ maxLength: 6 }), tie('node')), {
      minLength: 1,
      maxLength: 4,
      selector: ([key]) => key,
    })
    .map((entries): Tree => ({ kind: 'object', entries })),
  array: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Tree => ({ kind: 'array', items })),
}));

/** The JSON text of `tree`, keys in the order given (JSON.stringify would move integer-like keys first). */
function serialize(tree: Tree): string {
  if (tree.kind === 'leaf') return JSON.stringify(tree.value);
  if (tree.kind === 'array') return `[${tree.items.map(serialize).join(',')}]`;
  return `{${tree.entries.map(([key, value]) => `${JSON.stringify(key)}:${serialize(value)}`).join(',')}}`;
}

interface Write {
  path: JsonPathSegment[];
  value: JsonPathValue;
}

function leaves(tree: Tree, path: JsonPathSegment[] = []): Write[] {
  if (tree.kind === 'leaf') return [{ path, value: tree.value }];
  if (tree.kind === 'array') return tree.items.flatMap((item, index) => leaves(item, [...path, index]));
  return tree.entries.flatMap(([key, value]) => leaves(value, [...path, key]));
}

/**
 * How a streamed string ends: its last piece says so, an empty piece after it does (as Vertex AI
 * does), or nothing does and the next path closes it.
 */
type StringEnd = 'last-piece' | 'empty-piece' | 'next-path';

/** Writes every leaf, strings cut into pieces at the given code point offsets, as Vertex AI sends them. */
function stream(writes: Write[], cuts: number[], ends: StringEnd[]): string {
  const writer = new JsonPathWriter();
  let text = '';
  writes.forEach(({ path, value }, position) => {
    if (typeof value !== 'string') {
      text += writer.write(path, value);
      return;
    }
    const end = ends[position % ends.length] ?? 'last-piece';
    const chars = Array.from(value);
    const points = [...new Set(cuts.map((cut) => cut % (chars.length + 1)))].sort((a, b) => a - b);
    const pieces = [0, ...points].map((start, index) => chars.slice(start, points[index] ?? chars.length).join(''));
    pieces.forEach((piece, index) => {
      const isLast = index === pieces.length - 1;
      text += writer.write(path, piece, !isLast || end !== 'last-piece');
    });
    if (end === 'empty-piece') text += writer.write(path, '', false);
  });
  return text + writer.end();
}

describe('JsonPathWriter', () => {
  it('writes the exact JSON text of any object, however its strings are cut', () => {
    fc.assert(
      fc.property(
        trees.object,
        fc.array(fc.nat({ max: 20 }), { maxLength: 4 }),
        fc.array(fc.constantFrom<StringEnd>('last-piece', 'empty-piece', 'next-path'), { minLength: 1, maxLength: 3 }),
        (tree, cuts, ends) => {
          expect(stream(leaves(tree), cuts, ends)).toBe(serialize(tree));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('assembles a nested recipe streamed field by field', () => {
    const writer = new JsonPathWriter();
    const pieces = [
      writer.write(['recipe', 'ingredients', 0, 'amount'], '16 ', true),
      writer.write(['recipe', 'ingredients', 0, 'amount'], 'oz', true),
      writer.write(['recipe', 'ingredients', 0, 'amount'], '', false),
      writer.write(['recipe', 'ingredients', 0, 'name'], 'Lasagna noodles'),
      writer.write(['recipe', 'ingredients', 1, 'name'], 'Ricotta', true),
      writer.write(['recipe', 'vegetarian'], true),
      writer.write(['recipe', 'servings'], 8),
      writer.write(['recipe', 'steps', 0], 'Preheat to 190 °C.'),
      writer.end(),
    ];
    expect(pieces).toEqual([
      '{"recipe":{"ingredients":[{"amount":"16 ',
      'oz',
      '"',
      ',"name":"Lasagna noodles"',
      '},{"name":"Ricotta',
      '"}],"vegetarian":true',
      ',"servings":8',
      ',"steps":["Preheat to 190 °C."',
      ']}}',
    ]);
    expect(JSON.parse(pieces.join(''))).toEqual({
      recipe: {
        ingredients: [{ amount: '16 oz', name: 'Lasagna noodles' }, { name: 'Ricotta' }],
        vegetarian: true,
        servings: 8,
        steps: ['Preheat to 190 °C.'],
      },
    });
  });

  it('writes {} when no value came, and nothing after the end', () => {
    const writer = new JsonPathWriter();
    expect(writer.end()).toBe('{}');
    expect(writer.write(['late'], 1)).toBe('');
    expect(writer.end()).toBe('');
  });

  it('pads a skipped array index with null and escapes keys and strings', () => {
    const writer = new JsonPathWriter();
    const text = writer.write(['list', 2], 'a"b\n') + writer.write(['k"ey'], null) + writer.end();
    expect(JSON.parse(text)).toEqual({ list: [null, null, 'a"b\n'], 'k"ey': null });
  });

  it('still writes valid JSON when a path goes back into a closed object (the last value wins)', () => {
    const writer = new JsonPathWriter();
    const text = writer.write(['a', 'x'], 1) + writer.write(['b'], 2) + writer.write(['a', 'y'], 3) + writer.end();
    expect(text).toBe('{"a":{"x":1},"b":2,"a":{"y":3}}');
    expect(JSON.parse(text)).toEqual({ a: { y: 3 }, b: 2 });
  });
});

describe('parseJsonPath', () => {
  it.each([
    ['$.location', ['location']],
    ['$.recipe.ingredients[0].amount', ['recipe', 'ingredients', 0, 'amount']],
    ['$.steps[12]', ['steps', 12]],
    ["$['key with spaces']['it\\'s']", ['key with spaces', "it's"]],
    ['$["a.b"][3]', ['a.b', 3]],
    ['$', []],
  ])('reads %s', (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it.each(['location', '$.a[*]', '$..a', "$['open", '$[1:2]', '$.a['])('declines %s', (path) => {
    expect(parseJsonPath(path)).toBeUndefined();
  });
});
