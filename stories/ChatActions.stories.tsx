import { Chat, type ChatFeedback, type ChatMessageInit } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { type MockChatOptions, useMockChat } from './support/use-mock-chat';

type Theme = 'light' | 'dark';

const meta = {
  title: 'Chat/Actions',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** A finished turn to act on: copy, regenerate and feedback on the answer, edit on the question. */
const finishedTurn: ChatMessageInit[] = [
  { id: 'question', role: 'user', content: 'Give me a short answer about streaming.' },
  {
    id: 'answer',
    role: 'assistant',
    status: 'done',
    content: 'Stream tokens as they arrive and render Markdown that repairs itself while it is incomplete.',
  },
];

/** The default parts around a conversation; answers come from the mock (short, fast). */
function ActionsChat({
  theme,
  onFeedback,
  ...options
}: Omit<MockChatOptions, 'onFeedback'> & {
  theme: Theme;
  onFeedback?: (value: ChatFeedback | undefined) => void;
}) {
  const chat = useMockChat({
    mock: { answer: 'short', tokensPerSecond: 200 },
    initialMessages: finishedTurn,
    onFeedback: ({ value }) => onFeedback?.(value),
    ...options,
  });
  return (
    <Chat.Root chat={chat} theme={theme}>
      <Chat.Messages />
      <Chat.Composer />
    </Chat.Root>
  );
}

function FeedbackChat({ theme }: { theme: Theme }) {
  const [last, setLast] = useState<string>('none yet');
  return (
    <div style={{ display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%', gap: 8 }}>
      <output data-testid="feedback" style={{ fontSize: 13 }}>
        onFeedback: {last}
      </output>
      <ActionsChat theme={theme} onFeedback={(value) => setLast(value ?? 'cleared')} />
    </div>
  );
}

/** Feedback toggles on an answer (`aria-pressed`); `onFeedback` hears each change. */
export const Feedback: Story = {
  render: (_args, { globals }) => <FeedbackChat theme={globals.theme} />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const good = canvas.getByRole('button', { name: 'Good response' });
    await userEvent.click(good);
    await expect(canvas.getByRole('button', { name: 'Good response' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByTestId('feedback')).toHaveTextContent('onFeedback: positive');
  },
};

/** Edit opens the question in place (`data-state="editing"`): Enter or "Save and send" sends it, Escape cancels. */
export const EditFormOpen: Story = {
  render: (_args, { globals }) => <ActionsChat theme={globals.theme} />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    await expect(await canvas.findByRole('textbox', { name: 'Edit message' })).toHaveValue(
      'Give me a short answer about streaming.',
    );
  },
};

/**
 * Regenerate asks again for the last answer; the earlier one stays as a version of the turn, and
 * the question shows a switcher: "2/2", then "1/2" after Previous version.
 */
export const Regenerate: Story = {
  render: (_args, { globals }) => <ActionsChat theme={globals.theme} />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate' }));
    const versions = await canvas.findByRole('group', { name: 'Versions' });
    await expect(versions).toHaveAttribute('data-state', '2/2');
    // Once the new answer is done, go back to the first one.
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Regenerate' })).toBeInTheDocument(), {
      timeout: 5000,
    });
    await userEvent.click(canvas.getByRole('button', { name: 'Previous version' }));
    await expect(canvas.getByRole('group', { name: 'Versions' })).toHaveAttribute('data-state', '1/2');
    await expect(canvas.getByRole('log')).toHaveTextContent('render Markdown that repairs itself');
  },
};

/** An edited question is sent again; the first question and its answer stay as version 1/2. */
export const EditedWithBranches: Story = {
  render: (_args, { globals }) => <ActionsChat theme={globals.theme} />,
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    const editor = await canvas.findByRole('textbox', { name: 'Edit message' });
    await userEvent.clear(editor);
    await userEvent.type(editor, 'Give me a brief answer about tables.');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and send' }));
    const versions = await canvas.findByRole('group', { name: 'Versions' });
    await expect(versions).toHaveAttribute('data-state', '2/2');
    await expect(canvas.getByRole('log')).toHaveTextContent('Give me a brief answer about tables.');
  },
};
