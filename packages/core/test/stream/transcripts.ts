/**
 * The fixture transcripts and what reading each must show, written from the providers' documented
 * wire formats. Shared by the format, detection and chunking tests.
 */

import type { BuiltInFormat } from '@rivulet/core';
import type { ToolCallSummary } from './helpers';

export interface Transcript {
  fixture: string;
  format: Exclude<BuiltInFormat, 'auto'>;
  /** What the provider sends as Content-Type. */
  contentType: string;
  expected: {
    text: string;
    reasoning: string;
    toolCalls: ToolCallSummary[];
    usage?: { inputTokens?: number; outputTokens?: number; totalTokens?: number };
    finishReason?: string;
  };
}

const SSE = 'text/event-stream; charset=utf-8';
const NDJSON = 'application/x-ndjson';

export const transcripts: Transcript[] = [
  {
    fixture: 'openai-chat.sse',
    format: 'openai',
    contentType: SSE,
    expected: {
      text: 'Hello! 👋 How can I help you today? 你好',
      reasoning: '',
      toolCalls: [],
      usage: { inputTokens: 19, outputTokens: 10, totalTokens: 29 },
      finishReason: 'stop',
    },
  },
  {
    fixture: 'openai-tools.sse',
    format: 'openai',
    contentType: SSE,
    expected: {
      text: '',
      reasoning: '',
      toolCalls: [
        { id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', name: 'get_weather', args: '{"location":"Paris, France"}' },
        { id: 'call_7fG1bTq2hWcKz0', name: 'get_time', args: '{"tz":"Europe/Paris"}' },
      ],
      usage: { inputTokens: 82, outputTokens: 41, totalTokens: 123 },
      finishReason: 'tool_calls',
    },
  },
  {
    fixture: 'openai-reasoning.sse',
    format: 'openai',
    contentType: SSE,
    expected: {
      text: '9.9 is larger than 9.11.',
      reasoning: 'The user asks 9.11 vs 9.9. Compare tenths: 1 < 9.',
      toolCalls: [],
      usage: { inputTokens: 17, outputTokens: 64, totalTokens: 81 },
      finishReason: 'stop',
    },
  },
  {
    fixture: 'openai-responses.sse',
    format: 'openai-responses',
    contentType: SSE,
    expected: {
      text: 'Let me check the weather in Paris — one moment.',
      reasoning: '**Checking the weather**\n\nI need Paris’s forecast.',
      toolCalls: [{ id: 'call_12345xyz', name: 'get_weather', args: '{"location":"Paris, France"}' }],
      usage: { inputTokens: 37, outputTokens: 112, totalTokens: 149 },
      finishReason: 'completed',
    },
  },
  {
    fixture: 'anthropic.sse',
    format: 'anthropic',
    contentType: SSE,
    expected: {
      text: 'Okay, let’s check the weather for San Francisco, CA:',
      reasoning: 'The user wants the weather. I should call get_weather.',
      toolCalls: [
        {
          id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
          name: 'get_weather',
          args: '{"location": "San Francisco, CA", "unit": "fahrenheit"}',
        },
      ],
      usage: { inputTokens: 472, outputTokens: 89, totalTokens: 561 },
      finishReason: 'tool_use',
    },
  },
  {
    fixture: 'ai-sdk.sse',
    format: 'ai-sdk',
    contentType: SSE,
    expected: {
      text: 'Checking Zürich’s weather…',
      reasoning: 'Weather question; use the tool.',
      toolCalls: [{ id: 'call_A1b2C3', name: 'getWeather', args: '{"city":"Zürich"}' }],
    },
  },
  {
    fixture: 'gemini.sse',
    format: 'gemini',
    contentType: SSE,
    expected: {
      text: 'I’ll look up the weather in 東京 now.',
      reasoning: '**Considering the request**\n\nThe user wants Tokyo’s weather.',
      toolCalls: [{ id: 'call_0', name: 'get_weather', args: '{"city":"東京","unit":"celsius"}' }],
      usage: { inputTokens: 12, outputTokens: 50, totalTokens: 62 },
      finishReason: 'STOP',
    },
  },
  {
    fixture: 'cohere.sse',
    format: 'cohere',
    contentType: SSE,
    expected: {
      text: 'Bonjour ! Ça va très bien.',
      reasoning: '',
      toolCalls: [],
      usage: { inputTokens: 69, outputTokens: 8, totalTokens: 77 },
      finishReason: 'COMPLETE',
    },
  },
  {
    fixture: 'cohere-tools.sse',
    format: 'cohere',
    contentType: SSE,
    expected: {
      text: '',
      reasoning: 'I will look up the weather in Toronto.',
      toolCalls: [{ id: 'get_weather_nsz5zm3w56q3', name: 'get_weather', args: '{\n    "location": "Toronto"\n}' }],
      usage: { inputTokens: 913, outputTokens: 54, totalTokens: 967 },
      finishReason: 'TOOL_CALL',
    },
  },
  {
    fixture: 'ollama.ndjson',
    format: 'ollama',
    contentType: NDJSON,
    expected: {
      text: 'Hi there! Grüße 🌍',
      reasoning: 'Simple greeting; answer briefly.',
      toolCalls: [],
      usage: { inputTokens: 26, outputTokens: 282, totalTokens: 308 },
      finishReason: 'stop',
    },
  },
  {
    fixture: 'ollama-tools.ndjson',
    format: 'ollama',
    contentType: NDJSON,
    expected: {
      text: '',
      reasoning: '',
      toolCalls: [{ id: 'call_0', name: 'get_current_weather', args: '{"format":"celsius","location":"Paris, FR"}' }],
      usage: { inputTokens: 217, outputTokens: 25, totalTokens: 242 },
      finishReason: 'stop',
    },
  },
  {
    fixture: 'text.txt',
    format: 'text',
    contentType: 'text/plain; charset=utf-8',
    expected: {
      text: 'Streaming plain text: café, 日本語, emoji 🎉.\r\nSecond line\n',
      reasoning: '',
      toolCalls: [],
    },
  },
  {
    fixture: 'sse-generic.sse',
    format: 'sse',
    contentType: SSE,
    expected: {
      text: 'Hello, wörldline one\nline two — ünïcödé 🚀',
      reasoning: '',
      toolCalls: [],
    },
  },
  {
    fixture: 'ndjson-generic.ndjson',
    format: 'ndjson',
    contentType: NDJSON,
    expected: {
      text: 'Hello, wörld ✓',
      reasoning: 'thinking…',
      toolCalls: [],
      usage: { inputTokens: 5, outputTokens: 3 },
      finishReason: 'stop',
    },
  },
];
