/**
 * Turns options into a plan: the response status, headers and a list of timed writes. Planning
 * is pure and deterministic (seeded), so tests check timing and faults without waiting, and the
 * browser stream and the Node handler play the same plan.
 */
import { answerAfterClientTool, answers, findAnswer, generateAnswer, type MockAnswer } from './answers/index.js';
import { createEncoder, type MockDelta } from './encoders/index.js';
import { truncateLastEvent } from './encoders/types.js';
import { createEventNumbering, cutInsideCharacter, parseEventId } from './event-ids.js';
import { type MockOptions, resolveScenario } from './options.js';
import { createRandom, randomInt } from './random.js';
import { tokenize } from './tokenize.js';

/**
 * A chat message as `{ messages }` request bodies carry it: Rivulet sends `content` (and `parts`
 * with tool calls and files), the AI SDK's UI messages only `parts`. Files are accepted and ignored.
 */
export interface MockMessage {
  role: string;
  content?: string;
  parts?: unknown[];
}

/** The text of a message: its `content`, else its text parts joined (never throws on odd input). */
export function messageText(message: MockMessage | null | undefined): string {
  if (typeof message?.content === 'string') return message.content;
  if (!Array.isArray(message?.parts)) return '';
  return message.parts
    .map((part) => {
      const { type, text } = (part ?? {}) as { type?: unknown; text?: unknown };
      return type === 'text' && typeof text === 'string' ? text : '';
    })
    .join('');
}

/** One write: wait `delayMs` after the previous step, then send `chunk`. */
export type MockStep =
  | { kind: 'write'; delayMs: number; chunk: string }
  /** Send the start of an event, cut part way (inside a multi-byte character): raw bytes. */
  | { kind: 'cut'; delayMs: number; bytes: Uint8Array }
  /** Go silent and keep the connection open until the client leaves. */
  | { kind: 'stall'; delayMs: number }
  /** Cut the connection without a terminal event. */
  | { kind: 'drop'; delayMs: number };

export interface MockPlan {
  status: number;
  headers: Record<string, string>;
  /** The whole body of an HTTP error response (empty for streams). */
  body: string;
  steps: MockStep[];
  /**
   * How the stream ends, for stats and assertions. `'invalid-json'`: a malformed event went out
   * and the stream then ran to its terminal event.
   */
  outcome: 'complete' | 'error' | 'invalid-json' | 'drop' | 'stall' | 'http-error';
  answer: MockAnswer;
  /** The deltas in order, before encoding. */
  deltas: MockDelta[];
}

const KEYWORDS: [RegExp, string][] = [
  [/\blong (numbered )?list\b/i, 'long-list'],
  [/\blong table\b/i, 'long-table'],
  [/\blong (block ?)?quote\b/i, 'long-quote'],
  [/\b(long code|whole file|full file)\b/i, 'long-code'],
  [/\b(outline|long item|long bullet)\b/i, 'long-item'],
  [/\btables?\b/i, 'tables'],
  [/\b(diagram|mermaid|flowchart)\b/i, 'mermaid'],
  [/\b(math|formulas?|equations?|latex|katex)\b/i, 'math'],
  [/\b(code|function|snippet|rust|python)\b/i, 'code'],
  [/\b(long|guide|everything)\b/i, 'long'],
  [/\b(think|reason|weekdays?)\b/i, 'reasoning'],
  [/\b(time|clock)\b/i, 'client-tool'],
  [/\b(weather|tool)\b/i, 'tool'],
  [/\b(tricky|partial)\b/i, 'tricky'],
  [/\b(short|quick|brief)\b/i, 'short'],
];

/**
 * Picks a canned answer from the words of the last user message (the demo's "ask for a table");
 * after a result of the client tool, the answer that uses it.
 */
export function pickAnswer(messages: readonly MockMessage[]): MockAnswer {
  const afterTool = answerAfterClientTool(messages);
  if (afterTool) return afterTool;
  const last = messageText([...messages].reverse().find((message) => message?.role === 'user'));
  for (const [pattern, id] of KEYWORDS) if (pattern.test(last)) return findAnswer(id)!;
  return answers[0]!;
}

/**
 * The deltas of an answer, tool-call arguments included, cut into 1-6 character pieces (text parts
 * that bring their own `deltas` stream in those).
 */
export function answerDeltas(answer: MockAnswer, seed = 1): MockDelta[] {
  return answer.parts.flatMap((part, index): MockDelta[] => {
    const partSeed = seed * 31 + index;
    if (part.type === 'tool-call') {
      return tokenize(JSON.stringify(part.args), partSeed).map((argsDelta) => ({
        type: 'tool-call',
        id: part.id,
        name: part.name,
        argsDelta,
      }));
    }
    const pieces = part.type === 'text' && part.deltas ? part.deltas : tokenize(part.text, partSeed);
    return pieces.map((delta) => ({ type: part.type, delta }));
  });
}

/** Where a request continues an answer it already received part of. */
export interface MockResume {
  /** The client's `Last-Event-ID` (header, or `lastEventId` in the JSON body). */
  lastEventId?: string | null;
}

const estimateTokens = (messages: readonly MockMessage[]) =>
  Math.max(1, Math.ceil(messages.reduce((sum, message) => sum + messageText(message).length, 0) / 4));

/**
 * Builds the plan for one response. SSE formats number their events (unless `eventIds` is false);
 * with `resume.lastEventId` the response replays the same answer after that event, at once, and
 * the token counts of the faults (`dropAfter`, `errorAfter`, …) count from where it starts.
 */
export function planMock(
  input: MockOptions = {},
  messages: readonly MockMessage[] = [],
  resume: MockResume = {},
): MockPlan {
  const options = resolveScenario(input);
  const seed = options.seed ?? 1;
  const answer =
    typeof options.answer === 'object'
      ? options.answer
      : ((options.answer
          ? (findAnswer(options.answer) ?? generateAnswer(options.answer, options.answerSize))
          : undefined) ?? pickAnswer(messages));
  const deltas = answerDeltas(answer, seed);
  const encoder = createEncoder(options.format ?? 'openai', {
    model: options.model ?? 'rivulet-mock-1',
    seed,
    usage: { inputTokens: estimateTokens(messages), outputTokens: deltas.length },
  });
  const base = { answer, deltas, headers: { 'Content-Type': encoder.contentType, ...encoder.headers } };

  if (options.status !== undefined && (options.status < 200 || options.status > 299)) {
    const message =
      options.errorMessage ?? (options.status === 429 ? 'Rate limit reached, retry in 20s' : 'The mock server failed');
    return {
      ...base,
      status: options.status,
      headers: { 'Content-Type': 'application/json', ...(options.status === 429 ? { 'Retry-After': '20' } : {}) },
      body: encoder.httpErrorBody(options.status, message),
      steps: [],
      outcome: 'http-error',
    };
  }

  const random = createRandom(seed ^ 0x9e3779b9);
  const rate = options.tokensPerSecond ?? 60;
  const interval = rate > 0 ? 1000 / rate : 0;
  const jitter = Math.min(Math.max(options.jitter ?? 0.3, 0), 1);
  const burst = Math.max(1, Math.floor(options.burst ?? 1));
  const nextGroupSize = () => (burst > 1 ? randomInt(random, Math.ceil(burst / 2), burst) : 1);

  const steps: MockStep[] = [];
  const isSse = encoder.contentType.startsWith('text/event-stream');
  const events = createEventNumbering(isSse && options.eventIds !== false, parseEventId(resume.lastEventId));
  let outcome: MockPlan['outcome'] = 'complete';
  let pending = events.take(encoder.open()).text;
  let delay = 0;
  let inGroup = 0;
  let groupSize = nextGroupSize();
  const flush = () => {
    if (pending !== '' || delay > 0) steps.push({ kind: 'write', delayMs: Math.round(delay), chunk: pending });
    pending = '';
    delay = 0;
    inGroup = 0;
  };
  const end = (last: MockStep[], ending: MockPlan['outcome']): MockPlan => ({
    ...base,
    status: 200,
    body: '',
    steps: [...steps, ...last],
    outcome: ending,
  });
  flush();
  delay = options.thinkingMs ?? 0;

  // `index` counts the tokens this response sends; those a resumed client already has are skipped.
  let index = -1;
  for (const delta of deltas) {
    const { text, skipped } = events.take(encoder.delta(delta));
    if (skipped && text === '') continue;
    index += 1;
    if (index === options.errorAfter) {
      flush();
      if (!encoder.canSignalError) return end([drop(interval)], 'drop');
      pending = events.take(encoder.error(options.errorMessage ?? 'Overloaded: the mock model failed mid-answer')).text;
      flush();
      return end([], 'error');
    }
    if (index === options.dropAfter) {
      flush();
      if (!options.dropMidEvent) return end([drop(interval)], 'drop');
      // The next event starts to arrive and the connection dies inside it.
      return end([{ kind: 'cut', delayMs: Math.round(interval), bytes: cutInsideCharacter(text) }, drop(0)], 'drop');
    }
    if (index === options.stallAfter) {
      flush();
      if (!options.stallMs) return end([stall()], 'stall');
      delay += options.stallMs;
    }
    if (index === options.invalidJsonAfter && encoder.malformed) {
      // The bad event takes the token's place and starts a write; the stream carries on after it.
      flush();
      pending = truncateLastEvent(text);
      outcome = 'invalid-json';
    } else {
      pending += text;
    }
    delay += interval * (1 + jitter * (random() * 2 - 1));
    inGroup += 1;
    if (inGroup >= groupSize) {
      flush();
      groupSize = nextGroupSize();
    }
  }
  pending += events.take(encoder.finish()).text;
  flush();
  return end([], outcome);
}

/**
 * The connection dies when the next token was due, and never sooner than 100 ms after the last
 * write: a browser may discard bytes still in its pipe when the error lands at the same moment,
 * and those bytes would never have been "received" by the page.
 */
const drop = (interval: number): MockStep => ({ kind: 'drop', delayMs: Math.max(100, Math.round(interval)) });
const stall = (): MockStep => ({ kind: 'stall', delayMs: 0 });
