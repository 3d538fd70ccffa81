import { readFileSync } from 'node:fs';
import { ChatWindow, StopButton, TypingCursor } from '@rivulet/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderChat } from './setup-chat';

afterEach(() => {
  vi.unstubAllGlobals();
});

const labels = {
  placeholder: 'Frag etwas…',
  composer: 'Nachricht',
  send: 'Senden',
  stop: 'Anhalten',
  retry: 'Nochmal',
  copy: 'Kopieren',
  copied: 'Kopiert',
  thinking: 'Denkt nach…',
  jumpToLatest: 'Zum Ende',
  errorPrefix: 'Fehler:',
  reasoning: 'Überlegung',
  toolCall: 'Werkzeug:',
  log: 'Unterhaltung',
  user: 'Du',
  assistant: 'Assistent',
};

describe('ChatWindow labels', () => {
  it('shows every overridden label instead of the default', async () => {
    const { ask, user, container } = renderChat({ labels });
    expect(screen.getByRole('log', { name: 'Unterhaltung' })).toBeTruthy();
    expect(screen.getByPlaceholderText('Frag etwas…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Senden' })).toBeTruthy();
    const call = await ask('Hallo');
    expect(screen.getByText('Denkt nach…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Anhalten' })).toBeTruthy();
    expect(screen.getByText('Du')).toBeTruthy();
    expect(screen.getByText('Assistent')).toBeTruthy();
    call.body.push('Teil');
    await waitFor(() => expect(container.textContent).toContain('Teil'));
    call.body.fail(new TypeError('weg'));
    await waitFor(() => expect(screen.getByText(/Fehler: .*weg/)).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Nochmal' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kopieren' }));
    expect(screen.getByRole('button', { name: 'Kopiert' })).toBeTruthy();
    // No English default is left in view.
    const words = new Set((container.textContent ?? '').split(/[\s:]+/));
    for (const english of ['Send', 'Thinking…', 'You', 'Assistant', 'Retry', 'Copy', 'Error']) {
      expect(words.has(english)).toBe(false);
    }
  });
});

describe('ChatWindow root, theme and unstyled mode', () => {
  it('forwards the ref to the root, which carries the classes, className, theme and status', () => {
    const ref = createRef<HTMLDivElement>();
    vi.stubGlobal('fetch', vi.fn());
    render(<ChatWindow ref={ref} api="/api/chat" className="mine" theme="dark" data-testid="root" />);
    const root = screen.getByTestId('root');
    expect(ref.current).toBe(root);
    expect(root.className).toBe('rivulet-root rivulet-chat mine');
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.status).toBe('idle');
  });

  it('unstyled renders no rivulet class names but keeps behaviour, roles and data attributes', async () => {
    const { container, ask } = renderChat({ unstyled: true, className: 'own' });
    const call = await ask('Hi');
    call.body.push('Answer');
    await waitFor(() => expect(container.textContent).toContain('Answer'));
    const styled = [...container.querySelectorAll('[class]')].filter((el) =>
      (el.getAttribute('class') ?? '').split(/\s+/).some((name) => name.startsWith('rivulet')),
    );
    // Only the standalone Markdown renderer keeps its own classes; everything ChatWindow renders is bare.
    expect(styled.filter((el) => !el.closest('.rivulet-markdown'))).toEqual([]);
    expect(container.firstElementChild?.className).toBe('own');
    expect(screen.getByRole('button', { name: 'Stop generating' })).toBeTruthy();
    expect(container.querySelector('[data-role="assistant"]')?.getAttribute('aria-busy')).toBe('true');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).style.height).toBe('');
  });
});

describe('StopButton', () => {
  it('is named "Stop generating", works from the keyboard and is not rendered when not streaming', async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    const { rerender } = render(<StopButton onStop={onStop} streaming />);
    const button = screen.getByRole('button', { name: 'Stop generating' });
    button.focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onStop).toHaveBeenCalledTimes(2);
    rerender(<StopButton onStop={onStop} streaming={false} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<StopButton onStop={onStop} streaming={false} keepMounted />);
    expect(screen.getByRole('button', { name: 'Stop generating' })).toHaveProperty('disabled', true);
  });

  it('skips onStop when the user onClick prevents the default', async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    render(<StopButton onStop={onStop} streaming onClick={(event) => event.preventDefault()} />);
    await user.click(screen.getByRole('button'));
    expect(onStop).not.toHaveBeenCalled();
  });
});

describe('TypingCursor', () => {
  it('is hidden from assistive technology and passes class names through', () => {
    const { container } = render(<TypingCursor className="extra" />);
    const cursor = container.firstElementChild!;
    expect(cursor.getAttribute('aria-hidden')).toBe('true');
    expect(cursor.className).toBe('rivulet-cursor extra');
  });
});

describe('stylesheets', () => {
  const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
  const theme = read('../../src/theme.css');
  const chat = read('../../src/chat/chat.css');

  /** Selectors of every style rule (at-rule preludes like @media and @keyframes steps excluded). */
  function selectors(css: string): string[] {
    const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const withoutMedia = withoutComments.replace(/@media[^{]+\{/g, '');
    const withoutKeyframes = withoutMedia.replace(/@keyframes[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
    return [...withoutKeyframes.matchAll(/([^{}@;]+)\{/g)]
      .map((match) => match[1]!.trim())
      .filter((selector) => selector !== '' && !selector.startsWith('('));
  }

  it('scopes every selector under a .rivulet-* class', () => {
    const all = [...selectors(theme), ...selectors(chat)];
    expect(all.length).toBeGreaterThan(20);
    for (const selector of all) {
      for (const part of selector.split(',')) expect(part.trim()).toMatch(/^\.rivulet-/);
    }
  });

  it('defines light variables on the root and dark ones for the media query and data-theme="dark"', () => {
    expect(theme).toMatch(/\.rivulet-root\s*\{[^}]*--rivulet-bg:\s*#ffffff/);
    expect(theme).toMatch(
      /@media \(prefers-color-scheme: dark\)\s*\{\s*\.rivulet-root:not\(\[data-theme="light"\]\)\s*\{[^}]*--rivulet-bg:\s*#0d1117/,
    );
    expect(theme).toMatch(/\.rivulet-root\[data-theme="dark"\]\s*\{[^}]*--rivulet-bg:\s*#0d1117/);
    expect(theme).toMatch(/prefers-reduced-motion: reduce\)\s*\{\s*\.rivulet-cursor\s*\{\s*animation: none/);
  });
});
