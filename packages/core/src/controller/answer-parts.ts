/**
 * The order of an answer's content: a list of segments, one per run of text or reasoning, tool
 * call, source or file, in the order the stream sent them, so text, a tool call and more text show
 * as they arrived. Segments point into the answer's text and reasoning (held once, elsewhere) and
 * its tool calls; `view` turns them into message parts. A source cited inside a run of text (as
 * Anthropic's citations arrive) does not cut the run: the text goes on in the same part and the
 * source follows it.
 *
 * Invariants: a part that did not change keeps its object, and the array is the same while no part
 * changed; text not yet shown (paced) is not in a part, and nothing that arrived after it shows
 * before it. Checkpoint and rollback follow the answer's (after a drop, the server sends again
 * what came after the last SSE id).
 *
 * A text part's text is also kept as a `GrowingText` (`growingTextOf`), grown by what each update
 * showed, so neither this view nor a renderer reads the answer's whole text on an update.
 */
import { GrowingText } from '../buffer/growing-text';
import { setGrowingText } from '../message/growing-parts';
import type { FilePart, MessagePart, ReasoningPart, SourcePart, TextPart, ToolCallPart } from '../message/parts';
import type { ToolCallState } from './types';

type Segment =
  | { kind: 'text'; start: number; end: number; part?: TextPart; growing?: GrowingText }
  | { kind: 'reasoning'; start: number; end: number; part?: ReasoningPart }
  | { kind: 'tool'; id: string; part?: ToolCallPart; from?: ToolCallState }
  | { kind: 'source'; part: SourcePart }
  | { kind: 'file'; part: FilePart };

export interface PartsCheckpoint {
  count: number;
  /** End of each text or reasoning segment (-1 for the others): a run may grow after the checkpoint. */
  ends: number[];
}

/** What the shown text gained since the last view: `text`, from offset `from`. */
interface Added {
  from: number;
  text: string;
}

const noParts = Object.freeze([]) as unknown as MessagePart[];

export class AnswerParts {
  private segments: Segment[] = [];
  private readonly toolIds = new Set<string>();
  private readonly sourceUrls = new Set<string>();
  private published: MessagePart[] = noParts;
  /** The shown text at the last view. */
  private shown: GrowingText | undefined;

  /** Text was appended; `length` is the answer text's length after it. */
  text(start: number, length: number): void {
    let index = this.segments.length - 1;
    while (this.segments[index]?.kind === 'source') index -= 1;
    const open = this.segments[index];
    if (open?.kind === 'text' && open.end === start) open.end = length;
    else this.segments.push({ kind: 'text', start, end: length });
  }

  reasoning(start: number, length: number): void {
    const last = this.segments.at(-1);
    if (last?.kind === 'reasoning') last.end = length;
    else this.segments.push({ kind: 'reasoning', start, end: length });
  }

  /** A tool call's fragment: its first one places the call. */
  toolCall(id: string): void {
    if (this.toolIds.has(id)) return;
    this.toolIds.add(id);
    this.segments.push({ kind: 'tool', id });
  }

  /** A source; the same URL twice in one answer is one source. */
  source(url: string, title: string | undefined, sourceId: string | undefined): void {
    if (this.sourceUrls.has(url)) return;
    this.sourceUrls.add(url);
    const part: SourcePart = { type: 'source', url };
    if (title !== undefined) part.title = title;
    if (sourceId !== undefined) part.sourceId = sourceId;
    this.segments.push({ kind: 'source', part: Object.freeze(part) });
  }

  file(mediaType: string, url: string): void {
    this.segments.push({ kind: 'file', part: Object.freeze({ type: 'file', mediaType, url }) });
  }

  checkpoint(): PartsCheckpoint {
    const ends = this.segments.map((s) => (s.kind === 'text' || s.kind === 'reasoning' ? s.end : -1));
    return { count: this.segments.length, ends };
  }

  /** Back to `saved`: later segments removed, runs of text or reasoning cut back. */
  rollback(saved: PartsCheckpoint): void {
    this.segments.length = Math.min(this.segments.length, saved.count);
    this.segments.forEach((segment, index) => {
      const end = saved.ends[index] ?? -1;
      if ((segment.kind === 'text' || segment.kind === 'reasoning') && end >= 0 && segment.end !== end) {
        segment.end = end;
        segment.part = undefined;
        if (segment.kind === 'text') segment.growing = undefined;
      }
    });
    this.toolIds.clear();
    this.sourceUrls.clear();
    for (const segment of this.segments) {
      if (segment.kind === 'tool') this.toolIds.add(segment.id);
      if (segment.kind === 'source') this.sourceUrls.add(segment.part.url);
    }
  }

  /**
   * The parts as shown: `shownText` is the answer text shown so far (paced), `shownGrowing` the same
   * text as a `GrowingText`, `toolCalls` the calls' current views; `isComplete` when the stream ended
   * normally (every call's input is then complete).
   */
  view(
    shownText: string,
    shownGrowing: GrowingText,
    reasoning: string,
    toolCalls: readonly ToolCallState[],
    isComplete: boolean,
  ): MessagePart[] {
    // What the shown text gained since the last view, when it only grew.
    const before = this.shown;
    const appended = before && shownGrowing.after(before);
    const added = before && appended !== undefined ? { from: before.length, text: appended } : undefined;
    this.shown = shownGrowing;
    const next: MessagePart[] = [];
    let changed = false;
    const calls = new Map(toolCalls.map((call) => [call.id, call]));
    for (let index = 0; index < this.segments.length; index++) {
      const segment = this.segments[index] as Segment;
      const isInputComplete = isComplete || index < this.segments.length - 1;
      const part = this.partOf(segment, shownText, added, reasoning, calls, isInputComplete);
      if (part === undefined) break;
      if (part !== this.published[next.length]) changed = true;
      next.push(part);
      // Text still being paced out: what came after it waits for it.
      if (segment.kind === 'text' && shownText.length < segment.end) break;
    }
    if (changed || next.length !== this.published.length) this.published = Object.freeze(next) as MessagePart[];
    return this.published;
  }

  /**
   * A new part for a text segment that now ends at `end`: grown by the new characters when they all
   * arrived since the last view, else cut from `shownText` (a first view, or text taken back).
   */
  private growText(
    segment: Segment & { kind: 'text' },
    shownText: string,
    added: Added | undefined,
    end: number,
  ): void {
    const known = segment.start + (segment.growing?.length ?? 0);
    let text: string;
    if (added !== undefined && known >= added.from) {
      const piece = added.text.slice(known - added.from, end - added.from);
      text = (segment.part?.text ?? '') + piece;
      segment.growing = (segment.growing ?? GrowingText.from('')).append(piece);
    } else {
      text = shownText.slice(segment.start, end);
      segment.growing = GrowingText.from(text);
    }
    const part: TextPart = Object.freeze({ type: 'text', text });
    setGrowingText(part, segment.growing);
    segment.part = part;
  }

  private partOf(
    segment: Segment,
    shownText: string,
    added: Added | undefined,
    reasoning: string,
    calls: Map<string, ToolCallState>,
    isInputComplete: boolean,
  ): MessagePart | undefined {
    switch (segment.kind) {
      case 'text': {
        const end = Math.min(segment.end, shownText.length);
        if (end <= segment.start) return undefined;
        if (segment.part?.text.length !== end - segment.start) this.growText(segment, shownText, added, end);
        return segment.part;
      }
      case 'reasoning': {
        if (segment.part?.text.length !== segment.end - segment.start) {
          segment.part = Object.freeze({ type: 'reasoning', text: reasoning.slice(segment.start, segment.end) });
        }
        return segment.part;
      }
      case 'tool': {
        const call = calls.get(segment.id);
        if (call === undefined) return undefined;
        const state = isInputComplete ? 'input-available' : 'input-streaming';
        if (segment.from !== call || segment.part?.state !== state) {
          segment.from = call;
          segment.part = Object.freeze({
            type: 'tool-call',
            toolCallId: call.id,
            toolName: call.name,
            inputText: call.argsText,
            input: call.args,
            state,
          });
        }
        return segment.part;
      }
      default:
        return segment.part;
    }
  }
}
