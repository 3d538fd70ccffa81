/**
 * Tool calls of one answer as they stream: argument text appended per fragment, parsed as far as it
 * goes (partial JSON) only when a snapshot asks, and the published view of a call reused until the
 * call changes, so an unchanged call keeps its identity from snapshot to snapshot.
 */
import { Allow, parse as parsePartialJson } from 'partial-json';
import type { ToolCallState } from './types';

interface LiveToolCall {
  id: string;
  name: string;
  argsText: string;
  /** The published view, reused while nothing changed. */
  view: ToolCallState | undefined;
}

/** Names and argument lengths: enough to go back to an earlier point of the same stream. */
export type ToolCallsCheckpoint = ReadonlyMap<string, { name: string; argsLength: number }>;

const noCalls: ToolCallsCheckpoint = new Map();

function parseArgs(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parsePartialJson(text, Allow.ALL);
  } catch {
    return undefined;
  }
}

export class ToolCalls {
  private readonly calls = new Map<string, LiveToolCall>();
  private published: ToolCallState[] = [];

  get size(): number {
    return this.calls.size;
  }

  /** Appends one fragment (a call is created by its first fragment). */
  add(id: string, name: string | undefined, argsDelta: string): void {
    let call = this.calls.get(id);
    if (call === undefined) {
      call = { id, name: '', argsText: '', view: undefined };
      this.calls.set(id, call);
    }
    if (name) call.name = name;
    call.argsText += argsDelta;
    call.view = undefined;
  }

  /** The calls in order of first appearance; the same array while none changed. */
  view(): ToolCallState[] {
    let changed = this.calls.size !== this.published.length;
    const next: ToolCallState[] = [];
    for (const call of this.calls.values()) {
      call.view ??= Object.freeze({
        id: call.id,
        name: call.name,
        argsText: call.argsText,
        args: parseArgs(call.argsText),
      });
      if (call.view !== this.published[next.length]) changed = true;
      next.push(call.view);
    }
    if (changed) this.published = Object.freeze(next) as ToolCallState[];
    return this.published;
  }

  checkpoint(): ToolCallsCheckpoint {
    if (this.calls.size === 0) return noCalls;
    const saved = new Map<string, { name: string; argsLength: number }>();
    for (const call of this.calls.values()) saved.set(call.id, { name: call.name, argsLength: call.argsText.length });
    return saved;
  }

  /** Back to `saved`: later calls removed, later argument text cut off. True when anything changed. */
  rollback(saved: ToolCallsCheckpoint): boolean {
    let changed = false;
    for (const call of [...this.calls.values()]) {
      const kept = saved.get(call.id);
      if (kept === undefined) {
        this.calls.delete(call.id);
        changed = true;
      } else if (kept.name !== call.name || kept.argsLength !== call.argsText.length) {
        call.name = kept.name;
        call.argsText = call.argsText.slice(0, kept.argsLength);
        call.view = undefined;
        changed = true;
      }
    }
    return changed;
  }
}
