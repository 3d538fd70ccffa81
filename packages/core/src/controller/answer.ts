/**
 * The answer of one run as received so far: its text (held once, in the pacer), reasoning, tool
 * calls, usage, finish reason, and the order they came in (`parts`). Events are applied in order
 * and only appended. A checkpoint marks what the server confirmed by an SSE id; after a drop,
 * `rollback` forgets what came after it, because the server sends it again when the stream resumes
 * after that id.
 */
import { createTextPacer, type TextPacer } from '../buffer/text-pacer';
import type { StreamEvent, StreamUsage } from '../stream/types';
import { AnswerParts, type PartsCheckpoint } from './answer-parts';
import { ToolCalls, type ToolCallsCheckpoint } from './tool-calls';

interface Checkpoint {
  textLength: number;
  reasoningLength: number;
  toolCalls: ToolCallsCheckpoint;
  parts: PartsCheckpoint;
  usage: StreamUsage | undefined;
  finishReason: string | undefined;
}

export class Answer {
  readonly text: TextPacer;
  reasoning = '';
  readonly toolCalls = new ToolCalls();
  readonly parts = new AnswerParts();
  usage: StreamUsage | undefined;
  finishReason: string | undefined;
  private saved: Checkpoint | undefined;

  constructor(smoothing: boolean | undefined) {
    this.text = createTextPacer({ smoothing });
  }

  apply(event: StreamEvent): void {
    switch (event.type) {
      case 'text': {
        if (event.delta === '') break;
        const start = this.text.length;
        this.text.push(event.delta);
        this.parts.text(start, this.text.length);
        break;
      }
      case 'reasoning': {
        if (event.delta === '') break;
        const start = this.reasoning.length;
        this.reasoning += event.delta;
        this.parts.reasoning(start, this.reasoning.length);
        break;
      }
      case 'tool-call':
        this.toolCalls.add(event.id, event.name, event.argsDelta);
        this.parts.toolCall(event.id);
        break;
      case 'source':
        this.parts.source(event.url, event.title, event.id);
        break;
      case 'file':
        this.parts.file(event.mediaType, event.url);
        break;
      case 'usage':
        this.usage = { ...this.usage, ...event.usage };
        break;
      case 'done':
        this.finishReason = event.finishReason;
        break;
    }
  }

  /** Everything received so far is confirmed (the server numbered it): a resume continues after it. */
  checkpoint(): void {
    this.saved = {
      textLength: this.text.length,
      reasoningLength: this.reasoning.length,
      toolCalls: this.toolCalls.checkpoint(),
      parts: this.parts.checkpoint(),
      usage: this.usage,
      finishReason: this.finishReason,
    };
  }

  /** Forgets what came after the last checkpoint; true when there was something to forget. */
  rollback(): boolean {
    const saved = this.saved;
    if (saved === undefined) return false;
    const hadMore =
      this.parts.checkpoint().count !== saved.parts.count ||
      this.text.length !== saved.textLength ||
      this.reasoning.length !== saved.reasoningLength ||
      this.usage !== saved.usage ||
      this.finishReason !== saved.finishReason;
    this.text.truncate(saved.textLength);
    this.reasoning = this.reasoning.slice(0, saved.reasoningLength);
    this.usage = saved.usage;
    this.finishReason = saved.finishReason;
    this.parts.rollback(saved.parts);
    return this.toolCalls.rollback(saved.toolCalls) || hadMore;
  }
}
