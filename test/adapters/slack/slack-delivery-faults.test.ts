import { afterEach, describe, expect, it } from "vitest";
import { en } from "../../../adapters/texts/en.ts";

const apologyText = en.apology;

import { seededRandom } from "../../wire/seeded-random.ts";
import {
  answerFixture,
  appMention,
  eventEnvelope,
  type HttpHarness,
  startHttpHarness,
} from "./slack-test-harness.ts";

/**
 * Delivery under a busy workspace, at the wire: the fake Web API answers 30% of
 * chat.postMessage and chat.update calls 429 `ratelimited` (Retry-After: 1) and 10% 500, and
 * records any call that reaches a channel inside a window it set. 200 mentions in 200 channels.
 */

const questions = 200;

describe("Slack delivery under 30% ratelimited and 10% 500", () => {
  let harness: HttpHarness | undefined;
  afterEach(async () => {
    await harness?.close();
  });

  it("posts and updates all 200 answers exactly once, never inside a Retry-After window", async () => {
    harness = await startHttpHarness({ stopTimeoutMs: 100 });
    const { api, service } = harness;
    service.answerWith = async (request) => answerFixture({ text: `Answer for ${request.question} [1].` });
    api.faults = {
      methods: ["chat.postMessage", "chat.update"],
      rateLimitedShare: 0.3,
      serverErrorShare: 0.1,
      retryAfterSeconds: 1,
      random: seededRandom(14),
    };
    const posts = [];
    for (let index = 0; index < questions; index++)
      posts.push(
        harness.postEvent(
          eventEnvelope(
            appMention({
              channel: `CFAULT${index}`,
              // One asker each: a single user's burst would wait in their question line instead.
              user: `UASKER${index}`,
              text: `<@UBOTBRIEF> question ${index}`,
              ts: `1721000000.${String(index).padStart(6, "0")}`,
            }),
          ),
        ),
      );
    for (const result of await Promise.all(posts)) expect(result.status).toBe(200);

    const succeeded = (method: string) =>
      api.callsTo(method).filter((call) => call.response?.status === 200 && call.response.body.ok === true);
    // The answer is one thread post after the assistant status, or — when the status call itself
    // was refused — an update of a "searching" placeholder. Either way, once per question.
    const answersIn = (channel?: string) =>
      [...succeeded("chat.postMessage"), ...succeeded("chat.update")].filter(
        (call) =>
          JSON.stringify(call.params).includes("Answer for") &&
          (channel === undefined || call.params.channel === channel),
      );
    await api.waitFor(() => answersIn().length >= questions, 60_000);

    for (let index = 0; index < questions; index++) {
      const channel = `CFAULT${index}`;
      const delivered = answersIn(channel);
      expect(delivered, channel).toHaveLength(1);
      expect(JSON.stringify(delivered[0]?.params)).toContain(`Answer for question ${index} `);
      expect(JSON.stringify(delivered[0]?.params)).not.toContain(apologyText);
    }
    const calls = [...api.callsTo("chat.postMessage"), ...api.callsTo("chat.update")];
    const rateLimited = calls.filter((call) => call.response?.status === 429).length;
    const serverErrors = calls.filter((call) => call.response?.status === 500).length;
    expect(rateLimited / calls.length).toBeGreaterThan(0.2);
    expect(serverErrors / calls.length).toBeGreaterThan(0.05);
    expect(api.windowViolations).toEqual([]);
  }, 90_000);
});
