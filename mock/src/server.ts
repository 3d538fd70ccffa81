/**
 * A standalone mock LLM server on 127.0.0.1 (never all interfaces).
 * Usage: `tsx mock/src/server.ts [port]` (default 8787), then
 * `curl -N -X POST 'http://127.0.0.1:8787/api/chat?scenario=slow&format=anthropic' -d '{"messages":[]}'`.
 */
import { createServer } from 'node:http';
import { createMockHandler } from './handler.js';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
const server = createServer(createMockHandler());
server.listen(port, '127.0.0.1', () => {
  console.log(`Mock LLM listening on http://127.0.0.1:${port}/api/chat`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
