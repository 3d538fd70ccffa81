/** Every string `<ChatWindow>` shows or announces, overridable through its `labels` prop. */
import type { StreamUsage } from '@rivulet/core';

export interface ChatWindowLabels {
  /** Composer placeholder. */
  placeholder: string;
  /** Accessible name of the composer. */
  composer: string;
  send: string;
  stop: string;
  retry: string;
  copy: string;
  /** Shown for a moment after a copy. */
  copied: string;
  /** Shown between sending and the first token. */
  thinking: string;
  /** Marks an answer the user stopped. */
  stopped: string;
  /** Shown, and announced once, while a dropped answer reconnects. */
  reconnecting: string;
  jumpToLatest: string;
  /** Precedes the error's message in the error row, e.g. "Error:". */
  errorPrefix: string;
  /** Summary of the collapsible reasoning section. */
  reasoning: string;
  /** Precedes a tool call's name. */
  toolCall: string;
  /** Accessible name of the message log. */
  log: string;
  user: string;
  assistant: string;
  system: string;
  /** Text of the usage line (`showUsage`). */
  usage: (usage: StreamUsage) => string;
}

export const defaultLabels: ChatWindowLabels = {
  placeholder: 'Send a message…',
  composer: 'Message',
  send: 'Send',
  stop: 'Stop generating',
  retry: 'Retry',
  copy: 'Copy',
  copied: 'Copied',
  thinking: 'Thinking…',
  stopped: 'Stopped',
  reconnecting: 'Connection lost. Reconnecting…',
  jumpToLatest: 'Jump to latest',
  errorPrefix: 'Error:',
  reasoning: 'Reasoning',
  toolCall: 'Tool call:',
  log: 'Conversation',
  user: 'You',
  assistant: 'Assistant',
  system: 'System',
  usage: ({ inputTokens, outputTokens, totalTokens }) => {
    const parts: string[] = [];
    if (inputTokens !== undefined) parts.push(`${inputTokens} tokens in`);
    if (outputTokens !== undefined) parts.push(`${outputTokens} out`);
    if (parts.length === 0 && totalTokens !== undefined) parts.push(`${totalTokens} tokens`);
    return parts.join(' · ');
  },
};

/** Class names, or nothing at all in unstyled mode. */
export function classes(unstyled: boolean | undefined, ...names: (string | false | undefined)[]): string | undefined {
  if (unstyled) return names.filter((n) => n && !n.startsWith('rivulet')).join(' ') || undefined;
  return names.filter(Boolean).join(' ') || undefined;
}
