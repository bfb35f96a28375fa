import type { ConversationTurn } from "../answer/answerer.ts";
import type { StateStore } from "../state/state-store.ts";

/**
 * Recent turns per conversation id, kept in the state store: with a shared driver (LanceDB in the
 * store, or Redis) a follow-up reaching another replica, or arriving after a restart, is answered
 * with the conversation's history. Bounded in turns per conversation and in idle time.
 */
export interface ConversationMemoryOptions {
  /** Turns kept per conversation. Default 6. */
  maxTurns?: number;
  /** A conversation idle longer than this starts over. Default 30 minutes. */
  idleMs?: number;
}

const namespace = "conversation";

export class ConversationMemory {
  private readonly maxTurns: number;
  private readonly idleMs: number;

  constructor(
    private readonly state: StateStore,
    options: ConversationMemoryOptions = {},
  ) {
    this.maxTurns = options.maxTurns ?? 6;
    this.idleMs = options.idleMs ?? 30 * 60 * 1000;
  }

  async history(conversationId: string): Promise<ConversationTurn[]> {
    const items = await this.state.list(namespace, conversationId);
    const turns: ConversationTurn[] = [];
    for (const item of items) {
      try {
        const turn = JSON.parse(item) as Partial<ConversationTurn>;
        if (typeof turn.question === "string" && typeof turn.answer === "string") {
          turns.push({ question: turn.question, answer: turn.answer });
        }
      } catch {
        // A damaged turn costs only itself.
      }
    }
    return turns;
  }

  async remember(conversationId: string, turn: ConversationTurn): Promise<void> {
    await this.state.append(
      namespace,
      conversationId,
      JSON.stringify({ question: turn.question, answer: turn.answer }),
      { maxItems: this.maxTurns, ttlMs: this.idleMs },
    );
  }

  async forget(conversationId: string): Promise<void> {
    await this.state.delete(namespace, conversationId);
  }
}
