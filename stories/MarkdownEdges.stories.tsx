import { Markdown } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import {
  arabicAnswer,
  cjkAnswer,
  type EdgeDocument,
  escapedPipesTable,
  hebrewAnswer,
  stoppedInLink,
  wideTable,
} from './support/edge-documents';

/**
 * Streams a document into `<Markdown>` a few characters per frame, then shows it finished: complete, or,
 * with `stopped`, ended early (`incomplete`, as after Stop or an error), its tail still repaired.
 */
function StreamedDocument({
  document,
  charsPerFrame,
  stopped,
  width,
}: {
  document: EdgeDocument;
  charsPerFrame: number;
  stopped: boolean;
  width: number;
}) {
  const { text } = document;
  const [run, setRun] = useState(0);
  const [length, setLength] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `run` (Replay) starts the stream over.
  useEffect(() => {
    setLength(0);
    let frame = 0;
    const step = () => {
      setLength((shown) => {
        const next = Math.min(text.length, shown + charsPerFrame);
        if (next < text.length) frame = requestAnimationFrame(step);
        return next;
      });
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [text, charsPerFrame, run]);
  const streaming = length < text.length;
  return (
    <div style={{ maxWidth: width, margin: '0 auto' }}>
      <p style={{ fontSize: 12, opacity: 0.7 }}>
        {document.title} · <span data-testid="state">{streaming ? 'streaming' : stopped ? 'stopped' : 'done'}</span>{' '}
        <button type="button" onClick={() => setRun((count) => count + 1)}>
          Replay
        </button>
      </p>
      <Markdown streaming={streaming} incomplete={streaming || stopped} cursor={streaming}>
        {text.slice(0, length)}
      </Markdown>
    </div>
  );
}

const meta = {
  title: 'Markdown/Scripts and edge cases',
  component: StreamedDocument,
  args: { document: arabicAnswer, charsPerFrame: 3, stopped: false, width: 720 },
  argTypes: {
    document: { control: false },
    charsPerFrame: { control: { type: 'range', min: 1, max: 40 } },
    width: { control: { type: 'range', min: 280, max: 1100, step: 20 } },
  },
} satisfies Meta<typeof StreamedDocument>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Arabic reads right to left, block by block (`dir="auto"`); code and inline code stay left to right. */
export const ArabicAnswer: Story = { args: { document: arabicAnswer } };

/** Hebrew with inline code first in a paragraph, a nested list, a table, a code block and an English line. */
export const HebrewAnswer: Story = { args: { document: hebrewAnswer } };

/** `**中文。**后` and its Japanese and Korean kin are bold, never showing their asterisks. */
export const CjkEmphasis: Story = { args: { document: cjkAnswer } };

/**
 * Stopped inside `**the [docs](https://exa…`: the answer ends early and stays repaired (bold text, the link
 * text without a link to a truncated URL), never raw `**` or `[docs](`.
 */
export const StoppedInsideLink: Story = { args: { document: stoppedInLink, stopped: true } };

/** Escaped pipes in cells, in code too (GFM spec example 200): `|` while streaming and once finished. */
export const TableWithEscapedPipes: Story = { args: { document: escapedPipesTable } };

/**
 * A table wider than its message scrolls sideways in its own box, words kept whole; while a row streams,
 * the cursor sits in the cell being typed.
 */
export const WideTable: Story = { args: { document: wideTable, width: 560, charsPerFrame: 2 } };

/** The wide table in a phone-sized column. */
export const WideTableNarrow: Story = { args: { document: wideTable, width: 320, charsPerFrame: 6 } };
