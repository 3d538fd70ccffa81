/**
 * What a streamed answer keeps in memory once it is on screen: about what a static render of the
 * same text keeps. A block (or a list item) that was open on an earlier flush must not keep that
 * flush's whole text alive: a memoized element that bails out keeps its previous props, so a view
 * into an old text held there keeps the old text (a 200 KB answer kept 215 MB so).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Markdown } from '@rivulet/react';
import { render } from '@testing-library/react';
import { expect, it } from 'vitest';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in MB kept alive, after a full collection, by what `mount` leaves mounted. */
function retainedMegabytes(mount: () => () => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const unmount = mount();
  gc();
  const after = process.memoryUsage().heapUsed;
  unmount();
  return (after - before) / 1e6;
}

function streamed(text: string) {
  return () => {
    const view = render(
      <Markdown streaming highlight={false}>
        {''}
      </Markdown>,
    );
    let current = '';
    for (let index = 0; index < text.length; index += 85) {
      // A new string per flush, as a stream's concatenation makes.
      current = `${current}${text.slice(index, index + 85)}`;
      view.rerender(
        <Markdown streaming highlight={false}>
          {current}
        </Markdown>,
      );
    }
    view.rerender(<Markdown highlight={false}>{current}</Markdown>);
    return view.unmount;
  };
}

function rendered(text: string) {
  return () => render(<Markdown highlight={false}>{text}</Markdown>).unmount;
}

const cases = {
  paragraphs: Array.from({ length: 600 }, (_, i) => `Paragraph ${i} says **something** useful here.\n\n`).join(''),
  'one long list': Array.from({ length: 600 }, (_, i) => `- item ${i} says **something** useful here\n`).join(''),
};

for (const [name, text] of Object.entries(cases)) {
  it(`${name}: streamed keeps about what a static render keeps`, () => {
    expect(text.length).toBeGreaterThan(25_000);
    const staticMegabytes = retainedMegabytes(rendered(text));
    const streamedMegabytes = retainedMegabytes(streamed(text));
    // A copy of the text per block would be 600 copies of up to 28 KB: about 8 MB more.
    expect(streamedMegabytes).toBeLessThan(staticMegabytes * 2 + 1);
  }, 60_000);
}
