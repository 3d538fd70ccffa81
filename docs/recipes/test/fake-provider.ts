/**
 * A local stand-in for a model provider's HTTP API: it records each request and answers in the
 * provider's streaming wire format (bytes from `@rivulet/mock`'s encoders), or holds the answer
 * open after its first token so a test can abort, or fails with the provider's HTTP error body.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEncoder, type MockFormat } from '../../../mock/src/encoders/index.js';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Resolves when the connection closed before the answer ended (the client went away). */
  closedEarly: Promise<void>;
}

export interface FakeAnswer {
  /** Text deltas, in order. */
  deltas: string[];
  usage: { inputTokens: number; outputTokens: number };
  /** Send the opening frames and the first delta, then nothing until the client leaves. */
  hold?: boolean;
  /** Answer with this HTTP error status instead (and the provider's error body). */
  status?: number;
}

export interface FakeProvider {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  requests: FakeRequest[];
  answer: FakeAnswer;
  close(): Promise<void>;
}

export async function startFakeProvider(format: MockFormat, answer: FakeAnswer): Promise<FakeProvider> {
  const requests: FakeRequest[] = [];
  const fake: FakeProvider = { url: '', requests, answer, close: async () => {} };
  const server = createServer(async (req, res) => {
    const closedEarly = new Promise<void>((resolve) =>
      res.on('close', () => {
        if (!res.writableEnded) resolve();
      }),
    );
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text) as Record<string, unknown>;
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, closedEarly });
    respond(res, format, fake.answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return fake;
}

function respond(res: ServerResponse, format: MockFormat, answer: FakeAnswer): void {
  const encoder = createEncoder(format, { model: 'fake-model', seed: 7, usage: answer.usage });
  if (answer.status) {
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(encoder.httpErrorBody(answer.status, `Fake provider error ${answer.status}`));
    return;
  }
  res.writeHead(200, { 'Content-Type': encoder.contentType, ...encoder.headers });
  res.write(encoder.open());
  const deltas = answer.hold ? answer.deltas.slice(0, 1) : answer.deltas;
  // One write per delta, as a provider flushes each token.
  for (const delta of deltas) res.write(encoder.delta({ type: 'text', delta }));
  if (!answer.hold) res.end(encoder.finish());
}

/** Rejects with `message` when `promise` has not settled within `ms` (so a missing event fails clearly). */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
