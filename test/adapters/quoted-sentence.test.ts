import { describe, expect, it } from "vitest";
import { quotedSentence } from "../../adapters/quoted-sentence.ts";
import type { Citation } from "../../src/answer/answer-types.ts";

function citation(n: number, quote: string): Citation {
  return {
    n,
    id: `c${n}`,
    docId: `d${n}`,
    publication: "Relay Weekly",
    title: "Relay Weekly #12",
    story: "Harbor 2.4",
    date: "2026-03-04",
    url: null,
    path: "relay.md",
    quote,
  };
}

describe("quotedSentence", () => {
  const text =
    "Harbor 2.4 caps inbound connections, with the default set to 125 peers. [1]\nThe same item in the Chinese edition: [2]";

  it("shows the sentence the citing answer sentence draws on", () => {
    const quote =
      "Harbor 2.4 was tagged on Monday. Harbor 2.4 caps inbound connections, with the default set to 125 peers.";
    expect(quotedSentence({ text }, citation(1, quote))).toBe(
      "Harbor 2.4 caps inbound connections, with the default set to 125 peers.",
    );
  });

  it("for a line that only points at a source, shows the sentence closest to the whole answer", () => {
    const quote = "该版本还移除了旧版握手。默认值为 125 个对等节点，Harbor 2.4 限制入站连接。";
    expect(quotedSentence({ text }, citation(2, quote))).toBe(
      "默认值为 125 个对等节点，Harbor 2.4 限制入站连接。",
    );
  });

  it("reads a marker after a sentence's full stop as that sentence's, not the next one's", () => {
    const two = { text: "Alpha ships a new scheduler. [1] Beta adds a read cache. [2]" };
    const quote = "Beta adds a read cache too. Alpha ships a new scheduler for batch jobs.";
    expect(quotedSentence(two, citation(1, quote))).toBe("Alpha ships a new scheduler for batch jobs.");
    expect(quotedSentence(two, citation(2, quote))).toBe("Beta adds a read cache too.");
  });

  it("reads a marker as citing every sentence since the previous marker", () => {
    const paragraph = { text: "Gamma adds a flag for peers. The release also drops the old handshake. [1]" };
    const quote = "Gamma adds a flag for peers, with a default of 125. The old handshake is gone.";
    expect(quotedSentence(paragraph, citation(1, quote))).toBe(
      "Gamma adds a flag for peers, with a default of 125.",
    );
  });

  it("shows the first sentence of a source no answer sentence cites", () => {
    expect(quotedSentence({ text }, citation(3, "First one. Second one."))).toBe("First one.");
  });
});
