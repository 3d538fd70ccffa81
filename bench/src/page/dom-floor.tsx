/**
 * The browser's floor for a streamed answer: the final DOM Rivulet renders for it (static, no
 * highlighting) grown by direct DOM edits, text node by text node, in step with the stream. No
 * parsing, no repair, no React reconciliation: each flush appends the characters it brings to the
 * text node being typed, creating the elements around it when it starts. What a flush costs here is
 * what the browser charges to restyle and lay out that DOM after a small edit, which no renderer
 * producing the same DOM can avoid.
 */
import { Markdown } from '@rivulet/react';
import { useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { createContainer } from './dom';
import type { RendererProps } from './renderers';

/** Leaves of a rendered tree in document order: text nodes and childless elements (`<hr>`, `<td></td>`). */
function leavesOf(root: Node): Node[] {
  const leaves: Node[] = [];
  const walk = (node: Node) => {
    if (node.firstChild === null) {
      if (node !== root) leaves.push(node);
      return;
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return leaves;
}

const built = new Map<string, Element>();

/**
 * Rivulet's static render of `text`, highlighting off, as a detached tree (cached per text). It is
 * rendered in the page, at the bench's column width, so the groups of blocks it settles keep their
 * measured heights as the streamed render's do.
 */
export function finalDom(text: string): Element {
  let tree = built.get(text);
  if (!tree) {
    const container = createContainer();
    const root = createRoot(container);
    flushSync(() =>
      root.render(
        <Markdown streaming={false} highlight={false}>
          {text}
        </Markdown>,
      ),
    );
    tree = container.cloneNode(true) as Element;
    root.unmount();
    container.remove();
    built.set(text, tree);
  }
  return tree;
}

/** Grows a copy of `source` inside `target`, leaf by leaf, to a fraction of its text. */
class Revealer {
  private readonly leaves: Node[];
  private readonly copies = new Map<Node, Node>();
  private readonly total: number;
  /** Leaves fully shown, and characters shown of the next one. */
  private index = 0;
  private shown = 0;
  private revealed = 0;

  constructor(
    readonly source: Element,
    target: Element,
  ) {
    this.leaves = leavesOf(source);
    this.total = this.leaves.reduce(
      (sum, leaf) => sum + (leaf.nodeType === Node.TEXT_NODE ? (leaf as Text).length : 0),
      0,
    );
    this.copies.set(source, target);
  }

  reveal(fraction: number): void {
    const goal = Math.round(Math.min(1, fraction) * this.total);
    while (this.index < this.leaves.length) {
      const leaf = this.leaves[this.index] as Node;
      const length = leaf.nodeType === Node.TEXT_NODE ? (leaf as Text).length : 0;
      if (length > 0 && this.revealed >= goal) return;
      const copy = this.copyOf(leaf);
      const take = Math.min(length - this.shown, goal - this.revealed);
      if (length > 0) {
        (copy as Text).appendData((leaf as Text).data.slice(this.shown, this.shown + take));
        this.shown += take;
        this.revealed += take;
      }
      if (this.shown < length) return;
      this.index += 1;
      this.shown = 0;
    }
  }

  /** The live copy of `node`, created empty (and its ancestors' copies) on first use. */
  private copyOf(node: Node): Node {
    let copy = this.copies.get(node);
    if (!copy) {
      const parent = this.copyOf(node.parentNode as Node);
      copy = node.nodeType === Node.TEXT_NODE ? document.createTextNode('') : node.cloneNode(false);
      parent.appendChild(copy);
      this.copies.set(node, copy);
    }
    return copy;
  }
}

/** `final` is the whole answer; without it (the static render) the text is shown whole. */
export function DomFloor({ text, final = text }: RendererProps) {
  const box = useRef<HTMLDivElement>(null);
  const revealer = useRef<Revealer | null>(null);
  useLayoutEffect(() => {
    const target = box.current;
    if (!target) return;
    const source = finalDom(final);
    if (revealer.current?.source !== source) {
      target.replaceChildren();
      revealer.current = new Revealer(source, target);
    }
    revealer.current.reveal(final.length === 0 ? 1 : text.length / final.length);
  }, [text, final]);
  return <div ref={box} />;
}
