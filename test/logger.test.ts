import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { describeError, redactSecrets } from "../src/errors.ts";
import { createLogger } from "../src/logger.ts";

describe("secrets never reach messages or logs", () => {
  it.each([
    ["https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage", "123456789:AAH"],
    ["token xoxb-1234-5678-abcdefghijkl failed", "xoxb-1234"],
    ["app token xapp-1-A0123-456-abcdef", "xapp-1-A0123"],
    ["Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz", "sk-proj-abc"],
  ])("%s", (text, secret) => {
    expect(redactSecrets(text)).not.toContain(secret);
    expect(redactSecrets(text)).toContain("[redacted]");
    expect(describeError(new Error(text))).not.toContain(secret);
  });

  it("keeps ordinary text", () => {
    expect(redactSecrets("Bot 42 answered in 3 s")).toBe("Bot 42 answered in 3 s");
  });

  it("the logger masks tokens in fields and messages", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logger = createLogger("info", sink);
    logger.error({ url: "https://slack.com/api?token=xoxb-1111-2222-abcdefghij" }, "failed");
    logger.warn("retrying https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe");
    const output = lines.join("");
    expect(output).toContain("failed");
    expect(output).not.toContain("xoxb-1111");
    expect(output).not.toContain("AAHdqTcvCH1vGWJx");
  });
});
