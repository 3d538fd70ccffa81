import { StopButton } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';

const meta = {
  title: 'Parts/StopButton',
  component: StopButton,
  args: { onStop: fn(), streaming: true },
  render: (args) => (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 40 }}>
      <StopButton {...args} />
    </div>
  ),
} satisfies Meta<typeof StopButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Streaming: Story = {};

/** Not streaming: rendered disabled with `keepMounted`, otherwise not at all. */
export const IdleKeptMounted: Story = { args: { streaming: false, keepMounted: true } };

export const CustomLabel: Story = { args: { label: 'Arrêter' } };
