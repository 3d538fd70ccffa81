/**
 * `<Chat.Messages>` wraps its rows in groups so a long chat lays out only the groups near the
 * viewport. The cut depends only on the ids around it: loading older messages above or appending
 * new ones keeps every row's element, every finished group is marked settled, and `groupSize={0}`
 * renders the rows directly.
 */
import { Chat, type ChatMessageInput, type UseChatResult, useChat } from '@rivulet/react';
import { act, render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { groupMessageIds, startsGroup } from '../../src/chat/message-groups';

const messages = (from: number, to: number): ChatMessageInput[] =>
  Array.from({ length: to - from }, (_, index) => {
    const n = from + index;
    return { id: `m${n}`, role: n % 2 === 0 ? 'user' : 'assistant', content: `Message ${n}`, status: 'done' };
  });

describe('groupMessageIds', () => {
  it('keeps every id once, in order, and starts a group only where an id says so', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (ids, size) => {
          const groups = groupMessageIds(ids, size);
          expect(groups.flatMap((group) => group.ids)).toEqual(ids);
          groups.forEach((group, index) => {
            expect(group.ids.length).toBeGreaterThan(0);
            expect(group.ids.slice(1).some((id) => startsGroup(id, size))).toBe(false);
            expect(group.key).toBe(index === 0 && !startsGroup(group.ids[0]!, size) ? '' : group.ids[0]);
          });
        },
      ),
    );
  });

  it('moves no message to another group when older ones are loaded above or new ones appended', () => {
    const keyOf = (ids: string[], size: number) =>
      new Map(groupMessageIds(ids, size).flatMap((group) => group.ids.map((id) => [id, group.key] as const)));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 120 }),
        fc.nat({ max: 120 }),
        fc.nat({ max: 120 }),
        fc.integer({ min: 2, max: 25 }),
        (all, cutA, cutB, size) => {
          const from = Math.min(cutA, cutB, all.length - 1);
          const to = Math.max(from + 1, Math.min(Math.max(cutA, cutB), all.length));
          const middle = all.slice(from, to);
          const before = keyOf(middle, size);
          const after = keyOf(all, size);
          const olderHaveStart = all.slice(0, from).some((id) => startsGroup(id, size));
          for (const id of middle) {
            // Only the leading run (before the first group start) can join a group loaded above it.
            if (before.get(id) !== '' || !olderHaveStart) expect(after.get(id)).toBe(before.get(id));
          }
        },
      ),
    );
  });

  it('holds about `size` sequential ids per group', () => {
    const ids = Array.from({ length: 10_000 }, (_, index) => `m${index}`);
    const groups = groupMessageIds(ids, 20);
    const mean = ids.length / groups.length;
    expect(mean).toBeGreaterThan(14);
    expect(mean).toBeLessThan(28);
    expect(groupMessageIds(ids.slice(0, 5), 1)).toHaveLength(5);
  });
});

function Log({ onChat, groupSize }: { onChat: (chat: UseChatResult) => void; groupSize?: number }) {
  const chat = useChat({ api: '/api/chat', initialMessages: messages(100, 200) });
  onChat(chat);
  return (
    <Chat.Root chat={chat}>
      <Chat.Messages {...(groupSize === undefined ? {} : { groupSize })} />
    </Chat.Root>
  );
}

const rowsOf = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.rivulet-message')];

describe('<Chat.Messages> groups', () => {
  it('wraps the rows in groups and marks all but the last settled', () => {
    const { container } = render(<Log onChat={() => {}} />);
    const list = container.querySelector('.rivulet-chat__messages')!;
    const groups = [...list.children];
    expect(groups.length).toBeGreaterThan(2);
    expect(groups.every((group) => group.hasAttribute('data-message-group'))).toBe(true);
    expect(groups.slice(0, -1).every((group) => group.hasAttribute('data-settled'))).toBe(true);
    expect(groups.at(-1)!.hasAttribute('data-settled')).toBe(false);
    expect(rowsOf(container).map((row) => row.textContent)).toEqual(
      messages(100, 200).map((message) => expect.stringContaining(message.content as string)),
    );
  });

  it('keeps every row’s element when older messages load above and new ones arrive below', () => {
    let chat!: UseChatResult;
    const { container } = render(<Log onChat={(value) => (chat = value)} />);
    const before = rowsOf(container);
    act(() => chat.setMessages((current) => [...messages(0, 100), ...current]));
    act(() => chat.setMessages((current) => [...current, ...messages(200, 240)]));
    const after = rowsOf(container);
    expect(after.map((row) => row.textContent)).toEqual(
      messages(0, 240).map((message) => expect.stringContaining(message.content as string)),
    );
    // Rows keep their elements, except the leading run of the first group, which joins the last
    // group loaded above it (the older messages here hold group starts).
    const ids = messages(0, 240).map((message) => message.id);
    expect(ids.slice(0, 100).some((id) => startsGroup(id, 20))).toBe(true);
    const leading = groupMessageIds(ids.slice(100, 200), 20)[0]!;
    const expectedMoved = leading.key === '' ? leading.ids.length : 0;
    const kept = before.filter((row, index) => after[100 + index] === row);
    expect(kept).toHaveLength(100 - expectedMoved);
    expect(expectedMoved).toBeLessThan(50);
    const list = container.querySelector('.rivulet-chat__messages')!;
    expect([...list.children].slice(0, -1).every((group) => group.hasAttribute('data-settled'))).toBe(true);
  });

  it('keeps the measured height of each settled group as its size while skipped', () => {
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      const height = this.hasAttribute('data-message-group') ? 2000 : 100;
      return { height, width: 300, top: 0, left: 0, right: 300, bottom: height, x: 0, y: 0, toJSON: () => ({}) };
    });
    try {
      const { container } = render(<Log onChat={() => {}} />);
      const groups = [...container.querySelectorAll<HTMLElement>('[data-message-group]')];
      const kept = groups.map((group) => group.style.getPropertyValue('contain-intrinsic-block-size'));
      expect(kept.slice(0, -1).every((size) => size === 'auto 2000px')).toBe(true);
      // The last group holds the rows that still change: nothing is kept for it.
      expect(kept.at(-1)).toBe('');
    } finally {
      rect.mockRestore();
    }
  });

  it('renders the rows directly in the list with groupSize={0}', () => {
    const { container } = render(<Log onChat={() => {}} groupSize={0} />);
    const list = container.querySelector('.rivulet-chat__messages')!;
    expect(list.children).toHaveLength(100);
    expect([...list.children].every((child) => child.classList.contains('rivulet-message'))).toBe(true);
  });
});
