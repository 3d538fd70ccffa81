import { Markdown, useStream } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { createMockStream } from '../mock/src/index.js';

/** Streams one canned answer as plain text into `<Markdown>` alone, through `useStream`. */
function StreamingMarkdown({
  answer,
  speed,
  burst,
  highlight,
}: {
  answer: string;
  speed: number;
  burst: number;
  highlight: 'visible' | 'all' | false;
}) {
  const stream = useStream({ format: 'text' });
  const { start } = stream;
  useEffect(() => {
    start(createMockStream({ answer, tokensPerSecond: speed, burst, format: 'text' }));
  }, [start, answer, speed, burst]);
  const streaming = stream.status === 'connecting' || stream.status === 'streaming';
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }}>
      <p style={{ fontSize: 12, opacity: 0.7 }} data-testid="status">
        {stream.status} · {stream.growingText.length} characters
      </p>
      <Markdown streaming={streaming} cursor={streaming} highlight={highlight}>
        {stream.growingText}
      </Markdown>
    </div>
  );
}

const meta = {
  title: 'Markdown/Markdown',
  component: StreamingMarkdown,
  args: { answer: 'long', speed: 150, burst: 1, highlight: 'visible' },
  argTypes: {
    answer: {
      control: 'select',
      options: [
        'overview',
        'short',
        'long',
        'code',
        'tables',
        'reasoning',
        'tool',
        'tricky',
        'long-list',
        'long-table',
        'long-quote',
        'long-code',
        'long-item',
      ],
    },
    speed: { control: { type: 'range', min: 5, max: 2000, step: 5 } },
    burst: { control: { type: 'range', min: 1, max: 50, step: 1 } },
    // 'visible' (the default) highlights code blocks near the viewport, 'all' every block, false none.
    highlight: { control: 'select', options: ['visible', 'all', false] },
  },
} satisfies Meta<typeof StreamingMarkdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A 7 KB guide streaming at 150 tokens/s: headings, lists, tables, quotes and code. */
export const StreamingLongDocument: Story = {};

export const StreamingCode: Story = { args: { answer: 'code', speed: 300 } };

export const StreamingTables: Story = { args: { answer: 'tables', speed: 120 } };

/** Partial Markdown that looks broken if rendered naively, slowly. */
export const StreamingTrickyCases: Story = { args: { answer: 'tricky', speed: 15 } };

/**
 * Answers that are one long block: a 12 KB numbered list, table or quote at 400 tokens/s. Only the
 * item, row or child being typed is parsed on an update; the finished ones keep their elements.
 */
export const StreamingOneLongList: Story = { args: { answer: 'long-list', speed: 400 } };

export const StreamingOneLongTable: Story = { args: { answer: 'long-table', speed: 400 } };

export const StreamingOneLongQuote: Story = { args: { answer: 'long-quote', speed: 400 } };

/**
 * A whole file in one 12 KB code block at 400 tokens/s. Its text comes in chunks of lines, so an
 * update lays out the chunk being typed, not all the code above it.
 */
export const StreamingOneLongCodeBlock: Story = { args: { answer: 'long-code', speed: 400 } };

/**
 * An outline: an intro line, then one bullet that holds a 12 KB numbered list and a closing
 * paragraph. The bullet is rendered block by block and the list inside it item by item, so an
 * update parses the nested item being typed, not the whole bullet.
 */
export const StreamingOneLongListItem: Story = { args: { answer: 'long-item', speed: 400 } };
