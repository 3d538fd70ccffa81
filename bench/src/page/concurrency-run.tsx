/**
 * Many chats at once: one `<ChatWindow>` per answer on one page, all asked at the same moment, each
 * answered by the in-page mock LLM (OpenAI wire format, a natural token rate with jitter, no
 * network). Measured from the first send until every answer finished: gaps between animation
 * frames, long tasks, and per window the longest React render (`<Profiler>`, so this runs on the
 * profiling page). A window of its own streams a warm-up answer first, unmeasured, so grammar
 * loading and JIT are not counted.
 */
import { type ChatMessage, ChatWindow, useChat } from '@rivulet/react';
import '@rivulet/react/styles.css';
import { Profiler, useLayoutEffect, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { mockSend } from '../../../mock/src/index.js';
import type { ConcurrencyRunOptions, ConcurrencyRunResult } from '../shared/types';
import { monitorFrames } from './frame-monitor';
import { settle, waitFor } from './instrument';

interface BenchChatProps {
  answer: string;
  tokensPerSecond: number;
  seed: number;
  /** Receives the window's `send`, so the run can ask every window at once. */
  register: (send: (text: string) => void) => void;
  onFinish: (message: ChatMessage) => void;
}

/** A chat window answered by the mock, as an app would wire `useChat` to `<ChatWindow>`. */
function BenchChat({ answer, tokensPerSecond, seed, register, onFinish }: BenchChatProps) {
  const send = useMemo(
    () =>
      mockSend({
        answer: { id: 'bench', title: 'bench', parts: [{ type: 'text', text: answer }] },
        tokensPerSecond,
        seed,
      }),
    [answer, tokensPerSecond, seed],
  );
  const chat = useChat({ send, format: 'openai', onFinish, onError: (_error, message) => onFinish(message) });
  useLayoutEffect(() => register(chat.send), [register, chat.send]);
  return <ChatWindow chat={chat} className="bench-chat" theme="light" />;
}

/** Mounts the windows in a grid; resolves once every window's answer has finished (or failed). */
function mountWindows(
  answers: readonly string[],
  tokensPerSecond: number,
  onRender?: (window: number, actualDuration: number, commitTime: number) => void,
) {
  const container = document.createElement('div');
  container.className = 'bench-chat-grid';
  document.body.append(container);
  const sends: ((text: string) => void)[] = [];
  const finished: (ChatMessage | undefined)[] = answers.map(() => undefined);
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      answers.map((answer, index) => (
        <Profiler
          // biome-ignore lint/suspicious/noArrayIndexKey: the windows never reorder
          key={index}
          id={String(index)}
          onRender={(_id, _phase, actualDuration, _base, _start, commitTime) =>
            onRender?.(index, actualDuration, commitTime)
          }
        >
          <BenchChat
            answer={answer}
            tokensPerSecond={tokensPerSecond}
            seed={index + 1}
            register={(send) => {
              sends[index] = send;
            }}
            onFinish={(message) => {
              finished[index] = message;
            }}
          />
        </Profiler>
      )),
    ),
  );
  return {
    container,
    sendAll: () => {
      for (const [index, send] of sends.entries()) send(`Question ${index + 1}`);
    },
    allFinished: () => finished.every((message) => message !== undefined),
    completed: () =>
      finished.filter((message, index) => message?.status === 'done' && message.content === answers[index]).length,
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
}

/** Streams the warm-up answer in one window, all at once, and waits for its code to be highlighted. */
async function warmUp(text: string, timeoutMs: number): Promise<void> {
  const windows = mountWindows([text], 0);
  await settle();
  windows.sendAll();
  await waitFor(windows.allFinished, timeoutMs);
  const blocks = () => [...windows.container.querySelectorAll('.rivulet-code-block[data-language]')];
  await waitFor(() => blocks().every((block) => block.getAttribute('data-highlighted') === 'true'), 5000);
  windows.unmount();
  await settle();
}

export async function runConcurrency(options: ConcurrencyRunOptions): Promise<ConcurrencyRunResult> {
  await warmUp(options.warmup, options.timeoutMs);

  let measuring = false;
  const windowMaxRender = options.answers.map(() => 0);
  const commitRender = new Map<number, number>();
  const windows = mountWindows(options.answers, options.tokensPerSecond, (window, actualDuration, commitTime) => {
    if (!measuring) return;
    windowMaxRender[window] = Math.max(windowMaxRender[window] ?? 0, actualDuration);
    commitRender.set(commitTime, (commitRender.get(commitTime) ?? 0) + actualDuration);
  });
  await settle();

  const monitor = monitorFrames();
  measuring = true;
  const start = performance.now();
  windows.sendAll();
  await waitFor(windows.allFinished, options.timeoutMs);
  const duration = performance.now() - start;
  measuring = false;
  const { frameIntervals, longTasks } = monitor.stop();
  const completed = windows.completed();
  windows.unmount();
  return {
    windows: options.answers.length,
    frameIntervals,
    longTasks,
    windowMaxRender,
    maxCommitRender: Math.max(0, ...commitRender.values()),
    duration,
    completed,
  };
}
