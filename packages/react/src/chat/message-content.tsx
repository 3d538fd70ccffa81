/**
 * The content parts of a message: `<Chat.MessageContent>` renders a message's parts in the order
 * they arrived (text as Markdown for answers, reasoning, tool calls), then its files and sources.
 * `<Chat.Reasoning>`, `<Chat.ToolCall>`, `<Chat.Sources>` and `<Chat.Files>` render one kind each,
 * for layouts that place them apart. Links and images go through `<Markdown>`'s URL policy.
 */
import { growingTextOf } from '@rivulet/core';
import { type DetailsHTMLAttributes, Fragment, forwardRef, type HTMLAttributes } from 'react';
import { Markdown } from '../markdown/markdown';
import { isSafeImageUrl, isSafeLinkUrl } from '../markdown/url-policy';
import type { FilePart, MessagePart, ReasoningPart, SourcePart, ToolCallPart } from '../use-chat';
import { type ChatMarkdownProps, type ChatToolRenderer, useChatContext, useMessageContext } from './context';
import { classes } from './labels';

export interface ChatMessageContentProps extends HTMLAttributes<HTMLDivElement> {
  /** Tool renderers by tool name, over `<Chat.Root tools>`. */
  tools?: Record<string, ChatToolRenderer>;
  /** `<Markdown>` props for the text parts, over `<Chat.Root markdown>`. */
  markdown?: ChatMarkdownProps;
}

function isStreaming(status: string | undefined): boolean {
  return status === 'streaming' || status === 'connecting';
}

/** A message's parts in order, then its files and sources; nothing while the message is being edited. Ref: its `<div>`. */
export const ChatMessageContent = forwardRef<HTMLDivElement, ChatMessageContentProps>(function ChatMessageContent(
  { tools: ownTools, markdown: ownMarkdown, className, ...rest },
  ref,
) {
  const { chat, unstyled, math, tools: rootTools, markdown: rootMarkdown } = useChatContext('MessageContent');
  const { message, editing } = useMessageContext('MessageContent');
  const { role, status, parts } = message;
  const tools = ownTools ?? rootTools;
  const markdown = ownMarkdown ?? rootMarkdown;
  const streaming = status === 'streaming';
  const last = parts[parts.length - 1];
  const files = parts.filter((part): part is FilePart => part.type === 'file');
  const sources = parts.filter((part): part is SourcePart => part.type === 'source');

  function renderPart(part: MessagePart, index: number) {
    const isLastPart = part === last;
    if (part.type === 'text') {
      if (part.text === '') return null;
      if (role !== 'assistant') {
        return (
          <div key={index} className={classes(unstyled, 'rivulet-message__text')}>
            {part.text}
          </div>
        );
      }
      // Only a completed answer renders exactly as written; a stopped or failed one keeps its tail repaired.
      // A streamed part is read by what each update appended (its GrowingText), not whole again.
      return (
        <Markdown
          key={index}
          math={math}
          {...markdown}
          streaming={streaming && isLastPart}
          incomplete={isLastPart && status !== undefined && status !== 'done'}
          cursor={streaming && isLastPart}
        >
          {growingTextOf(part) ?? part.text}
        </Markdown>
      );
    }
    if (part.type === 'reasoning') {
      return <ChatReasoning key={index} part={part} streaming={isStreaming(status) && isLastPart} />;
    }
    if (part.type === 'tool-call') {
      const render = tools?.[part.toolName];
      if (render) return <Fragment key={part.toolCallId}>{render(part, { message, chat: chat.current })}</Fragment>;
      return <ChatToolCall key={part.toolCallId} part={part} />;
    }
    return null;
  }

  // While the message is being edited, `<Chat.EditForm>` shows in its place.
  if (editing) return null;
  return (
    <div
      ref={ref}
      className={classes(unstyled, 'rivulet-message__content', className)}
      data-state={status ?? 'done'}
      {...rest}
    >
      {parts.map(renderPart)}
      {files.length > 0 ? <ChatFiles parts={files} /> : null}
      {sources.length > 0 ? <ChatSources parts={sources} /> : null}
    </div>
  );
});

export interface ChatReasoningProps extends Omit<DetailsHTMLAttributes<HTMLDetailsElement>, 'part'> {
  part: ReasoningPart;
  /** The reasoning is still arriving (`data-state="streaming"`). */
  streaming?: boolean;
}

/** A collapsible reasoning section (`<details>`). */
export const ChatReasoning = forwardRef<HTMLDetailsElement, ChatReasoningProps>(function ChatReasoning(
  { part, streaming, className, ...rest },
  ref,
) {
  const { labels, unstyled } = useChatContext('Reasoning');
  return (
    <details
      ref={ref}
      className={classes(unstyled, 'rivulet-message__reasoning', className)}
      data-state={streaming ? 'streaming' : 'done'}
      {...rest}
    >
      <summary>{labels.reasoning}</summary>
      <div className={classes(unstyled, 'rivulet-message__reasoning-text')}>{part.text}</div>
    </details>
  );
});

export interface ChatToolCallProps extends Omit<HTMLAttributes<HTMLDivElement>, 'part'> {
  part: ToolCallPart;
}

function formatOutput(output: unknown): string {
  if (typeof output === 'string') return output;
  try {
    return JSON.stringify(output, null, 2) ?? String(output);
  } catch {
    return String(output);
  }
}

/** The default rendering of a tool call: its name and state, its input as it streams, then its output or error. */
export const ChatToolCall = forwardRef<HTMLDivElement, ChatToolCallProps>(function ChatToolCall(
  { part, className, ...rest },
  ref,
) {
  const { labels, unstyled } = useChatContext('ToolCall');
  return (
    <div
      ref={ref}
      className={classes(unstyled, 'rivulet-tool-call', className)}
      data-tool={part.toolName}
      data-state={part.state}
      {...rest}
    >
      <div className={classes(unstyled, 'rivulet-tool-call__name')}>
        {labels.toolCall} {part.toolName}
      </div>
      <div className={classes(unstyled, 'rivulet-tool-call__state')}>{labels.toolStates[part.state]}</div>
      <pre className={classes(unstyled, 'rivulet-tool-call__args')}>
        <code>{part.inputText}</code>
      </pre>
      {part.state === 'output-available' ? (
        <div className={classes(unstyled, 'rivulet-tool-call__output')}>
          <div>{labels.toolOutput}</div>
          <pre>
            <code>{formatOutput(part.output)}</code>
          </pre>
        </div>
      ) : null}
      {part.state === 'output-error' ? (
        <div className={classes(unstyled, 'rivulet-tool-call__error')}>
          {labels.errorPrefix} {part.errorText}
        </div>
      ) : null}
    </div>
  );
});

export interface ChatSourcesProps extends HTMLAttributes<HTMLElement> {
  /** The sources to list (default: the message's source parts). */
  parts?: SourcePart[];
}

/** The sources an answer cites, as a list of links (unsafe URLs are shown as text). */
export const ChatSources = forwardRef<HTMLElement, ChatSourcesProps>(function ChatSources(
  { parts, className, ...rest },
  ref,
) {
  const { labels, unstyled, markdown } = useChatContext('Sources');
  const message = useMessageContext('Sources').message;
  const sources = parts ?? message.parts.filter((part): part is SourcePart => part.type === 'source');
  if (sources.length === 0) return null;
  return (
    <nav ref={ref} className={classes(unstyled, 'rivulet-sources', className)} aria-label={labels.sources} {...rest}>
      <div className={classes(unstyled, 'rivulet-sources__title')}>{labels.sources}</div>
      <ol>
        {sources.map((source, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts only grow at the end, and a URL may be cited twice
          <li key={`${index}:${source.url}`}>
            {isSafeLinkUrl(source.url, markdown?.allowedLinkPrefixes) ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer">
                {source.title || source.url}
              </a>
            ) : (
              source.title || source.url
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
});

export interface ChatFilesProps extends HTMLAttributes<HTMLDivElement> {
  /** The files to show (default: the message's file parts). */
  parts?: FilePart[];
}

/** Attached images as previews, other files as links (or their names, when the URL is not a web one). */
export const ChatFiles = forwardRef<HTMLDivElement, ChatFilesProps>(function ChatFiles(
  { parts, className, ...rest },
  ref,
) {
  const { unstyled, markdown } = useChatContext('Files');
  const message = useMessageContext('Files').message;
  const files = parts ?? message.parts.filter((part): part is FilePart => part.type === 'file');
  if (files.length === 0) return null;
  return (
    <div ref={ref} className={classes(unstyled, 'rivulet-files', className)} {...rest}>
      {files.map((file, index) => {
        const name = file.filename ?? file.mediaType;
        const isImage = file.mediaType.startsWith('image/');
        const key = `${index}:${name}`;
        if (isImage && isPreviewableImage(file.url, markdown?.allowedImagePrefixes)) {
          return (
            <img
              key={key}
              className={classes(unstyled, 'rivulet-files__image')}
              src={file.url}
              alt={name}
              data-media-type={file.mediaType}
            />
          );
        }
        return (
          <span key={key} className={classes(unstyled, 'rivulet-files__file')} data-media-type={file.mediaType}>
            {isSafeLinkUrl(file.url, markdown?.allowedLinkPrefixes) ? (
              <a href={file.url} target="_blank" rel="noopener noreferrer">
                {name}
              </a>
            ) : (
              name
            )}
          </span>
        );
      })}
    </div>
  );
});

/** Web and relative URLs, the allowed prefixes, and raster images inline (`data:image/png;…`) or in memory (`blob:`). */
export function isPreviewableImage(url: string, allowedPrefixes?: readonly string[]): boolean {
  return (
    isSafeImageUrl(url, allowedPrefixes) || /^data:image\/(png|jpeg|gif|webp|avif);/i.test(url) || /^blob:/i.test(url)
  );
}
