/**
 * `/brief`: a question answered only to the asker, or a follow subcommand (`follow <topic>`,
 * `unfollow <topic>`, `following`) answered in the ack. Checked against the allowed channels
 * and DMs like every other input.
 */

import type { App } from "@slack/bolt";
import { describeError } from "../../src/errors.ts";
import { answerSlashCommand, type EphemeralResponder } from "./answer-slash-command.ts";
import { followReply, readFollowRequest } from "./follow-commands.ts";
import { aiCallsFor } from "./slack-ai-calls.ts";
import type { ListenerDependencies } from "./slack-listeners.ts";
import { questionFromSlackText } from "./slack-text.ts";
import { textsForUser } from "./user-texts.ts";

/** The one slash command briefbot registers (see slack-app-manifest.yaml). */
export const slashCommandName = "/brief";

export function registerBriefCommand(app: App, dependencies: ListenerDependencies): void {
  const { logger } = dependencies;
  app.command(slashCommandName, async ({ command, ack, respond, context, client }) => {
    const channel = command.channel_id;
    const isDirectMessage = channel.startsWith("D") || command.channel_name === "directmessage";
    const allowed = isDirectMessage
      ? dependencies.allowDms
      : dependencies.allowedChannels === undefined || dependencies.allowedChannels.has(channel);
    if (!allowed) {
      // Slack needs the ack either way; an empty one shows nothing to the user.
      await ack();
      logger.debug({ channel }, "slack: /brief outside the allowed channels");
      return;
    }
    const question = questionFromSlackText(command.text, context.botUserId);
    // Within Slack's 3 s ack window: the locale lookup only when the question has no language of its own.
    const texts = await textsForUser(
      aiCallsFor(client, dependencies.locales),
      command.user_id,
      question,
      logger,
    );
    if (question === "") {
      await ack({ response_type: "ephemeral", text: texts.slackAskUsage });
      return;
    }
    const followRequest = readFollowRequest(question);
    if (followRequest !== null) {
      // Fast (one read or write of the store), so the reply is the ack itself, within Slack's 3 s.
      const reply = await followReply(followRequest, command.user_id, texts, dependencies.following).catch(
        (error: unknown) => {
          logger.error(
            { user: command.user_id, err: describeError(error) },
            "slack: a follow command failed",
          );
          return texts.apology;
        },
      );
      await ack({ response_type: "ephemeral", text: reply });
      return;
    }
    await ack({ response_type: "ephemeral", text: texts.searching });
    await dependencies.tasks.track(
      answerSlashCommand(
        {
          question,
          // Per person and channel: slash answers are private, so follow-ups are too.
          conversationId: `slack:${channel}:command:${command.user_id}`,
          channel,
          user: command.user_id,
        },
        texts,
        respond as EphemeralResponder,
        dependencies,
      ),
    );
  });
}
