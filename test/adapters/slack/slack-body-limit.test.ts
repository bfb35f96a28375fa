import { afterEach, describe, expect, it } from "vitest";
import { type HttpHarness, startHttpHarness } from "./slack-test-harness.ts";

describe("Slack HTTP mode: request bodies over the limit", () => {
  let harness: HttpHarness | undefined;
  afterEach(async () => {
    await harness?.close();
  });

  it("answers a 5 MB body with 413 (not a connection reset), and keeps serving", async () => {
    harness = await startHttpHarness();
    const huge = JSON.stringify({ type: "event_callback", padding: "x".repeat(5 * 1024 * 1024) });
    const result = await harness.postRaw(huge, "application/json");
    expect(result.status).toBe(413);
    const challenge = await harness.postRaw(
      JSON.stringify({ type: "url_verification", challenge: "still-here" }),
      "application/json",
    );
    expect(challenge.status).toBe(200);
    expect(challenge.text).toContain("still-here");
  });
});
