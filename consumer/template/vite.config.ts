import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';

/** The answer to `question`: a little Markdown with a fenced code block. */
function answerTo(question: string): string {
  return [
    `You asked: "${question}".`,
    '',
    'Here is a **function**:',
    '',
    '```ts',
    'export function greet(name: string): string {',
    "  return 'Hello, ' + name + '!';",
    '}',
    '```',
    '',
    'That is all.',
  ].join('\n');
}

function chunk(content: string | undefined, finish: string | null = null): string {
  const choice = { index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish };
  return `data: ${JSON.stringify({ id: 'chatcmpl-consumer', object: 'chat.completion.chunk', choices: [choice] })}\n\n`;
}

/** POST /api/chat: answers the last user message as an OpenAI-style Server-Sent Events stream. */
const chatApi: Connect.NextHandleFunction = (req, res, next) => {
  if (req.url !== '/api/chat' || req.method !== 'POST') return next();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (part: string) => {
    body += part;
  });
  req.on('end', () => {
    let question: unknown;
    try {
      const messages: unknown = JSON.parse(body).messages;
      question = Array.isArray(messages) ? messages.findLast((m) => m?.role === 'user')?.content : undefined;
    } catch {
      question = undefined;
    }
    if (typeof question !== 'string') {
      res.statusCode = 400;
      res.end('expected { messages: [{ role: "user", content }] }');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const pieces = answerTo(question).match(/[\s\S]{1,6}/g) ?? [];
    let index = 0;
    const timer = setInterval(() => {
      const piece = pieces[index++];
      if (piece !== undefined) {
        res.write(chunk(piece));
        return;
      }
      clearInterval(timer);
      res.end(`${chunk(undefined, 'stop')}data: [DONE]\n\n`);
    }, 10);
    res.on('close', () => clearInterval(timer));
  });
};

const chatApiPlugin: Plugin = {
  name: 'consumer-chat-api',
  configureServer(server) {
    server.middlewares.use(chatApi);
  },
  configurePreviewServer(server) {
    server.middlewares.use(chatApi);
  },
};

export default defineConfig({
  plugins: [react(), chatApiPlugin],
  build: {
    rolldownOptions: {
      input: { main: 'index.html', ssr: 'ssr.html' },
    },
  },
});
