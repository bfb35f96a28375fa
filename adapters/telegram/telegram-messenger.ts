import type { Telegram } from "telegraf";
import { describeError } from "../../src/errors.ts";
import type { Logger } from "../../src/logger.ts";
import { callWithRetry, type RetryOptions } from "./call-with-retry.ts";
import { splitPlainText, TELEGRAM_MESSAGE_LIMIT } from "./split-message.ts";
import { isCantParseEntities, isMessageNotModified } from "./telegram-errors.ts";
import { htmlToPlainText } from "./telegram-html.ts";

/**
 * The Bot API calls the adapter makes, each wrapped in `callWithRetry`, and the one recovery
 * rule for HTML: when Telegram cannot parse a part, that part is resent as plain text.
 */

/** Where a reply goes: the chat, its forum topic, and the message it answers. */
export interface Placement {
  chatId: number;
  /** Forum topic; omitted outside forums (Telegram rejects it there). */
  threadId?: number | undefined;
  /** Reply to this message (first part only). */
  replyToMessageId?: number | undefined;
  /** Inline keyboard under the message (last part only). */
  replyMarkup?: InlineKeyboardMarkup | undefined;
}

/** Telegram's inline keyboard: rows of buttons that send `callback_data` back as a callback query. */
export interface InlineKeyboardMarkup {
  inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
}

export class TelegramMessenger {
  constructor(
    private readonly telegram: Telegram,
    private readonly logger: Logger,
    private readonly retry: RetryOptions = {},
  ) {}

  /** Send HTML parts in order; returns the ids of the messages sent. Throws if a part cannot be delivered. */
  async sendParts(placement: Placement, parts: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const [index, part] of parts.entries()) {
      const partPlacement = {
        ...placement,
        replyToMessageId: index === 0 ? placement.replyToMessageId : undefined,
        replyMarkup: index === parts.length - 1 ? placement.replyMarkup : undefined,
      };
      ids.push(...(await this.sendHtml(partPlacement, part)));
    }
    return ids;
  }

  /** Send one HTML part; falls back to plain text (possibly several messages) when the HTML is refused. */
  async sendHtml(placement: Placement, html: string): Promise<number[]> {
    try {
      return [await this.send(placement, html, true)];
    } catch (error) {
      if (!isCantParseEntities(error)) throw error;
      this.logger.warn(
        { chatId: placement.chatId, error: describeError(error) },
        "telegram refused HTML; resending as plain text",
      );
      return await this.sendPlain(placement, htmlToPlainText(html));
    }
  }

  /** Send plain text, split if needed. */
  async sendPlain(placement: Placement, text: string): Promise<number[]> {
    const ids: number[] = [];
    const pieces = splitPlainText(text, TELEGRAM_MESSAGE_LIMIT);
    for (const [index, piece] of pieces.entries()) {
      const piecePlacement = {
        ...placement,
        replyToMessageId: index === 0 ? placement.replyToMessageId : undefined,
        replyMarkup: index === pieces.length - 1 ? placement.replyMarkup : undefined,
      };
      ids.push(await this.send(piecePlacement, piece, false));
    }
    return ids;
  }

  /**
   * Replace a message's text with HTML (the streamed draft becoming the final answer). Falls back
   * to plain text like `sendHtml`; plain overflow is sent as extra messages. Returns ids of extra messages.
   */
  async editHtml(placement: Placement, messageId: number, html: string): Promise<number[]> {
    try {
      await this.edit(placement.chatId, messageId, html, true, placement.replyMarkup);
      return [];
    } catch (error) {
      if (isMessageNotModified(error)) return [];
      if (!isCantParseEntities(error)) throw error;
      this.logger.warn(
        { chatId: placement.chatId, error: describeError(error) },
        "telegram refused HTML; editing as plain text",
      );
      const [first = "", ...rest] = splitPlainText(htmlToPlainText(html), TELEGRAM_MESSAGE_LIMIT);
      await this.edit(placement.chatId, messageId, first, false).catch((editError: unknown) => {
        if (!isMessageNotModified(editError)) throw editError;
      });
      const ids: number[] = [];
      for (const piece of rest)
        ids.push(await this.send({ ...placement, replyToMessageId: undefined }, piece, false));
      return ids;
    }
  }

  /** An HTML draft message, sent once without retries: the draft is best effort. */
  async sendDraft(placement: Placement, html: string): Promise<number> {
    const message = await this.telegram.sendMessage(placement.chatId, html, this.extra(placement, true));
    return message.message_id;
  }

  /** Edit an HTML draft, once, without retries: the next streamed update supersedes a failed edit. */
  async editDraft(chatId: number, messageId: number, html: string): Promise<void> {
    await this.telegram.editMessageText(chatId, messageId, undefined, html, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
  }

  /** Replace the inline keyboard under a message (after a vote). */
  async editKeyboard(chatId: number, messageId: number, replyMarkup: InlineKeyboardMarkup): Promise<void> {
    await callWithRetry(
      () => this.telegram.editMessageReplyMarkup(chatId, messageId, undefined, replyMarkup),
      this.retryOptions("editMessageReplyMarkup", chatId),
    );
  }

  /** Answer a callback query (stops the button's spinner; `text` shows as a short toast). */
  async answerCallback(callbackQueryId: string, text: string | undefined): Promise<void> {
    await this.telegram.answerCbQuery(callbackQueryId, text);
  }

  /**
   * An ephemeral streamed preview (Bot API `sendMessageDraft`) in HTML, once, without retries.
   * Empty text shows Telegram's "Thinking…" placeholder.
   */
  async sendNativeDraft(placement: Placement, draftId: number, html: string): Promise<void> {
    // Called through callApi: telegraf 4.16 predates the method and has no typed wrapper.
    const callApi = this.telegram.callApi.bind(this.telegram) as unknown as (
      method: string,
      payload: Record<string, unknown>,
    ) => Promise<unknown>;
    await callApi("sendMessageDraft", {
      chat_id: placement.chatId,
      draft_id: draftId,
      text: html,
      ...(html === "" ? {} : { parse_mode: "HTML" }),
      ...(placement.threadId === undefined ? {} : { message_thread_id: placement.threadId }),
    });
  }

  /** Show "typing…" (it lasts about five seconds on the client). */
  async sendTyping(placement: Placement): Promise<void> {
    await this.telegram.sendChatAction(
      placement.chatId,
      "typing",
      placement.threadId === undefined ? undefined : { message_thread_id: placement.threadId },
    );
  }

  private async send(placement: Placement, text: string, html: boolean): Promise<number> {
    const message = await callWithRetry(
      () => this.telegram.sendMessage(placement.chatId, text, this.extra(placement, html)),
      this.retryOptions("sendMessage", placement.chatId),
    );
    return message.message_id;
  }

  private async edit(
    chatId: number,
    messageId: number,
    text: string,
    html: boolean,
    replyMarkup?: InlineKeyboardMarkup,
  ): Promise<void> {
    await callWithRetry(
      () =>
        this.telegram.editMessageText(chatId, messageId, undefined, text, {
          ...(html ? { parse_mode: "HTML" as const } : {}),
          ...(replyMarkup === undefined ? {} : { reply_markup: replyMarkup }),
          link_preview_options: { is_disabled: true },
        }),
      this.retryOptions("editMessageText", chatId),
    );
  }

  private extra(placement: Placement, html: boolean) {
    return {
      ...(html ? { parse_mode: "HTML" as const } : {}),
      // Answers carry several source links; a preview of the first one would only add noise.
      link_preview_options: { is_disabled: true },
      ...(placement.threadId === undefined ? {} : { message_thread_id: placement.threadId }),
      ...(placement.replyMarkup === undefined ? {} : { reply_markup: placement.replyMarkup }),
      ...(placement.replyToMessageId === undefined
        ? {}
        : {
            reply_parameters: { message_id: placement.replyToMessageId, allow_sending_without_reply: true },
          }),
    };
  }

  private retryOptions(method: string, chatId: number): RetryOptions {
    return {
      ...this.retry,
      onRetry: ({ attempt, delayMs, error }) =>
        this.logger.warn(
          { method, chatId, attempt, delayMs, error: describeError(error) },
          "telegram call failed; retrying",
        ),
    };
  }
}
