import { type ChatToolCallContext, ChatWindow } from '@rivulet/react';
import { useEffect, useMemo, useState } from 'react';
import { ControlPanel } from './ControlPanel';
import { endpointFor, readSettings, type Settings, withControl, writeSettings } from './settings';

type Mode = { mode: 'mock' } | { mode: 'openai' | 'anthropic'; model: string };

/**
 * `window.rivuletDemo.setChatMounted(false)` unmounts the chat (mid-answer, say) and `true` mounts a
 * fresh one: shows, with the server stats, that leaving the page's chat cancels its request.
 */
export interface DemoHooks {
  setChatMounted(mounted: boolean): void;
}

declare global {
  interface Window {
    rivuletDemo?: DemoHooks;
  }
}

/**
 * The client-side tool the mock server calls when asked for the time (`get_local_time`): the chat
 * runs it and the answer continues with its result. Other tools are the server's: left alone.
 */
function runClientTool({ toolCall }: ChatToolCallContext): unknown {
  if (toolCall.toolName !== 'get_local_time') return undefined;
  const { timezone } = (toolCall.input ?? {}) as { timezone?: string };
  return new Date().toLocaleTimeString('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
}

/** The playground: a drop-in `<ChatWindow api>` against the demo server's `/api/chat`. */
export function App() {
  const [settings, setSettings] = useState<Settings>(() => readSettings(window.location.search));
  const [mode, setMode] = useState<Mode>({ mode: 'mock' });
  const [isChatMounted, setChatMounted] = useState(true);
  const endpoint = useMemo(() => endpointFor(settings.controls), [settings.controls]);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.style.colorScheme = settings.theme;
    window.history.replaceState(null, '', `${window.location.pathname}${writeSettings(settings)}`);
  }, [settings]);

  useEffect(() => {
    window.rivuletDemo = { setChatMounted };
    return () => {
      window.rivuletDemo = undefined;
    };
  }, []);

  useEffect(() => {
    fetch('/api/mode')
      .then((response) => (response.ok ? (response.json() as Promise<Mode>) : undefined))
      .then((value) => value && setMode(value))
      .catch(() => {});
  }, []);

  const provider =
    mode.mode === 'mock' ? undefined : `${mode.mode === 'openai' ? 'OpenAI' : 'Anthropic'} · ${mode.model}`;

  return (
    <div className="demo">
      <header className="demo-header">
        <div className="demo-brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="8" fill="var(--demo-accent)" />
            <path
              d="M7 12c4-4 7 4 11 0s7 4 7 0M7 20c4-4 7 4 11 0s7 4 7 0"
              stroke="white"
              strokeWidth="2.5"
              fill="none"
              strokeLinecap="round"
            />
          </svg>
          <div>
            <h1>Rivulet</h1>
            <p>Streaming chat components for React</p>
          </div>
        </div>
        <span className="demo-badge" data-mode={mode.mode}>
          {provider ?? 'Mock LLM'}
        </span>
      </header>
      <main className="demo-main">
        <ControlPanel
          controls={settings.controls}
          theme={settings.theme}
          provider={provider}
          endpoint={endpoint}
          onControl={(key, value) =>
            setSettings((current) => ({ ...current, controls: withControl(current.controls, key, value) }))
          }
          onTheme={(theme) => setSettings((current) => ({ ...current, theme }))}
          resume={settings.resume}
          onResume={(resume) => setSettings((current) => ({ ...current, resume }))}
        />
        <section className="demo-chat" aria-label="Chat">
          {isChatMounted ? (
            <ChatWindow
              api={endpoint}
              theme={settings.theme}
              idleTimeoutMs={settings.idleTimeoutMs}
              resume={settings.resume ? undefined : false}
              showUsage
              autoFocus
              onToolCall={runClientTool}
              attachments={{ accept: 'image/*,text/*,application/pdf,application/json', maxFileSize: 5 * 1024 * 1024 }}
            />
          ) : null}
        </section>
      </main>
    </div>
  );
}
