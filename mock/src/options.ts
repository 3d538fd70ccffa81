/**
 * The mock's controls, the named scenarios that preset them, and parsing them from a query
 * string or `x-mock-*` headers. Explicit controls always override a scenario's presets.
 */
import type { MockAnswer } from './answers/index.js';
import { MOCK_FORMATS, type MockFormat } from './encoders/index.js';

/** Controls of one mock response. Every field is optional; defaults give a natural 60 tokens/s answer. */
export interface MockOptions {
  /** A named preset (see `MOCK_SCENARIOS`); explicit fields override it. */
  scenario?: string;
  /**
   * Answer id (see `answers`), a generated size-fault answer (`'huge'`: about 5 MB of paragraphs;
   * `'long-line'`: one line of about 1 MB) or a custom answer. Default: picked from the last user message.
   */
  answer?: string | MockAnswer;
  /** Characters of a generated answer (`huge`, `long-line`). Default 5 MiB and 1 MiB. */
  answerSize?: number;
  /** Wire format. Default `'openai'`. */
  format?: MockFormat;
  /** Average delivery rate. 0 sends everything at once. Default 60. */
  tokensPerSecond?: number;
  /** Random spread of each gap between tokens, 0-1 (0.3 = ±30%). Default 0.3. */
  jitter?: number;
  /** Network batching: deliver tokens in groups of up to this many, with the gaps between groups. Default 1. */
  burst?: number;
  /** Delay between the response headers and the first token. Default 0. */
  thinkingMs?: number;
  /** Stall after this many tokens. */
  stallAfter?: number;
  /** How long the stall lasts; 0 or absent means forever (the connection stays open, silent). */
  stallMs?: number;
  /** Send the provider's in-band error event after this many tokens (formats without one drop the connection). */
  errorAfter?: number;
  /** The in-band error's message. */
  errorMessage?: string;
  /**
   * Send one malformed event in place of token N (0-based): the token's event with its JSON cut off
   * halfway (`data: {"type":"text-delta","id"` in the AI SDK format), as a proxy or a crashing
   * serializer leaves it.
   * The connection then carries on as if nothing happened: the rest of the answer and the terminal
   * event follow, because a broken server does not know it broke the event. A client must stop at
   * the bad event on its own (and cancel the body). The plain text format has no JSON and ignores it.
   */
  invalidJsonAfter?: number;
  /**
   * Drop the connection after this many tokens, without a terminal event. A resumed request
   * (`Last-Event-ID`) counts its tokens from where it starts: it drops again that many tokens
   * later, unless `faultLimit` is reached.
   */
  dropAfter?: number;
  /** With `dropAfter`: the next event starts to arrive and the connection dies inside it (in a multi-byte character when it has one). */
  dropMidEvent?: boolean;
  /**
   * Number the SSE events (`id: 1`, `id: 2`, …) and honour `Last-Event-ID` by replaying after it.
   * Default true; false plays a server that cannot resume.
   */
  eventIds?: boolean;
  /** Answer with this HTTP status and the provider's JSON error body instead of a stream. */
  status?: number;
  /**
   * Server only: apply the faults (stall, error, invalid JSON, drop, status) to the first N requests of a
   * `?run=` id and answer later ones normally, e.g. so a Retry succeeds.
   */
  faultLimit?: number;
  /** Seeds token boundaries, jitter and ids. Default 1. */
  seed?: number;
  /** Model name reported in the events. */
  model?: string;
}

/** Named presets, selectable with `?scenario=`. */
export const MOCK_SCENARIOS: Readonly<Record<string, { description: string; options: MockOptions }>> = {
  default: { description: 'Natural pace, 60 tokens/s', options: {} },
  fast: { description: '400 tokens/s', options: { tokensPerSecond: 400 } },
  slow: { description: '12 tokens/s', options: { tokensPerSecond: 12, jitter: 0.5 } },
  bursty: { description: 'Network batching: bursts of up to 25 tokens', options: { tokensPerSecond: 60, burst: 25 } },
  thinking: { description: '2.5 s before the first token', options: { thinkingMs: 2500 } },
  reasoning: {
    description: 'Streams reasoning before the answer',
    options: { answer: 'reasoning', tokensPerSecond: 80 },
  },
  tool: { description: 'A tool call with streaming arguments', options: { answer: 'tool' } },
  stall: { description: 'Goes silent forever after 30 tokens', options: { stallAfter: 30 } },
  'stall-resume': {
    description: 'Pauses 3 s after 30 tokens, then resumes',
    options: { stallAfter: 30, stallMs: 3000 },
  },
  error: { description: 'Provider error event after 40 tokens', options: { errorAfter: 40 } },
  drop: {
    description: 'Connection dropped every 40 tokens; the client resumes after the last event id',
    options: { dropAfter: 40 },
  },
  'drop-mid-event': {
    description: 'Connection dropped inside an event (in a multi-byte character) every 25 tokens; the client resumes',
    options: { dropAfter: 25, dropMidEvent: true },
  },
  'no-resume': {
    description: 'Connection dropped after 40 tokens by a server without event ids: it cannot resume',
    options: { dropAfter: 40, eventIds: false },
  },
  'invalid-json': {
    description: 'A malformed JSON event after 40 tokens, then the stream carries on',
    options: { invalidJsonAfter: 40 },
  },
  'rate-limit': { description: 'HTTP 429 with a JSON error body', options: { status: 429 } },
  'server-error': { description: 'HTTP 500 with a JSON error body', options: { status: 500 } },
  long: { description: 'A 7 KB guide at 150 tokens/s', options: { answer: 'long', tokensPerSecond: 150 } },
  short: { description: 'A one-line answer', options: { answer: 'short' } },
  huge: { description: 'About 5 MB of paragraphs, all at once', options: { answer: 'huge', tokensPerSecond: 0 } },
  'long-line': {
    description: 'One 1 MB line without a newline, all at once',
    options: { answer: 'long-line', tokensPerSecond: 0 },
  },
  code: { description: 'Code in five languages', options: { answer: 'code', tokensPerSecond: 150 } },
  tables: { description: 'Several tables', options: { answer: 'tables', tokensPerSecond: 120 } },
  tricky: { description: 'Partial-Markdown traps, slowly', options: { answer: 'tricky', tokensPerSecond: 20 } },
  'long-list': {
    description: 'One 12 KB numbered list (nested bullets, code) at 400 tokens/s',
    options: { answer: 'long-list', tokensPerSecond: 400 },
  },
  'long-table': {
    description: 'One 12 KB table at 400 tokens/s',
    options: { answer: 'long-table', tokensPerSecond: 400 },
  },
  'long-quote': {
    description: 'One 12 KB block quote (paragraphs, lists, code) at 400 tokens/s',
    options: { answer: 'long-quote', tokensPerSecond: 400 },
  },
  'long-code': {
    description: 'One 12 KB code block (a whole TypeScript module) at 400 tokens/s',
    options: { answer: 'long-code', tokensPerSecond: 400 },
  },
  'long-item': {
    description: 'One bullet holding a 12 KB numbered list (an outline) at 400 tokens/s',
    options: { answer: 'long-item', tokensPerSecond: 400 },
  },
};

const NUMBER_KEYS = [
  'tokensPerSecond',
  'jitter',
  'burst',
  'thinkingMs',
  'stallAfter',
  'stallMs',
  'errorAfter',
  'invalidJsonAfter',
  'dropAfter',
  'answerSize',
  'status',
  'faultLimit',
  'seed',
] as const;

const BOOLEAN_KEYS = ['dropMidEvent', 'eventIds'] as const;

/** Short query aliases accepted besides the option names. */
const ALIASES: Record<string, string> = { tps: 'tokensPerSecond', speed: 'tokensPerSecond', thinking: 'thinkingMs' };

/**
 * Reads controls from query parameters (`?scenario=slow&format=anthropic&errorAfter=40`) and
 * headers (`x-mock-error-after: 40`); the query wins over headers. Unknown or malformed values
 * are reported as errors instead of being ignored, so a typo in a test never passes silently.
 */
export function parseMockOptions(
  query: URLSearchParams,
  headers: Record<string, string | string[] | undefined> = {},
): { options: MockOptions; errors: string[] } {
  const raw = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (!name.toLowerCase().startsWith('x-mock-') || value === undefined) continue;
    const key = name
      .toLowerCase()
      .slice('x-mock-'.length)
      .replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    raw.set(key, Array.isArray(value) ? (value[0] ?? '') : value);
  }
  for (const [key, value] of query) raw.set(ALIASES[key] ?? key, value);

  const options: MockOptions = {};
  const errors: string[] = [];
  for (const [key, value] of raw) {
    if (key === 'scenario') {
      if (value in MOCK_SCENARIOS) options.scenario = value;
      else errors.push(`unknown scenario "${value}" (known: ${Object.keys(MOCK_SCENARIOS).join(', ')})`);
    } else if (key === 'format') {
      if ((MOCK_FORMATS as readonly string[]).includes(value)) options.format = value as MockFormat;
      else errors.push(`unknown format "${value}" (known: ${MOCK_FORMATS.join(', ')})`);
    } else if (key === 'answer' || key === 'errorMessage' || key === 'model') {
      options[key] = value;
    } else if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (/^(1|true)$/.test(value)) options[key as (typeof BOOLEAN_KEYS)[number]] = true;
      else if (/^(0|false)$/.test(value)) options[key as (typeof BOOLEAN_KEYS)[number]] = false;
      else errors.push(`${key} must be 1, 0, true or false`);
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      const number = Number(value);
      if (value.trim() === '' || !Number.isFinite(number) || number < 0) errors.push(`${key} must be a number >= 0`);
      else options[key as (typeof NUMBER_KEYS)[number]] = number;
    }
    // Other parameters (a test's run id, cache busters) belong to the caller and are ignored.
  }
  return { options, errors };
}

/** The options without any fault injection: the stream a healthy provider would send. */
export function withoutFaults(options: MockOptions): MockOptions {
  const resolved = resolveScenario(options);
  const { stallAfter, stallMs, errorAfter, invalidJsonAfter, dropAfter, dropMidEvent, status, ...healthy } = resolved;
  return { ...healthy, scenario: undefined };
}

/** Merges a scenario's presets under the explicit options. */
export function resolveScenario(options: MockOptions): MockOptions {
  const preset = options.scenario ? MOCK_SCENARIOS[options.scenario]?.options : undefined;
  return preset ? { ...preset, ...options } : options;
}
