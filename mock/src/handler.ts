/**
 * The mock as a real HTTP endpoint: a Node `http` request handler for `POST /api/chat` and
 * `GET /api/mock/stats`, usable as Vite (Connect) middleware or in a plain `http` server.
 * It notices clients that leave early (the request closes before the response ends) and counts
 * them, so end-to-end tests can assert the server really saw an abort. A request with
 * `Last-Event-ID` (or `lastEventId` in its JSON body) resumes the answer after that event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MOCK_SCENARIOS, type MockOptions, parseMockOptions, withoutFaults } from './options.js';
import { type MockMessage, planMock } from './plan.js';
import { playPlan } from './play.js';

/** Counters of chat requests, overall and per `run` query parameter. */
export interface MockCounts {
  started: number;
  completed: number;
  aborted: number;
  dropped: number;
  errored: number;
}

export interface MockStats extends MockCounts {
  /** Counts per `?run=` id, so parallel tests each read their own. */
  runs: Record<string, MockCounts>;
}

export interface MockHandlerOptions {
  /** Path of the chat endpoint. Default `/api/chat`. */
  path?: string;
  /** Path of the stats endpoint. Default `/api/mock/stats`. */
  statsPath?: string;
  /** Options applied under each request's own controls. */
  defaults?: MockOptions;
}

/** A Connect-style handler: returns without answering (calling `next`) for paths it does not serve. */
export type MockHandler = ((request: IncomingMessage, response: ServerResponse, next?: () => void) => void) & {
  readonly stats: MockStats;
  resetStats(): void;
};

/**
 * How long a dropped connection stays open, silent, after its last byte before it is closed. A browser
 * may report the broken body before its page has read the bytes that came just before it, and then
 * those bytes are lost to the page: a busy page reads late. The pause lets the page read everything
 * the mock sent, so a drop loses no byte that was sent, as its scenarios promise.
 */
const dropGraceMs = 500;

const emptyCounts = (): MockCounts => ({ started: 0, completed: 0, aborted: 0, dropped: 0, errored: 0 });

/**
 * Creates the handler.
 *
 * @example
 * http.createServer(createMockHandler()).listen(8787, '127.0.0.1');
 */
export function createMockHandler(handlerOptions: MockHandlerOptions = {}): MockHandler {
  const chatPath = handlerOptions.path ?? '/api/chat';
  const statsPath = handlerOptions.statsPath ?? '/api/mock/stats';
  let stats: MockStats = { ...emptyCounts(), runs: {} };

  const count = (run: string | null, key: keyof MockCounts) => {
    stats[key] += 1;
    if (run) {
      stats.runs[run] ??= emptyCounts();
      stats.runs[run][key] += 1;
    }
  };

  const handler = (request: IncomingMessage, response: ServerResponse, next?: () => void) => {
    const url = new URL(request.url ?? '/', 'http://mock.local');
    if (url.pathname === statsPath) {
      if (request.method === 'DELETE') stats = { ...emptyCounts(), runs: {} };
      return sendJson(response, 200, stats);
    }
    if (url.pathname === `${chatPath}/scenarios`) return sendJson(response, 200, MOCK_SCENARIOS);
    if (url.pathname !== chatPath) {
      if (next) return next();
      return sendJson(response, 404, { error: { message: `Not found: ${url.pathname}` } });
    }
    if (request.method !== 'POST') return sendJson(response, 405, { error: { message: 'Use POST' } });

    const { options, errors } = parseMockOptions(url.searchParams, request.headers);
    if (errors.length > 0)
      return sendJson(response, 400, { error: { message: `Bad mock controls: ${errors.join('; ')}` } });
    const lastEventId = request.headers['last-event-id'];
    readBody(request).then(
      (body) =>
        stream(
          { ...handlerOptions.defaults, ...options },
          body,
          url.searchParams.get('run'),
          typeof lastEventId === 'string' ? lastEventId : undefined,
          response,
        ),
      () => sendJson(response, 400, { error: { message: 'Could not read the request body' } }),
    );
  };

  async function stream(
    options: MockOptions,
    body: string,
    run: string | null,
    lastEventIdHeader: string | undefined,
    response: ServerResponse,
  ) {
    let messages: MockMessage[] = [];
    let lastEventId = lastEventIdHeader;
    try {
      const parsed = body ? (JSON.parse(body) as { messages?: unknown; lastEventId?: unknown }) : {};
      if (Array.isArray(parsed.messages)) messages = parsed.messages as MockMessage[];
      if (lastEventId === undefined && typeof parsed.lastEventId === 'string') lastEventId = parsed.lastEventId;
    } catch {
      return sendJson(response, 400, { error: { message: 'Body must be JSON: { "messages": [...] }' } });
    }
    // With `faultLimit`, only the first requests of a run misbehave (before this one is counted).
    const previous = run ? (stats.runs[run]?.started ?? 0) : stats.started;
    const healthy = options.faultLimit !== undefined && previous >= options.faultLimit;
    const plan = planMock(healthy ? withoutFaults(options) : options, messages, { lastEventId });
    count(run, 'started');
    if (plan.outcome === 'http-error') {
      count(run, 'errored');
      return send(response, plan.status, plan.headers, plan.body);
    }

    const leave = new AbortController();
    // 'close' on the response before it ended means the client went away (abort, navigation, crash).
    response.on('close', () => {
      if (!response.writableEnded && !leave.signal.aborted) {
        leave.abort();
        count(run, 'aborted');
      }
    });
    response.writeHead(plan.status, plan.headers);
    response.flushHeaders();
    for await (const event of playPlan(plan, leave.signal)) {
      if (event.kind === 'drop') {
        leave.abort();
        count(run, 'dropped');
        // Close the socket after what was written so far, without the body's terminating chunk:
        // the client gets every byte sent, then a broken body. (A reset could discard bytes in flight.)
        await new Promise((resolve) => setTimeout(resolve, dropGraceMs));
        if (response.socket) response.socket.end();
        else response.destroy();
        return;
      }
      response.write(event.kind === 'cut' ? event.bytes : event.chunk);
    }
    if (leave.signal.aborted) return;
    response.end();
    count(run, plan.outcome === 'error' || plan.outcome === 'invalid-json' ? 'errored' : 'completed');
  }

  return Object.assign(handler, {
    get stats() {
      return stats;
    },
    resetStats() {
      stats = { ...emptyCounts(), runs: {} };
    },
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  send(response, status, { 'Content-Type': 'application/json' }, JSON.stringify(value));
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  response.writeHead(status, { ...headers, 'Cache-Control': 'no-store' });
  response.end(body);
}
