import { describe, expect, it } from "vitest";
import { isCommitConflict, retryOnCommitConflict } from "../../src/store/commit-retry.ts";

describe("retryOnCommitConflict", () => {
  it("tries an idempotent write again after LanceDB's commit conflict", async () => {
    let calls = 0;
    const result = await retryOnCommitConflict(async () => {
      calls += 1;
      if (calls < 3)
        throw new Error(
          "Failed to execute merge insert: lance error: Incompatible transaction: This Update transaction is incompatible with concurrent transaction Overwrite at version 2.",
        );
      return "written";
    });
    expect(result).toBe("written");
    expect(calls).toBe(3);
  });

  it("lets any other error through at once", async () => {
    let calls = 0;
    await expect(
      retryOnCommitConflict(async () => {
        calls += 1;
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(calls).toBe(1);
    expect(isCommitConflict(new Error("Commit conflict for version 4"))).toBe(true);
  });

  it("gives up after its attempts", async () => {
    let calls = 0;
    await expect(
      retryOnCommitConflict(async () => {
        calls += 1;
        throw new Error("Retryable commit conflict");
      }),
    ).rejects.toThrow(/commit conflict/);
    expect(calls).toBe(5);
  });
});
