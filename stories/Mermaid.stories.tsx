import { Markdown, useStream } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { createMockStream } from '../mock/src/index.js';

const FENCE = '```';

/**
 * Streams the canned `mermaid` answer (a flowchart and a sequence diagram) into `<Markdown>`, or
 * renders a fixed `text` when one is given: each diagram shows as code while its fence is open and
 * becomes a diagram once it closes.
 */
function MermaidAnswer({
  speed,
  text,
  mermaid,
  incomplete,
}: {
  speed: number;
  text?: string;
  mermaid: boolean;
  incomplete?: boolean;
}) {
  const stream = useStream({ format: 'text' });
  const { start } = stream;
  useEffect(() => {
    if (text === undefined) start(createMockStream({ answer: 'mermaid', tokensPerSecond: speed, format: 'text' }));
  }, [start, speed, text]);
  const streaming = text === undefined && (stream.status === 'connecting' || stream.status === 'streaming');
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }}>
      {text === undefined ? (
        <p style={{ fontSize: 12, opacity: 0.7 }} data-testid="status">
          {stream.status} · {stream.text.length} characters
        </p>
      ) : null}
      <Markdown streaming={streaming} incomplete={incomplete} cursor={streaming} mermaid={mermaid}>
        {text ?? stream.text}
      </Markdown>
    </div>
  );
}

const meta = {
  title: 'Markdown/Mermaid',
  component: MermaidAnswer,
  // Remount when a control changes, so the stream starts over with the new settings.
  render: (args) => <MermaidAnswer key={`${args.speed}-${args.mermaid}`} {...args} />,
  args: { speed: 60, mermaid: true },
  argTypes: {
    speed: { control: { type: 'range', min: 5, max: 1000, step: 5 } },
    mermaid: { control: 'boolean' },
    text: { control: false },
    incomplete: { control: false },
  },
} satisfies Meta<typeof MermaidAnswer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A flowchart and a sequence diagram stream as code, and each becomes a diagram once its fence closes. */
export const StreamingDiagrams: Story = {};

/** The same answer in the dark theme: diagrams are drawn with mermaid's dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** A diagram with a syntax error keeps its code, with a quiet note instead of an error picture. */
export const BrokenDiagram: Story = {
  args: {
    text: `This diagram has a mistake:\n\n${FENCE}mermaid\nflowchart TD\n  A[Start] --> B{Ready?\n  B -->> ((C\n${FENCE}\n\nThe text around it renders as usual.`,
  },
};

/** An answer stopped inside a diagram: the fence never closed, so its code stays. */
export const StoppedInsideDiagram: Story = {
  args: {
    incomplete: true,
    text: `Here is the flow:\n\n${FENCE}mermaid\nflowchart LR\n  Prompt --> Model\n  Model --> Bu`,
  },
};

/** With `mermaid={false}`, mermaid fences stay code blocks. */
export const DiagramsOff: Story = { args: { mermaid: false, speed: 400 } };
