import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LightSegmenter } from "../../src/text/jieba-dictionary.ts";

const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");

const root = join(import.meta.dirname, "..", "..");

/** Chinese runs and mixed lines of the sample briefs, of our own sentences and (when beside the clone) of a Chinese weekly. */
function texts(): string[] {
  const sources = [
    readFileSync(join(root, "data", "kuaixun-2025-03.html"), "utf8"),
    readFileSync(join(root, "data", "china-tech-notes-2025-03-21.txt"), "utf8"),
    "小鹏汽车发布了新一代自动驾驶芯片，国轩高科在斯洛伐克入股电池初创公司。" +
      "大模型的训练成本下降了一半；Arm中国CEO吴雄昂被解职。测试一下这个分词器：4S店、iPhone 16 Pro、" +
      "长江存储的128层闪存，北京市海淀区的中关村。",
  ];
  const weekly = join(root, "..", "shared", "archive", "tw93-weekly");
  if (existsSync(weekly)) {
    for (const file of readdirSync(weekly, { recursive: true, encoding: "utf8" }).sort().slice(0, 20)) {
      if (file.endsWith(".md")) sources.push(readFileSync(join(weekly, file), "utf8"));
    }
  }
  const runs = new Set<string>();
  for (const source of sources)
    for (const match of source.normalize("NFKC").matchAll(/[\u3400-\u9fff]+|[^\n]{1,80}/gu))
      runs.add(match[0]);
  return [...runs];
}

/** Taught words as the lexicon teaches them: new names, a dictionary word (芯片), a word taught twice with two tags. */
const taught = [
  "小鹏汽车 50000 nz",
  "国轩高科 50000 nz",
  "芯片 50000 nz",
  "测试一下 50000 n",
  "小鹏汽车 50000 n",
];

function segmentations(jieba: InstanceType<typeof Jieba>, text: string): unknown {
  return [jieba.cutForSearch(text, true), jieba.cut(text, true), jieba.tag(text, true)];
}

describe("LightSegmenter", () => {
  it("segments every text exactly as jieba with its whole dictionary and the same taught words", () => {
    const light = LightSegmenter.create();
    if (light === undefined) throw new Error("the sorted jieba dictionary could not be built");
    const whole = Jieba.withDict(readFileSync(require.resolve("@node-rs/jieba/dict.txt")));
    light.teach(taught.slice(0, 3));
    whole.loadDict(Buffer.from(taught.slice(0, 3).join("\n")));
    // Taught in two rounds, as a store's learned pairs arrive after the glossary's.
    light.teach(taught.slice(3));
    whole.loadDict(Buffer.from(taught.slice(3).join("\n")));
    const all = texts();
    expect(all.length).toBeGreaterThan(50);
    const differing = all.filter(
      (text) =>
        JSON.stringify(segmentations(light.segmenterFor(text), text)) !==
        JSON.stringify(segmentations(whole, text)),
    );
    expect(differing).toEqual([]);
    // The taught words are used: a name jieba's own dictionary lacks stays whole.
    expect(light.segmenterFor("小鹏汽车发布").cut("小鹏汽车发布", true)).toContain("小鹏汽车");
  });

  it("gives way to the whole dictionary once a process has segmented a lot", () => {
    const light = LightSegmenter.create();
    if (light === undefined) throw new Error("the sorted jieba dictionary could not be built");
    expect(light.affords("小鹏汽车的销量是多少")).toBe(true);
    const long = "国轩高科在欧洲入股了电池初创公司".repeat(100);
    expect(light.affords(long)).toBe(false);
    let segmented = 0;
    const sentence = "长江存储的闪存芯片在北京发布";
    while (light.affords(sentence) && segmented < 10_000) {
      light.segmenterFor(sentence);
      segmented += 1;
    }
    expect(segmented).toBeGreaterThan(10);
    expect(segmented).toBeLessThan(10_000);
  });
});
