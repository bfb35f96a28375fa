import type { Briefbot } from "../../src/briefbot.ts";
import type { Config } from "../../src/config.ts";
import type { Logger } from "../../src/logger.ts";

/**
 * The CLI's part in following topics: `ingest`, `subscribe` and `poll` tell followers about the
 * issues they added when a bot is configured (the same messages `serve`'s own polling sends; each
 * story reaches a follower once, whoever sends it).
 */

interface FollowContext {
  config: Config;
  logger: Logger;
  values: { db?: string | undefined };
}

function botConfigured(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN);
}

/** After `ingest` or `poll`: tell followers, when a bot is configured and anyone follows anything. */
export async function tellFollowers(
  briefbot: Briefbot,
  context: FollowContext,
  added: ReadonlyArray<{ doc_id: string }>,
): Promise<void> {
  if (added.length === 0 || !botConfigured(context.config)) return;
  // The configured state, as `serve` uses it: one-off commands otherwise keep theirs in memory.
  const [{ createStateStore }, { StateFollowStore }] = await Promise.all([
    import("../../src/state/create-state-store.ts"),
    import("../../src/follow/state-follow-store.ts"),
  ]);
  const state = await createStateStore(context.config, context.values.db ?? context.config.BRIEFBOT_DB);
  const store = new StateFollowStore(state, { ownsState: true });
  try {
    if ((await store.all()).length === 0) return;
    const [{ configuredFollowDeliveries }, { createFollowNotifier, notifyFollowersOf }] = await Promise.all([
      import("../follow-deliveries.ts"),
      import("../../src/follow/notify-followers.ts"),
    ]);
    const deliveries = await configuredFollowDeliveries(context.config, context.logger);
    const notifier = createFollowNotifier(briefbot, store, deliveries);
    await notifyFollowersOf(notifier, added, context.logger.child({ component: "follow" }));
  } finally {
    await store.close();
  }
}
