/**
 * The `functionCall` parts of a Gemini stream, whole or streamed.
 *
 * A call usually arrives whole: `name` and `args` in one part, reported as one `tool-call` event.
 * Vertex AI with `streamFunctionCallArguments` streams it instead: a part with the `name` and
 * `willContinue: true` opens the call, parts with `partialArgs` (values by JSON path, strings in
 * pieces) fill it, and an empty `functionCall` (or a piece without `willContinue`) closes it. Such a
 * call is reported as it grows: its name at once, then its arguments as JSON text deltas that join
 * into the full arguments object (`{}` for a call without any). A call left open when another one
 * starts or the candidate finishes is closed then, so its arguments always parse.
 */

import { type JsonPathValue, JsonPathWriter, parseJsonPath } from './json-path-writer';
import { asRecord, asString, type Emit, isRecord } from './shared';

interface OpenCall {
  id: string;
  writer: JsonPathWriter;
}

export class GeminiFunctionCalls {
  /** Calls reported so far; numbers the ids of calls that carry none. */
  private count = 0;
  private open: OpenCall | undefined;

  /** Reports one `functionCall` part. */
  decode(call: Record<string, unknown>, emit: Emit): void {
    const name = asString(call.name);
    const partialArgs = Array.isArray(call.partialArgs) ? call.partialArgs : undefined;
    const continues = call.willContinue === true;
    let open = this.open;
    if (name !== undefined && name !== '') {
      this.finish(emit);
      const id = this.nextId(call);
      if (!continues && partialArgs === undefined) {
        emit({ type: 'tool-call', id, name, argsDelta: JSON.stringify(isRecord(call.args) ? call.args : {}) });
        return;
      }
      emit({ type: 'tool-call', id, name, argsDelta: '' });
      open = this.start(id);
    } else if (!open) {
      // With nothing open, an empty part closes nothing, a nameless whole call is still reported,
      // and pieces whose opening part never came are reported under a call of their own.
      if (partialArgs === undefined) {
        if (isRecord(call.args)) {
          emit({ type: 'tool-call', id: this.nextId(call), name: '', argsDelta: JSON.stringify(call.args) });
        }
        return;
      }
      const id = this.nextId(call);
      emit({ type: 'tool-call', id, name: '', argsDelta: '' });
      open = this.start(id);
    }
    let argsDelta = '';
    for (const item of partialArgs ?? []) {
      const arg = asRecord(item);
      const path = parseJsonPath(asString(arg?.jsonPath) ?? '');
      const value = arg ? partialArgValue(arg) : undefined;
      if (path && value !== undefined) argsDelta += open.writer.write(path, value, arg?.willContinue === true);
    }
    if (!continues) {
      argsDelta += open.writer.end();
      this.open = undefined;
    }
    if (argsDelta !== '') emit({ type: 'tool-call', id: open.id, argsDelta });
  }

  /** Closes the call still open, if any (another call starts, or the candidate finished). */
  finish(emit: Emit): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    emit({ type: 'tool-call', id: open.id, argsDelta: open.writer.end() });
  }

  private start(id: string): OpenCall {
    this.open = { id, writer: new JsonPathWriter() };
    return this.open;
  }

  private nextId(call: Record<string, unknown>): string {
    const id = asString(call.id) ?? `call_${this.count}`;
    this.count++;
    return id;
  }
}

/** The value a `PartialArg` carries, in its proto3 JSON form; undefined when it carries none. */
function partialArgValue(arg: Record<string, unknown>): JsonPathValue | undefined {
  if (typeof arg.stringValue === 'string') return arg.stringValue;
  if (typeof arg.numberValue === 'number' && Number.isFinite(arg.numberValue)) return arg.numberValue;
  if (typeof arg.boolValue === 'boolean') return arg.boolValue;
  if ('nullValue' in arg) return null;
  return undefined;
}
