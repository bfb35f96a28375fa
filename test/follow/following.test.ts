import { describe, expect, it } from "vitest";
import { Following, MAX_TOPIC_CHARACTERS, MAX_TOPICS_PER_FOLLOWER } from "../../src/follow/following.ts";
import { MemoryFollowStore } from "../../src/follow/memory-follow-store.ts";

const reader = { platform: "telegram", address: "77" };
const now = () => new Date("2026-06-01T00:00:00Z");

describe("Following: the rules of /follow on every platform", () => {
  it("follows a topic once however it is typed, and unfollows it the same way", async () => {
    const following = new Following(new MemoryFollowStore(), now);
    expect(await following.follow(reader, "  Heat   Pumps ")).toEqual({
      kind: "followed",
      topic: "heat pumps",
    });
    expect(await following.follow(reader, "heat pumps")).toEqual({
      kind: "already following",
      topic: "heat pumps",
    });
    expect(await following.unfollow(reader, "HEAT pumps")).toBe("heat pumps");
    expect(await following.unfollow(reader, "heat pumps")).toBeNull();
  });

  it.each([
    ["", { kind: "empty" }],
    [" -- ", { kind: "empty" }],
    ["x".repeat(MAX_TOPIC_CHARACTERS + 1), { kind: "too long", limit: MAX_TOPIC_CHARACTERS }],
  ])("refuses %j", async (topic, outcome) => {
    const following = new Following(new MemoryFollowStore(), now);
    expect(await following.follow(reader, topic)).toEqual(outcome);
    expect(await following.topicsOf(reader)).toEqual([]);
  });

  it("counts characters, not UTF-16 units, so a Chinese topic at the limit is kept", async () => {
    const following = new Following(new MemoryFollowStore(), now);
    const topic = "储".repeat(MAX_TOPIC_CHARACTERS);
    expect(await following.follow(reader, topic)).toEqual({ kind: "followed", topic });
  });

  it("keeps at most MAX_TOPICS_PER_FOLLOWER topics per follower; unfollowAll clears them", async () => {
    const following = new Following(new MemoryFollowStore(), now);
    for (let index = 0; index < MAX_TOPICS_PER_FOLLOWER; index += 1)
      expect((await following.follow(reader, `topic ${index}`)).kind).toBe("followed");
    expect(await following.follow(reader, "one more")).toEqual({
      kind: "too many",
      limit: MAX_TOPICS_PER_FOLLOWER,
    });
    // Another follower is not affected.
    expect((await following.follow({ platform: "slack", address: "U1" }, "one more")).kind).toBe("followed");
    expect(await following.unfollowAll(reader)).toBe(MAX_TOPICS_PER_FOLLOWER);
    expect(await following.topicsOf(reader)).toEqual([]);
  });
});
