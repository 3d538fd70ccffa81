import { createChildSplitter, repairMarkdown, splitBlocks, splitChildren } from '@rivulet/core';
import { describe, expect, it } from 'vitest';

/** Every prefix of `text`, fed to one incremental splitter, against the pure split of that prefix. */
function checkIncremental(text: string): void {
  const splitter = createChildSplitter();
  let previous: ReturnType<typeof splitChildren>;
  for (let end = 1; end <= text.length; end += 1) {
    const prefix = text.slice(0, end);
    const split = splitter.update(prefix);
    expect(split, prefix).toEqual(splitChildren(prefix));
    // Final children never change.
    if (previous && split) {
      expect(split.children.slice(0, previous.finalCount)).toEqual(previous.children.slice(0, previous.finalCount));
    }
    previous = split;
  }
}

describe('splitChildren', () => {
  it('cuts a list into its items, nested content and blank lines included', () => {
    const list = '1. one\n   - nested\n\n   ```js\n   x\n   ```\n2. two\nlazy\n3. three\n';
    expect(splitChildren(list)).toEqual({
      kind: 'list',
      children: ['1. one\n   - nested\n\n   ```js\n   x\n   ```\n', '2. two\nlazy\n', '3. three\n'],
      finalCount: 2,
      // The last item's content; the one before it has a lazy line, so it cannot be read alone.
      item: { marker: '3. ', blocks: ['three\n'], finalCount: 0 },
    });
    checkIncremental(list);
  });

  it("gives the last item's content, without its marker and indentation, split into blocks", () => {
    const list = '- Intro\n- Steps:\n  - a\n\n    more a\n  - b\n\n  ```\n  code\n\n  ```\n  End';
    expect(splitChildren(list)?.item).toEqual({
      marker: '- ',
      blocks: ['Steps:\n', '- a\n\n  more a\n- b\n\n', '```\ncode\n\n```\n', 'End'],
      finalCount: 3,
    });
    expect(splitChildren('10.  Wide marker\n     next\n')?.item).toEqual({
      marker: '10.  ',
      blocks: ['Wide marker\nnext\n'],
      finalCount: 0,
    });
    checkIncremental(list);
    // Not for an item that cannot be read without its marker: a lazy line, a tab in the
    // indentation, a task item, an item that starts blank, a line of text being typed outside the item.
    for (const block of ['- a\nlazy', '- a\n\tb', '- [ ] task\n  more', '-\n  foo', '- a\n  b\nla', '- a\n  b\n---']) {
      expect(splitChildren(block)?.item, block).toBeUndefined();
    }
  });

  it('gives the last item without a line typed after it that repair hides (a marker so far)', () => {
    const item = '1. **Install** it:\n\n   ```sh\n   npm i\n   ```\n\n   Then run it.\n';
    const without = splitChildren(item)?.item;
    expect(without?.blocks).toHaveLength(3);
    for (const partial of ['2', '2.', '2. ', '10)', '-', '- ', '* -', '#', '>', '|', '```', '<di']) {
      const block = item + partial;
      expect(repairMarkdown(block), partial).toBe(item);
      expect(splitChildren(block)?.item, partial).toEqual({ ...without, withoutLastLine: true });
    }
    // Not when repair shows the line (text, a thematic break), nor inside the item.
    for (const partial of ['2024 was', '---', 'lazy']) {
      expect(repairMarkdown(item + partial), partial).not.toBe(item);
      expect(splitChildren(item + partial)?.item, partial).toBeUndefined();
    }
    expect(splitChildren(`${item}   2.`)?.item?.withoutLastLine).toBeUndefined();
  });

  it('cuts before the next item as soon as its line certainly starts one, and gives the item before', () => {
    expect(splitChildren('- Steps:\n  - a\n- **Next**')).toEqual({
      kind: 'list',
      children: ['- Steps:\n  - a\n', '- **Next**'],
      finalCount: 1,
      previousItem: { marker: '- ', blocks: ['Steps:\n', '- a\n'], finalCount: 2 },
    });
    expect(splitChildren('1. a\n2. b')?.children).toEqual(['1. a\n', '2. b']);
    // Not while it could still be a thematic break, a line of the item, or another list.
    for (const block of ['- a\n- -', '* a\n* *', '- a\n-', '1. a\n2', '- a\n  - b', '- a\n1. b']) {
      expect(splitChildren(block)?.children, block).toHaveLength(1);
    }
    checkIncremental('- one\n- **two**\n  - nested\n- - -\n');
  });

  it('cuts a table into its head and one child per row', () => {
    const table = '| a | b |\n| - | :-: |\n| `x \\| y` | 1 |\n| 2 | 3 |\n\n';
    expect(splitChildren(table)).toEqual({
      kind: 'table',
      children: ['| a | b |\n| - | :-: |\n', '| `x \\| y` | 1 |\n', '| 2 | 3 |\n\n'],
      finalCount: 2,
    });
    checkIncremental(table);
  });

  it('cuts a quote into the blocks of its content', () => {
    const quote = '> Intro\nlazy line\n>\n> - a\n> - b\n>\n> ```\n> code\n> ```\n> end\n';
    const split = splitChildren(quote);
    expect(split?.kind).toBe('quote');
    expect(split?.children).toEqual(splitBlocks('Intro\nlazy line\n\n- a\n- b\n\n```\ncode\n```\nend\n'));
    checkIncremental(quote);
  });

  it('leaves whole what is not one list, table or quote throughout', () => {
    for (const block of [
      'A paragraph\nover two lines\n',
      '- a\n> quote after the list\n',
      '- a\n1. another kind of list\n',
      '- a\n---\n',
      '> a\n- list after the quote\n',
      '> ```\ncode ends the quote\n',
      'Text before\n| a |\n| - |\n| 1 |\n',
      '| a |\n| - |\n| 1 |\n- list after the table\n',
      '- [link][id]\n- b\n\n[id]: /url\n',
      '- a footnote defined in the list [^1]\n\n  [^1]: note\n',
      '>\tTabbed quote\n',
      '> lazy setext\nbar\n===\n',
      '> - a list ending the quote, then two blank quote lines\n>\n>\n',
      '> 1. a list, two blank quote lines, and the quote goes on\n>    - sub\n>\n>\n> After.\n',
      '- a\r\n- b\r\n',
    ]) {
      expect(splitChildren(block), block).toBeUndefined();
    }
  });

  it('stays whole from the update where a definition or a carriage return arrives, and not before', () => {
    // The splitter tests only what it has not scanned yet for them: each prefix is still split as
    // the whole prefix would be, with the definition or the CR in the line being typed or further back.
    for (const block of [
      '- [link][id]\n- b\n\n[id]: /url\n- c\n',
      '> a [^1]\n>\n> [^1]: note\n> - b\n',
      '| a |\n| - |\n| [x] |\n| [y]: |\n| z |\n',
      '- a\n- b\r\n- c\n',
    ]) {
      checkIncremental(block);
      expect(createChildSplitter().update(block), block).toBeUndefined();
    }
  });

  it('starts over for a block that does not extend the last one', () => {
    const splitter = createChildSplitter();
    splitter.update('- a\n- b\n');
    expect(splitter.update('| x |\n| - |\n| 1 |\n')).toEqual(splitChildren('| x |\n| - |\n| 1 |\n'));
  });
});
