import type { ConversationTurn } from "../answer/answerer.ts";

/**
 * Recent turns per conversation id, in memory, bounded in turns, conversations and age so a
 * long-running bot does not grow without limit. Replicas do not share it: a follow-up reaching
 * another replica is answered as a fresh question, which is acceptable for a chat bot.
 */
export interface ConversationMemoryOptions {
  /** Turns kept per conversation. Default 6. */
  maxTurns?: number;
  /** Conversations kept; the least recently used is dropped first. Default 5000. */
  maxConversations?: number;
  /** A conversation idle longer than this starts over. Default 30 minutes. */
  idleMs?: number;
  now?: () => number;
}

export class ConversationMemory {
  private readonly conversations = new Map<string, { turns: ConversationTurn[]; touchedAt: number }>();
  private readonly maxTurns: number;
  private readonly maxConversations: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(options: ConversationMemoryOptions = {}) {
    this.maxTurns = options.maxTurns ?? 6;
    this.maxConversations = options.maxConversations ?? 5000;
    this.idleMs = options.idleMs ?? 30 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  history(conversationId: string): ConversationTurn[] {
    const entry = this.conversations.get(conversationId);
    if (entry === undefined) return [];
    if (this.now() - entry.touchedAt > this.idleMs) {
      this.conversations.delete(conversationId);
      return [];
    }
    return [...entry.turns];
  }

  remember(conversationId: string, turn: ConversationTurn): void {
    const turns = [...this.history(conversationId), turn].slice(-this.maxTurns);
    this.conversations.delete(conversationId); // re-insert to mark as most recent
    this.conversations.set(conversationId, { turns, touchedAt: this.now() });
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }

  forget(conversationId: string): void {
    this.conversations.delete(conversationId);
  }
}
