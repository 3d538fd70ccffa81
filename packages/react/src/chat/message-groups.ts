/**
 * How `<Chat.Messages>` cuts the log into groups of rows. A long chat lays out and paints only the
 * groups near the viewport (see `chat.css`), and a flush of the streaming answer costs layout in
 * proportion to the groups, not to every message.
 *
 * A group starts at a message whose id hashes to a multiple of the group size (or at the first
 * message), so the cut depends only on the ids around it: older messages loaded above or new ones
 * appended below never move a message to another group (a group's key is the id it starts at),
 * and React keeps every row's elements. Groups hold `size` messages on average.
 */

export interface MessageGroup {
  /** The id the group starts at, or `''` for the messages before the first such id. */
  key: string;
  ids: string[];
}

/** FNV-1a, 32 bits: spreads sequential ids (`m1`, `m2`, …) as well as random ones. */
function hash(id: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    value ^= id.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Whether a group starts at `id`. */
export function startsGroup(id: string, size: number): boolean {
  return hash(id) % size === 0;
}

/** `ids` in groups of `size` on average (see above); one group per message when `size` is 1. */
export function groupMessageIds(ids: readonly string[], size: number): MessageGroup[] {
  const groups: MessageGroup[] = [];
  let current: MessageGroup | undefined;
  for (const id of ids) {
    if (!current || startsGroup(id, size)) {
      current = { key: current || startsGroup(id, size) ? id : '', ids: [] };
      groups.push(current);
    }
    current.ids.push(id);
  }
  return groups;
}
