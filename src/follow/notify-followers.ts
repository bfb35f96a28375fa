import type { Logger } from "../logger.ts";
import type { FollowDelivery } from "./follow-delivery.ts";
import type { MatchedStory } from "./follow-notifier.ts";
import { FollowNotifier, type NotifyReport } from "./follow-notifier.ts";
import type { FollowStore } from "./follow-store.ts";

/** What the notifier needs of the core: the answer search and gate, limited to some issues. */
export interface StoryMatcher {
  storiesAbout(topic: string, docIds: string[]): Promise<MatchedStory[]>;
}

/** A notifier over the core's search (`Briefbot.storiesAbout`) and the given deliveries. */
export function createFollowNotifier(
  matcher: StoryMatcher,
  store: FollowStore,
  deliveries: readonly FollowDelivery[],
): FollowNotifier {
  return new FollowNotifier({
    store,
    match: (topic, docIds) => matcher.storiesAbout(topic, docIds),
    deliveries,
  });
}

/**
 * After an ingest or a poll: tell followers about the issues it added, and log what happened.
 * Never throws: the ingest is done and kept whatever happens to the messages.
 */
export async function notifyFollowersOf(
  notifier: FollowNotifier,
  added: ReadonlyArray<{ doc_id: string }>,
  logger: Logger,
): Promise<NotifyReport | null> {
  if (added.length === 0) return null;
  try {
    const report = await notifier.notifyNewIssues(added.map((issue) => issue.doc_id));
    if (
      report.messages > 0 ||
      report.failures.length > 0 ||
      report.unreachable > 0 ||
      report.removed.length > 0
    )
      logger.info(
        {
          issues: added.length,
          messages: report.messages,
          stories: report.stories,
          unreachable: report.unreachable,
          removed: report.removed,
          failures: report.failures,
        },
        "told followers about new issues",
      );
    return report;
  } catch (error) {
    logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      "telling followers failed",
    );
    return null;
  }
}
