/** Every string `<ChatWindow>` shows or announces, overridable through its `labels` prop. */
import type { StreamUsage, ToolCallPartState } from '@rivulet/core';

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
  /** Each tool-call state, as the default tool rendering shows it. */
  toolStates: Record<ToolCallPartState, string>;
  /** Heads a tool call's output. */
  toolOutput: string;
  /** Heading and accessible name of an answer's list of sources. */
  sources: string;
  /** Asks again for the last answer. */
  regenerate: string;
  /** Opens a user message for editing. */
  edit: string;
  /** Accessible name of the edit box. */
  editMessage: string;
  /** Sends the edited message. */
  save: string;
  cancel: string;
  /** Feedback buttons (toggles). */
  goodResponse: string;
  badResponse: string;
  /** Accessible name of the branch switcher. */
  branches: string;
  previousBranch: string;
  nextBranch: string;
  /** Position in the branch switcher, e.g. "1/2" (`index` counts from 1). */
  branch: (index: number, count: number) => string;
  /** The composer's attach button. */
  attach: string;
  /** Accessible name of the list of files attached in the composer. */
  attachments: string;
  /** Refused file: the message already holds `maxFiles` files. */
  tooManyFiles: (maxFiles: number) => string;
  /** Removes an attachment before sending (`name` is the file's). */
  removeAttachment: (name: string) => string;
  /** Refused file: larger than `maxFileSize` (bytes). */
  fileTooLarge: (name: string, maxFileSize: number) => string;
  /** Refused file: its type is not in `accept`. */
  fileNotAccepted: (name: string) => string;
  /** A file that could not be read or uploaded. */
  fileFailed: (name: string) => string;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
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
  toolStates: {
    'input-streaming': 'Preparing',
    'input-available': 'Running',
    'output-available': 'Done',
    'output-error': 'Failed',
  },
  toolOutput: 'Result',
  sources: 'Sources',
  regenerate: 'Regenerate',
  edit: 'Edit',
  editMessage: 'Edit message',
  save: 'Save and send',
  cancel: 'Cancel',
  goodResponse: 'Good response',
  badResponse: 'Bad response',
  branches: 'Versions',
  previousBranch: 'Previous version',
  nextBranch: 'Next version',
  branch: (index, count) => `${index}/${count}`,
  attach: 'Attach files',
  attachments: 'Attachments',
  tooManyFiles: (max) => `At most ${max} files can be attached to a message.`,
  removeAttachment: (name) => `Remove ${name}`,
  fileTooLarge: (name, max) => `${name} is too large (the limit is ${formatBytes(max)}).`,
  fileNotAccepted: (name) => `${name} is not a supported file type.`,
  fileFailed: (name) => `${name} could not be attached.`,
};

/** Class names, or nothing at all in unstyled mode. */
export function classes(unstyled: boolean | undefined, ...names: (string | false | undefined)[]): string | undefined {
  if (unstyled) return names.filter((n) => n && !n.startsWith('rivulet')).join(' ') || undefined;
  return names.filter(Boolean).join(' ') || undefined;
}
