import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, loadEnv, type Plugin } from 'vite';
import { createMockHandler } from '../mock/src/node.js';
import { createProxyHandler, providerFromEnv } from './server/proxy.js';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Serves `/api/chat` from the dev and preview servers: the mock LLM, or a real provider when an
 * API key is set. `/api/mode` tells the page which one answers (never the key).
 */
function chatEndpoint(env: Record<string, string | undefined>): Plugin {
  const mock = createMockHandler();
  const provider = providerFromEnv(env);
  const proxy = provider ? createProxyHandler(provider) : undefined;
  const mode = provider ? { mode: provider.provider, model: provider.model } : { mode: 'mock' };
  const install = (middlewares: Connect.Server) => {
    middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
      if (request.url === '/api/mode') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(mode));
        return;
      }
      if (proxy) return proxy(request, response, () => mock(request, response, next));
      mock(request, response, next);
    });
  };
  return {
    name: 'rivulet-chat-endpoint',
    configureServer: (server) => install(server.middlewares),
    configurePreviewServer: (server) => install(server.middlewares),
  };
}

export default defineConfig(({ mode }) => ({
  root: source('.'),
  plugins: [react(), chatEndpoint({ ...loadEnv(mode, source('.'), ''), ...process.env })],
  resolve: {
    // The workspace packages are used from source: no build step before the demo runs.
    alias: [
      { find: '@rivulet/react/styles.css', replacement: source('../packages/react/src/styles.css') },
      { find: /^@rivulet\/react$/, replacement: source('../packages/react/src/index.ts') },
      { find: /^@rivulet\/core$/, replacement: source('../packages/core/src/index.ts') },
      { find: /^@rivulet\/core\/syntax$/, replacement: source('../packages/core/src/syntax.ts') },
    ],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // Shiki's grammars are large lazy chunks by design.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // The playground, plus the pages the end-to-end tests drive: a bare <Markdown>, many chats at once, a long history.
    rolldownOptions: {
      input: {
        main: source('index.html'),
        harness: source('harness.html'),
        multi: source('multi.html'),
        history: source('history.html'),
      },
    },
  },
}));
