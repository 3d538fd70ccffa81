import { tests } from 'commonmark-spec';
import type { Element, Root } from 'hast';
import { type Components, toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { isValidElement, type ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';
import cjkFixtures from '../../../core/test/fixtures/markdown/cjk-friendly.json';
import gfmFixtures from '../../../core/test/fixtures/markdown/gfm-spec.json';
import { hastToReactElements } from '../../src/markdown/hast-to-react';
import { getProcessor, markdownToHast } from '../../src/markdown/pipeline';
import { insertCursor } from '../../src/markdown/render-hast';

/** What the renderer used to be: hast-util-to-jsx-runtime with Rivulet's options. */
function reference(tree: Root, components: Partial<Components>): ReactNode {
  return toJsxRuntime(tree, {
    Fragment,
    jsx,
    jsxs,
    components,
    passNode: true,
    ignoreInvalidStyle: true,
    tableCellAlignToStyle: false,
  });
}

/** A readable difference between two element trees (type, key, props, `node`), or `undefined`. */
function difference(actual: ReactNode, expected: ReactNode, path = 'root'): string | undefined {
  if (Array.isArray(actual) || Array.isArray(expected)) {
    if (!Array.isArray(actual) || !Array.isArray(expected)) return `${path}: array vs single child`;
    if (actual.length !== expected.length) return `${path}: ${actual.length} children, expected ${expected.length}`;
    for (let index = 0; index < actual.length; index += 1) {
      const found = difference(actual[index], expected[index], `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isValidElement(actual) || !isValidElement(expected)) {
    return actual === expected ? undefined : `${path}: ${String(actual)} vs ${String(expected)}`;
  }
  if (actual.type !== expected.type) return `${path}: type ${String(actual.type)} vs ${String(expected.type)}`;
  if (actual.key !== expected.key) return `${path}: key ${actual.key} vs ${expected.key}`;
  const actualProps = actual.props as Record<string, unknown>;
  const expectedProps = expected.props as Record<string, unknown>;
  const keys = new Set([...Object.keys(actualProps), ...Object.keys(expectedProps)]);
  for (const key of keys) {
    if (key === 'children') continue;
    if (JSON.stringify(actualProps[key]) !== JSON.stringify(expectedProps[key]) || key === 'node') {
      if (actualProps[key] !== expectedProps[key]) {
        return `${path}: prop ${key} ${JSON.stringify(actualProps[key])} vs ${JSON.stringify(expectedProps[key])}`;
      }
    }
  }
  return difference(
    actualProps.children as ReactNode,
    expectedProps.children as ReactNode,
    `${path}>${String(actual.type)}`,
  );
}

function Override(props: { children?: ReactNode }) {
  return <div>{props.children}</div>;
}

const componentSets: Record<string, Partial<Components>> = {
  none: {},
  overrides: { pre: Override, a: Override, em: 'i', td: Override, 'rivulet-cursor': Override } as Partial<Components>,
};

const documents = [
  ...tests.map((example) => example.markdown.replaceAll('→', '\t')),
  ...gfmFixtures.examples.map((example) => example.markdown),
  ...cjkFixtures.cases.map((example) => example.markdown),
  '| a | b |\n|:-|-:|\n| `x` | **y** |\n\n- [x] done\n- [ ] open\n\nText[^1] and ~~gone~~.\n\n[^1]: A note.\n',
  '```ts\nconst a = 1;\n```\n\n![alt](https://example.com/a.png "title")\n\n1. one\n2. two\n',
];

function treeOf(markdown: string, cursor: boolean): Root {
  const tree = markdownToHast(markdown, getProcessor({}));
  if (cursor) insertCursor(tree);
  return tree;
}

describe('hastToReactElements', () => {
  for (const [name, components] of Object.entries(componentSets)) {
    // Parsing 800 documents twice takes seconds on a busy machine: no wall-clock limit here.
    it(`makes the elements hast-util-to-jsx-runtime makes, for ${documents.length} documents (components: ${name})`, {
      timeout: 0,
    }, () => {
      const mismatches: string[] = [];
      for (const markdown of documents) {
        for (const cursor of [false, true]) {
          const tree = treeOf(markdown, cursor);
          const found = difference(hastToReactElements(tree, components), reference(tree, components));
          if (found) mismatches.push(`${JSON.stringify(markdown)}: ${found}`);
        }
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
    });
  }

  it('names data and aria properties as attributes, joins lists, reads style, drops whitespace in tables', () => {
    const cell: Element = {
      type: 'element',
      tagName: 'td',
      properties: { align: 'right', style: 'text-align: right; --gap: 2px; -ms-flex: 1', className: ['a', 'b'] },
      children: [{ type: 'text', value: 'x' }],
    };
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'tr',
          properties: {
            dataFootnoteRef: '',
            ariaDescribedBy: ['one', 'two'],
            accept: ['a', 'b'],
            hidden: undefined,
            width: Number.NaN,
          },
          children: [{ type: 'text', value: '\n  ' }, cell, { type: 'text', value: '\n' }],
        },
      ],
    };
    const rendered = hastToReactElements(tree, {});
    expect(difference(rendered, reference(tree, {}))).toBeUndefined();
    const row = (rendered.props as { children: { props: Record<string, unknown> } }).children;
    expect(row.props['data-footnote-ref']).toBe('');
    expect(row.props['aria-describedby']).toBe('one two');
    expect(row.props.accept).toBe('a, b');
    expect('hidden' in row.props || 'width' in row.props).toBe(false);
    const rowCell = row.props.children as { props: Record<string, unknown> };
    expect(rowCell.props.style).toEqual({ textAlign: 'right', '--gap': '2px', msFlex: '1' });
    expect(rowCell.props.className).toBe('a b');
  });

  it('passes the hast node to components, not to tag names', () => {
    const tree = treeOf('*a* [b](https://example.com)', false);
    const rendered = hastToReactElements(tree, { a: Override, em: 'i' } as Partial<Components>);
    const paragraph = (rendered.props as { children: { props: { children: ReactNode[] } } }).children;
    const [emphasis, , link] = paragraph.props.children as { type: unknown; props: Record<string, unknown> }[];
    expect(emphasis?.type).toBe('i');
    expect(emphasis?.props.node).toBeUndefined();
    expect(link?.type).toBe(Override);
    expect((link?.props.node as Element | undefined)?.tagName).toBe('a');
  });
});
