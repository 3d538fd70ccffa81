import { TypingCursor } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';

const meta = {
  title: 'Parts/TypingCursor',
  component: TypingCursor,
  render: (args) => (
    <p style={{ maxWidth: 640, margin: '0 auto', fontSize: 16 }}>
      The caret sits inline at the end of the streaming text
      <TypingCursor {...args} />
    </p>
  ),
} satisfies Meta<typeof TypingCursor>;

export default meta;

export const Inline: StoryObj<typeof meta> = {};

/** Styled through its class or `style`, like any span. */
export const Custom: StoryObj<typeof meta> = { args: { style: { width: '2px', background: '#4f46e5' } } };
