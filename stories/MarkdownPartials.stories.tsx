import { Markdown } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';

/** One frozen mid-stream state: how `<Markdown streaming>` shows text cut at an awkward place. */
function Partial({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <pre style={{ fontSize: 12, opacity: 0.75, whiteSpace: 'pre-wrap' }}>{JSON.stringify(text)}</pre>
      <Markdown streaming={streaming} cursor={streaming}>
        {text}
      </Markdown>
    </div>
  );
}

const meta = {
  title: 'Markdown/Partial cases',
  component: Partial,
  args: { streaming: true, text: '' },
} satisfies Meta<typeof Partial>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An opening marker with nothing after it yet is hidden, not closed into an empty element. */
export const OpenEmphasis: Story = { args: { text: 'Hello **' } };

export const EmphasisInProgress: Story = { args: { text: 'Hello **wor' } };

/** Intraword underscores are not emphasis. */
export const SnakeCase: Story = { args: { text: 'Call snake_case_name and __init' } };

/** A lone asterisk between spaces is arithmetic. */
export const Arithmetic: Story = { args: { text: 'Note that 2 * 3' } };

/** An unclosed fence renders as a code block that grows, keeping its language. */
export const UnclosedFence: Story = {
  args: { text: 'Run this:\n\n```python\ndef total(items):\n    return sum(item.price for' },
};

/** A table whose delimiter row has not arrived yet, then one with half a row. */
export const HalfTable: Story = { args: { text: '| Name | Value |\n|------|---:|\n| alpha | 1 |\n| be' } };

export const TableHeaderOnly: Story = { args: { text: 'Results:\n\n| Name | Value |' } };

/** A link cut inside its URL shows its text, never raw brackets. */
export const LinkCutInUrl: Story = { args: { text: 'Read the [streaming guide](http://exa' } };

export const InlineCodeOpen: Story = { args: { text: 'Use `array.at(-' } };

/**
 * Footnote calls before their definitions (answers define footnotes at the end): each shows as the
 * superscript it will become, and the call still being typed shows nothing yet.
 */
export const FootnoteCalls: Story = {
  args: { text: 'Rust frees memory without a garbage collector[^1], and rejects data races[^2' },
};

/**
 * The footnote definitions at the end of an answer, while they stream: each shows as the footnotes
 * section's item it will be, as it is typed, numbered by its label.
 */
export const FootnoteDefinitions: Story = {
  args: {
    text: 'Rust frees memory without a garbage collector[^1], and rejects data races[^2].\n\n[^1]: Ownership: each value has one owner.\n[^2]: The borrow ch',
  },
  play: async ({ canvasElement }) => {
    const items = [...canvasElement.querySelectorAll('section[data-footnotes] li')];
    await expect(items.map((item) => item.textContent?.trim())).toEqual([
      'Ownership: each value has one owner.',
      'The borrow ch',
    ]);
    await expect(items.map((item) => item.getAttribute('value'))).toEqual(['1', '2']);
  },
};

/** The finished answer: numbered calls and the footnotes section. */
export const FootnotesFinished: Story = {
  args: {
    text: 'Rust frees memory without a garbage collector[^1], and rejects data races[^2].\n\n[^1]: Ownership.\n[^2]: The borrow checker.\n',
    streaming: false,
  },
};

/** The same text once the answer is finished: rendered as static Markdown. */
export const Finished: Story = { args: { text: 'Hello **world**, 2 * 3 = 6 and snake_case.', streaming: false } };
