import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { learnPairs } from "../../src/lexicon/learn-pairs.ts";
import { Lexicon, maxEnrichmentTerms, maxExpansionTerms, parseGlossary } from "../../src/lexicon/lexicon.ts";
import { isStopword, properNouns, segmentWords, taughtNamesIn, tokenize } from "../../src/text/segment.ts";

let lexicon: Lexicon;
beforeAll(() => {
  lexicon = Lexicon.load();
}, 30_000);

const expansionOf = (question: string) => lexicon.expandQuery(question).filter((term) => term.weight < 1);
const expandedTerms = (question: string) => expansionOf(question).map((term) => term.term);

describe("parseGlossary", () => {
  it("reads names and aliases, skips comments and malformed lines", () => {
    const text = "# comment\n\n马云\tJack Ma|Ma Yun\nno tab here\n腾讯\t Tencent \n";
    expect(parseGlossary(text)).toEqual([
      { zh: "马云", en: ["Jack Ma", "Ma Yun"] },
      { zh: "腾讯", en: ["Tencent"] },
    ]);
  });

  it("the bundled glossary is large and well formed", () => {
    const text = readFileSync(new URL("../../src/lexicon/glossary.tsv", import.meta.url), "utf8");
    const entries = parseGlossary(text);
    expect(entries.length).toBeGreaterThan(400);
    const dataLines = text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
    expect(dataLines.length).toBe(entries.length);
  });
});

describe("Chinese → English", () => {
  it.each([
    ["腾讯", "tencent"],
    ["拼多多", "pinduoduo"],
    ["字节跳动", "bytedance"],
    ["超级计算机", "supercomputer"],
    ["国内生产总值", "gdp"],
    ["宁德时代", "catl"],
    ["国轩高科", "gotion"],
    ["当当网", "dangdang"],
    ["英伟达", "nvidia"],
  ])("%s → %s", (chinese, english) => {
    expect(expandedTerms(chinese)).toContain(english);
  });
});

describe("English → Chinese", () => {
  it.each([
    ["Tencent", "腾讯"],
    ["What did Pinduoduo do?", "拼多多"],
    ["ByteDance", "字节跳动"],
    ["Deutsche Bank", "德意志银行"],
    ["CATL", "宁德时代"],
    ["Arm China", "安谋中国"],
    ["battery", "电池"],
  ])("%s → %s", (english, chinese) => {
    expect(expandedTerms(english)).toContain(chinese);
  });

  it("a hyphenated compound the dictionary lacks is translated piece by piece", () => {
    // The dictionary has neither "battery-maker" nor "supplier-side"; their pieces it has.
    expect(expandedTerms("a battery-maker")).toContain("电池");
    expect(expandedTerms("the supplier-side view")).toContain("供应商");
  });

  it("teaches glossary terms as plain nouns and glossary names as names", () => {
    // 网约车 → "ride-hailing" is a term: no name a question's answer must hold.
    expect(properNouns("某网约车巨头推出的框架")).not.toContain("网约车");
    expect(taughtNamesIn("来自滴滴的团队")).toContain("滴滴");
  });

  it("offers first the translations the store holds", () => {
    // CEDICT's first words for "supplier" are 供应商, 供货商; a store using only 供应者 gets it.
    expect(expandedTerms("the supplier")).not.toContain("供应者");
    const held = new Set(["供应者"]);
    const terms = lexicon
      .expandQuery("the supplier", (term) => held.has(term))
      .filter((term) => term.weight < 1)
      .map((term) => term.term);
    expect(terms).toContain("供应者");
  });

  it("a capitalised one-word name needs capitals: Arm the company, not arm the limb", () => {
    expect(expandedTerms("Arm licenses chip designs")).toContain("安谋");
    expect(expandedTerms("he broke his arm")).not.toContain("安谋");
  });
});

describe("expandQuery", () => {
  it("keeps the question's own tokens at weight 1 first", () => {
    const terms = lexicon.expandQuery("腾讯的小程序");
    const own = tokenize("腾讯的小程序");
    expect(terms.slice(0, own.length)).toEqual(own.map((term) => ({ term, weight: 1 })));
  });

  it("weights names above single-sense words above many-sense words", () => {
    const weightOf = (question: string, term: string) =>
      expansionOf(question).find((candidate) => candidate.term === term)?.weight;
    const name = weightOf("腾讯", "tencent") ?? 0;
    const singleSense = weightOf("超级计算机", "supercomputer") ?? 0;
    const manySenses = weightOf("进攻", "attack") ?? 0;
    expect(name).toBeGreaterThan(singleSense);
    expect(singleSense).toBeGreaterThan(manySenses);
    expect(manySenses).toBeGreaterThan(0);
    for (const term of expansionOf("马斯克怎么评价小鹏在无人驾驶上的投入?")) {
      expect(term.weight).toBeLessThanOrEqual(0.6);
      expect(term.weight).toBeGreaterThan(0);
    }
  });

  it("caps the expansion so a long ambiguous question cannot flood the query", () => {
    const question =
      "打开 工作 分 张 开 打 行 发 make take run set play point line work get hold turn keep draw charge";
    const expansion = expansionOf(question);
    expect(expansion.length).toBeLessThanOrEqual(maxExpansionTerms);
  });

  it("gives an ambiguous word few, low-weight translations", () => {
    // 工作 has five senses in CEDICT; 张 is a single character (and a surname): not expanded at all.
    const work = expansionOf("工作");
    expect(work.length).toBeLessThanOrEqual(3);
    for (const term of work) expect(term.weight).toBeLessThanOrEqual(0.3);
    expect(expansionOf("张")).toEqual([]);
  });

  it("never expands stopwords or question words", () => {
    expect(expansionOf("的 了 是 什么 多久 哪家")).toEqual([]);
    expect(expansionOf("what which how the of according")).toEqual([]);
  });

  it("emits translation terms as index tokens", () => {
    // Chinese terms are what jieba's search mode emits (the word and its sub-words), English ones folded.
    for (const { term } of expansionOf("Which battery start-ups did Gotion invest in Europe?")) {
      expect(tokenize(term)).toContain(term);
    }
    for (const { term } of expansionOf("国轩高科在欧洲入股了哪家电池初创公司?")) {
      expect(tokenize(term)).toEqual([term]);
      expect(isStopword(term)).toBe(false);
    }
  });
});

describe("Lexicon.load", () => {
  it("teaches jieba the glossary's names", () => {
    expect(segmentWords("国轩高科在欧洲")).toContain("国轩高科");
  });

  it("reads an operator glossary, whose names win", () => {
    const directory = mkdtempSync(join(tmpdir(), "briefbot-glossary-"));
    const path = join(directory, "extra.tsv");
    writeFileSync(path, "# operator entries\n星火科创\tSparkfire Labs\n");
    const withExtra = Lexicon.load({ extraGlossaryPath: path });
    expect(withExtra.expandQuery("星火科创").map((term) => term.term)).toContain("sparkfire");
    expect(withExtra.expandQuery("Sparkfire Labs").map((term) => term.term)).toContain("星火科创");
  });
});

describe("addPairs", () => {
  it("uses pairs learned from the text in both directions", () => {
    const local = Lexicon.load();
    local.addPairs(learnPairs("公司宣布与蓝鲸智联（Bluewhale Link）合作"));
    expect(local.expandQuery("蓝鲸智联").map((term) => term.term)).toContain("bluewhale");
    expect(local.expandQuery("What did Bluewhale Link announce?").map((term) => term.term)).toContain(
      "蓝鲸智联",
    );
  });
});

describe("words learned from pairs", () => {
  it("are names when the English is one, and plain terms otherwise", () => {
    const local = Lexicon.load();
    local.addPairs([
      { zh: "灰隼智算", en: "Greyhawk Compute", via: "parenthesis" },
      { zh: "端口回执", en: "port receipts", via: "parenthesis" },
    ]);
    const names = properNouns("灰隼智算说，过量的端口回执会拖慢节点。");
    expect(names).toContain("灰隼智算");
    expect(names).not.toContain("端口回执");
  });
});

describe("Chinese people's names no dictionary holds", () => {
  it("searches for them in pinyin, counted as the name they stand for", () => {
    const romanised = expansionOf("钟书岚去了哪家公司？").filter((term) => term.concept === "钟书岚");
    expect(romanised.map((term) => term.term)).toEqual(["shulan", "zhong"]);
  });

  it("indexes a Chinese chunk's people under their pinyin, and glosses them", () => {
    expect(lexicon.enrichmentTerms("钟书岚上周离开了公司。")).toEqual(
      expect.arrayContaining(["shulan", "zhong"]),
    );
    expect(lexicon.glossEntities("钟书岚上周离开了公司。", "en")).toContainEqual({
      source: "钟书岚",
      gloss: "Zhong Shulan",
    });
  });

  it("leaves a word that does not read as a name alone", () => {
    expect(expansionOf("这时才发现").map((term) => term.concept)).not.toContain("时才");
  });
});

describe("enrichmentTerms", () => {
  it("adds English names to a Chinese chunk", () => {
    const terms = lexicon.enrichmentTerms("宁德时代与天赐材料解绑,国轩高科在斯洛伐克入股电池初创公司。");
    expect(terms).toEqual(expect.arrayContaining(["catl", "tinci", "gotion", "slovakia"]));
  });

  it("adds Chinese names to an English chunk, including CEDICT place names", () => {
    const terms = lexicon.enrichmentTerms(
      "Gotion bought a stake in Slovakia-based InoBat; CATL works with Ford.",
    );
    expect(terms).toEqual(expect.arrayContaining(["国轩高科", "宁德时代", "福特", "斯洛伐克"]));
  });

  it("stays selective: capped, no stopwords, nothing the chunk already has", () => {
    const chinese = readFileSync(new URL("../../src/lexicon/glossary.tsv", import.meta.url), "utf8")
      .split("\n")
      .filter((line) => line.includes("\t") && !line.startsWith("#"))
      .map((line) => line.split("\t")[0])
      .join(",");
    const terms = lexicon.enrichmentTerms(chinese);
    expect(terms.length).toBeLessThanOrEqual(maxEnrichmentTerms);
    const plain = lexicon.enrichmentTerms("他说我们今天去了那里,然后就回来了。");
    expect(plain.length).toBeLessThanOrEqual(3);
    const present = new Set(tokenize("Tencent 腾讯"));
    for (const term of lexicon.enrichmentTerms("Tencent 腾讯")) expect(present.has(term)).toBe(false);
  });
});

describe("glossEntities", () => {
  it("names Chinese entities in English", () => {
    expect(lexicon.glossEntities("腾讯和拼多多在深圳", "en")).toEqual([
      { source: "腾讯", gloss: "Tencent" },
      { source: "拼多多", gloss: "Pinduoduo" },
      { source: "深圳", gloss: "Shenzhen" },
    ]);
  });

  it("names English entities in Chinese", () => {
    expect(lexicon.glossEntities("Deutsche Bank warns; Nvidia and Tesla fall in Slovakia", "zh")).toEqual([
      { source: "Deutsche Bank", gloss: "德意志银行" },
      { source: "Nvidia", gloss: "英伟达" },
      { source: "Tesla", gloss: "特斯拉" },
      { source: "Slovakia", gloss: "斯洛伐克" },
    ]);
  });

  it("does not gloss an acronym that names different things in different briefs", () => {
    // SIG is a Kubernetes special interest group as often as Susquehanna International Group.
    const glosses = lexicon.glossEntities("Saad stepped down as co-chair of SIG Storage.", "zh");
    expect(glosses.map((entity) => entity.gloss)).not.toContain("海纳国际集团");
    expect(lexicon.glossEntities("Susquehanna International Group backed it.", "zh")).toContainEqual({
      source: "Susquehanna International Group",
      gloss: "海纳国际集团",
    });
  });
});

const devPath = "/work/shared/eval/dev.jsonl";
interface DevQuestion {
  id: string;
  question: string;
  gold: string[];
  kind: string;
}

describe.runIf(existsSync(devPath) && existsSync("/work/shared/corpus"))("crosslingual dev questions", () => {
  const questions = existsSync(devPath)
    ? readFileSync(devPath, "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as DevQuestion)
        .filter((question) => question.kind === "crosslingual")
    : [];

  it("has the four crosslingual questions", () => {
    expect(questions.length).toBeGreaterThanOrEqual(4);
  });

  // Proxy for retrieval: the expanded query must share ≥ 2 meaningful terms with what the gold
  // passage is indexed under (its tokens plus its enrichment terms). `briefbot eval` is the real test.
  it.each(questions.map((question) => [question.id, question] as const))(
    "%s reaches its gold",
    (_id, question) => {
      const indexed = new Set(
        question.gold.flatMap((gold) => [...tokenize(gold), ...lexicon.enrichmentTerms(gold)]),
      );
      const shared = lexicon
        .expandQuery(question.question)
        .map((term) => term.term)
        .filter((term) => indexed.has(term) && !isStopword(term) && [...term].length > 1);
      expect(shared.length, `shared: ${shared.join(" ")}`).toBeGreaterThanOrEqual(2);
    },
  );
});

describe("glossary names jieba holds as plain nouns", () => {
  it("are names in an answer's text; the glossary's terms are not", () => {
    Lexicon.load();
    expect(taughtNamesIn("我们收到了来自滴滴法务团队的侵权通知。")).toContain("滴滴");
    expect(properNouns("我们收到了来自滴滴法务团队的侵权通知。")).not.toContain("滴滴");
    // 小程序 → "mini program" is a term of the glossary, no name.
    expect(taughtNamesIn("他们上线了一个小程序。")).not.toContain("小程序");
  });
});
