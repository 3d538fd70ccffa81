import '@rivulet/react/math.css';
import { Markdown, useStream } from '@rivulet/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect } from 'react';
import { createMockStream, type MockOptions } from '../mock/src/index.js';

/** Code fence marker, kept out of the template literals. */
const FENCE = '```';

/**
 * Streams the canned `math` answer (inline and display formulas, `\(…\)` and `\[…\]`, prices) into
 * `<Markdown>`, or the `source` given, or renders a fixed `text` when one is given. A formula still
 * being written keeps its last good drawing (or its source, dimmed); a raw `$$` or a KaTeX error
 * never shows.
 */
function MathAnswer({
  speed,
  text,
  source,
  math,
  incomplete,
}: {
  speed: number;
  text?: string;
  /** A text to stream instead of the canned answer. */
  source?: string;
  math: boolean;
  incomplete?: boolean;
}) {
  const stream = useStream({ format: 'text' });
  const { start } = stream;
  useEffect(() => {
    if (text !== undefined) return;
    const answer: MockOptions['answer'] =
      source === undefined ? 'math' : { id: 'story', title: 'Story', parts: [{ type: 'text', text: source }] };
    start(createMockStream({ answer, tokensPerSecond: speed, format: 'text' }));
  }, [start, speed, text, source]);
  const streaming = text === undefined && (stream.status === 'connecting' || stream.status === 'streaming');
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }}>
      {text === undefined ? (
        <p style={{ fontSize: 12, opacity: 0.7 }} data-testid="status">
          {stream.status} · {stream.text.length} characters
        </p>
      ) : null}
      <Markdown streaming={streaming} incomplete={incomplete} cursor={streaming} math={math}>
        {text ?? stream.text}
      </Markdown>
    </div>
  );
}

const meta = {
  title: 'Markdown/Math',
  component: MathAnswer,
  // Remount when a control changes, so the stream starts over with the new settings.
  render: (args) => <MathAnswer key={`${args.speed}-${args.math}`} {...args} />,
  args: { speed: 40, math: true },
  argTypes: {
    speed: { control: { type: 'range', min: 5, max: 1000, step: 5 } },
    math: { control: 'boolean' },
    text: { control: false },
    source: { control: false },
    incomplete: { control: false },
  },
} satisfies Meta<typeof MathAnswer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Inline and display math stream in; each formula is drawn as soon as it parses. */
export const StreamingMath: Story = {};

/** The same answer in the dark theme. */
export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** The delimiters models write: `\(…\)` inline, `\[…\]` on their own lines or alone in a line (display). */
export const BracketDelimiters: Story = {
  args: {
    text: String.raw`Inline \(E = mc^2\) and \( \alpha + \beta \), then a display block:

\[
\nabla \cdot \mathbf{E} = \frac{\rho}{\varepsilon_0}
\]

and one written on a single line: \[ \oint_C \mathbf{B} \cdot d\mathbf{l} = \mu_0 I \]

\[ \sum_{n=1}^{\infty} \frac{1}{n^2} = \frac{\pi^2}{6} \]

In code they stay as written: ${'`'}\(x\)${'`'} and ${'`'}$y$${'`'}.`,
  },
};

/** Prices stay text, next to real math in the same sentences. */
export const Currency: Story = {
  args: {
    text: `The basic plan costs $5 and the pro plan $10 a month ($99.50 a year, or US$8 per seat).

| Plan | Price | Seats |
| --- | --- | --- |
| Basic | $5 | 1 |
| Team | $1,000 | $x$ per seat, with $x \\le 50$ |

It costs $5, and $x^2$ is math; $5-$10 is a range.`,
  },
};

/** Display math as GitHub writes it: a fenced block whose language is `math`, drawn like a `$$` block. */
export const MathFence: Story = {
  args: {
    text: String.raw`Maxwell's equations, in a fenced block whose language is math:

${FENCE}math
\begin{aligned}
\nabla \cdot \mathbf{E} &= \frac{\rho}{\varepsilon_0} \\
\nabla \cdot \mathbf{B} &= 0
\end{aligned}
${FENCE}

Tildes work too, inside a list item:

- The Basel problem:

  ~~~math
  \sum_{n=1}^{\infty} \frac{1}{n^2} = \frac{\pi^2}{6}
  ~~~

A fence in another language stays code:

${FENCE}latex
\int_0^1 x^2\,dx
${FENCE}`,
  },
};

/**
 * A fenced `math` block streaming in: while its fence is open it follows the rules of an open `$$` block
 * (drawn as soon as it parses, its last good drawing meanwhile), never a code block or KaTeX's error.
 */
export const StreamingMathFence: Story = {
  args: {
    speed: 20,
    source: String.raw`The Gaussian integral:

${FENCE}math
\int_{-\infty}^{\infty} e^{-x^2}\,dx = \sqrt{\pi}
${FENCE}

and a matrix:

${FENCE}math
A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}, \quad \det A = -2
${FENCE}
`,
  },
};

/** An answer stopped inside an open fenced `math` block: drawn, never a code block or a raw fence. */
export const StoppedInsideMathFence: Story = {
  args: {
    incomplete: true,
    text: String.raw`The solution is

${FENCE}math
x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a} + \int_0^1`,
  },
};

/** An answer stopped inside an open `$$` block: repaired and drawn, never a raw `$$` or an error. */
export const StoppedInsideDisplayMath: Story = {
  args: {
    incomplete: true,
    text: String.raw`The solution is

$$
x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a} + \int_0^1`,
  },
};

/** Math off (\`math={false}\`): dollars and backslashes show as written. */
export const MathOff: Story = {
  args: {
    math: false,
    text: String.raw`With math off, $x^2$ and \(y\) stay text, and so does:

$$
z = 1
$$`,
  },
};
