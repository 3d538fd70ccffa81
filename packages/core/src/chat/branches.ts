/**
 * Alternatives of a conversation's turns. A turn starts at a user message; editing it or asking
 * again for its answer adds an alternative: the messages from that user message to the end. The
 * conversation shows one alternative per turn; the others are kept whole (with the later turns and
 * their own alternatives), so switching back restores them exactly. The user message heading a turn
 * with alternatives carries `branch: { index, count }`.
 *
 * Invariants: the shown alternative's stored copy is refreshed whenever it is left, so it is never
 * older than what was shown; a turn is found by the id of any of its user messages.
 */
import type { ChatBranch, ChatMessage } from './types';

interface Turn {
  /** Each alternative: its messages from the user message to the end of the conversation. */
  alternatives: ChatMessage[][];
  shown: number;
}

export class Branches {
  private readonly turns = new Map<string, Turn>();
  /** Turn of each user message that heads an alternative. */
  private readonly turnOf = new Map<string, Turn>();

  /**
   * The turn starting at `tail[0]` gets a new alternative headed by `head` (shown from now on);
   * `tail` is what was shown until now. Returns `head` with its `branch`.
   */
  add(tail: ChatMessage[], head: ChatMessage): ChatMessage {
    const first = tail[0] as ChatMessage;
    let turn = this.turnOf.get(first.id);
    if (turn === undefined) {
      turn = { alternatives: [tail], shown: 0 };
      this.turns.set(first.id, turn);
      this.turnOf.set(first.id, turn);
    } else turn.alternatives[turn.shown] = tail;
    turn.alternatives.push([head]);
    turn.shown = turn.alternatives.length - 1;
    this.turnOf.set(head.id, turn);
    return withBranch(head, this.infoOf(turn));
  }

  /** The turn's alternatives, for a user message heading one. */
  info(userMessageId: string): ChatBranch | undefined {
    const turn = this.turnOf.get(userMessageId);
    return turn ? this.infoOf(turn) : undefined;
  }

  /**
   * Alternative `index` of the turn headed by `tail[0]`, in place of `tail` (stored for later), its
   * head carrying the updated `branch`; undefined when there is no such alternative.
   */
  select(tail: ChatMessage[], index: number): ChatMessage[] | undefined {
    const first = tail[0];
    const turn = first && this.turnOf.get(first.id);
    if (turn === undefined || !Number.isInteger(index) || index < 0 || index >= turn.alternatives.length) {
      return undefined;
    }
    turn.alternatives[turn.shown] = tail;
    turn.shown = index;
    const [head, ...rest] = turn.alternatives[index] as ChatMessage[];
    return [withBranch(head as ChatMessage, this.infoOf(turn)), ...rest];
  }

  private infoOf(turn: Turn): ChatBranch {
    return { index: turn.shown, count: turn.alternatives.length };
  }
}

/** `message` carrying `branch` (itself when it already does). */
export function withBranch(message: ChatMessage, branch: ChatBranch): ChatMessage {
  if (message.branch?.index === branch.index && message.branch.count === branch.count) return message;
  return Object.freeze({ ...message, branch: Object.freeze(branch) });
}
