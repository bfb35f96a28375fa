import { describe, expect, it } from "vitest";
import { readFollowRequest } from "../../../adapters/slack/follow-commands.ts";

describe("readFollowRequest: /brief subcommands versus questions", () => {
  it.each([
    ["follow sodium-ion batteries", { command: "follow", topic: "sodium-ion batteries" }],
    ["Follow   RISC-V\n", { command: "follow", topic: "RISC-V" }],
    ["follow", { command: "follow", topic: "" }],
    ["follow 储能", { command: "follow", topic: "储能" }],
    ["unfollow heat pumps", { command: "unfollow", topic: "heat pumps" }],
    ["unfollow", { command: "unfollow", topic: "" }],
    ["following", { command: "following", topic: "" }],
    ["FOLLOWING ", { command: "following", topic: "" }],
  ])("%j is a follow command", (text, expected) => {
    expect(readFollowRequest(text)).toEqual(expected);
  });

  it.each([
    "following the IPO, what did Arm say about China?",
    "what should I follow?",
    "followers of the open-source models",
    "unfollowed accounts on X",
    "",
  ])("%j is a question", (text) => {
    expect(readFollowRequest(text)).toBeNull();
  });
});
