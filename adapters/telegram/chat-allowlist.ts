import type { StateStore } from "../../src/state/state-store.ts";

/**
 * Which chats may ask. Unset: every chat. Set: only the listed chat ids (or `@username`s), and
 * every other chat gets one polite refusal, ever — repeating it would turn the bot into spam. The
 * "told" mark is in the shared state, so replicas and restarts do not repeat it either.
 */
export class ChatAllowlist {
  private readonly allowed: Set<string> | undefined;

  constructor(
    allowedChats: readonly string[] | undefined,
    private readonly state: StateStore,
  ) {
    this.allowed =
      allowedChats === undefined
        ? undefined
        : new Set(allowedChats.map((entry) => entry.trim().toLowerCase()));
  }

  /** Whether the chat may ask questions. */
  allows(chat: { id: number; username?: string | undefined }): boolean {
    if (this.allowed === undefined) return true;
    if (this.allowed.has(String(chat.id))) return true;
    return chat.username !== undefined && this.allowed.has(`@${chat.username.toLowerCase()}`);
  }

  /** True the first time it is asked about a chat (on any replica), false after: whether to send the refusal. */
  shouldTellRefusal(chatId: number): Promise<boolean> {
    return this.state.setIfAbsent("telegram-refusals", String(chatId), "1");
  }
}
