import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signSlackRequest, verifySlackSignature } from "../../../adapters/slack/slack-signature.ts";

const secret = "8f742231b10e8888abcd99yyyzzz85a5";
const nowMs = 1_531_420_618_000;
const body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fbrief&text=hi";

describe("signSlackRequest", () => {
  it("is v0= + hex HMAC-SHA256 of v0:<timestamp>:<body>", () => {
    const expected = `v0=${createHmac("sha256", secret).update(`v0:1531420618:${body}`).digest("hex")}`;
    expect(signSlackRequest(secret, "1531420618", body)).toBe(expected);
  });
});

describe("verifySlackSignature", () => {
  const valid = signSlackRequest(secret, "1531420618", body);
  it.each([
    { name: "valid", timestamp: "1531420618", signature: valid, rawBody: body, expected: "valid" },
    {
      name: "4 min old",
      timestamp: "1531420378",
      signature: signSlackRequest(secret, "1531420378", body),
      rawBody: body,
      expected: "valid",
    },
    {
      name: "6 min old",
      timestamp: "1531420258",
      signature: signSlackRequest(secret, "1531420258", body),
      rawBody: body,
      expected: "stale",
    },
    {
      name: "6 min in the future",
      timestamp: "1531420978",
      signature: signSlackRequest(secret, "1531420978", body),
      rawBody: body,
      expected: "stale",
    },
    {
      name: "body changed",
      timestamp: "1531420618",
      signature: valid,
      rawBody: `${body}x`,
      expected: "mismatch",
    },
    {
      name: "other secret",
      timestamp: "1531420618",
      signature: signSlackRequest("other", "1531420618", body),
      rawBody: body,
      expected: "mismatch",
    },
    {
      name: "truncated signature",
      timestamp: "1531420618",
      signature: valid.slice(0, 10),
      rawBody: body,
      expected: "mismatch",
    },
    {
      name: "no signature",
      timestamp: "1531420618",
      signature: undefined,
      rawBody: body,
      expected: "missing",
    },
    { name: "no timestamp", timestamp: undefined, signature: valid, rawBody: body, expected: "missing" },
    { name: "garbage timestamp", timestamp: "12abc", signature: valid, rawBody: body, expected: "missing" },
  ])("$name → $expected", ({ timestamp, signature, rawBody, expected }) => {
    expect(verifySlackSignature({ signingSecret: secret, rawBody, timestamp, signature, nowMs })).toBe(
      expected,
    );
  });
});
