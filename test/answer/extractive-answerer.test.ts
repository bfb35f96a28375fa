import { describe, expect, it } from "vitest";
import {
  createExtractiveAnswerer,
  looksLikeTableOrListing,
  stripFootnoteMarkers,
} from "../../src/answer/extractive-answerer.ts";
import { Lexicon } from "../../src/lexicon/lexicon.ts";
import { readQuestionVerbs } from "../../src/question/question-verbs.ts";
import { planQuery } from "../../src/retrieve/query-plan.ts";
import { TermStatistics } from "../../src/retrieve/term-statistics.ts";
import { tokenize } from "../../src/text/segment.ts";
import { extractiveAsker, passage, statisticsOf } from "./answer-fixtures.ts";

const passages = [
  passage(
    "a",
    "BYD results",
    "BYD sold about 4.27 million vehicles in 2024. It also opened a plant in Hungary. The stock rose.",
  ),
  passage(
    "b",
    "Tesla deliveries",
    "Tesla delivered about 1.79 million cars in 2024. Tesla deliveries declined for the first time in a decade.",
  ),
  passage("c", "宁德时代", "宁德时代在匈牙利建设电池工厂，规划产能为100吉瓦时。"),
  passage(
    "d",
    "Arm China",
    "Arm China was wrestled away by its former chief Allen Wu in 2021. Arm's CEO Rene Haas (Credit: VCG)",
  ),
];
const statistics = statisticsOf(passages);
// A Chinese story about nothing the Chinese questions below ask: the other passage read beside theirs.
const unrelatedChinese = passage("zh-other", "好电影推荐", "周末可以看一部很好看的泰国电影。", {
  lang: "zh",
});

async function ask(
  question: string,
  lang: "en" | "zh" = "en",
  glossEntities?: Parameters<typeof createExtractiveAnswerer>[0]["glossEntities"],
) {
  const answerer = createExtractiveAnswerer({ statistics: () => statistics, glossEntities });
  return answerer.answer({ question, lang, passages, history: [], queryTerms: planQuery(question).terms });
}

describe("extractive answerer", () => {
  it("quotes the best sentence with the number of its passage", async () => {
    const draft = await ask("How many vehicles did BYD sell in 2024?");
    expect(draft.answered).toBe(true);
    expect(draft.text).toMatch(/^BYD sold about 4\.27 million vehicles in 2024\. \[1\]/);
  });

  it("gives consecutive sentences of one passage a single marker", async () => {
    const draft = await ask(
      "How many cars did Tesla deliver in 2024, and did deliveries decline for the first time in a decade?",
    );
    expect(draft.text).toContain(
      "Tesla delivered about 1.79 million cars in 2024. Tesla deliveries declined for the first time in a decade. [2]",
    );
    expect(draft.text.match(/\[2\]/g)).toHaveLength(1);
  });

  it.each([
    ["a question the passages do not touch", "Who won the football final?"],
    ["a 'when' question with no date in the covering sentences", "When did BYD open the Hungary plant?"],
    ["a 'who' question whose sentences name nobody new", "Who runs the BYD plant in Hungary?"],
    ["a two-word question whose sentences share only the name", "What did BYD earn?"],
  ])("refuses %s", async (_name, question) => {
    expect((await ask(question)).answered).toBe(false);
  });

  it("answers a 'who' question with a name the question did not give", async () => {
    const draft = await ask("Who wrestled Arm China away in 2021?");
    expect(draft.answered).toBe(true);
    expect(draft.text).toContain("Allen Wu");
    expect(draft.text).not.toContain("Credit");
  });

  it("answers in Chinese from the Chinese passage", async () => {
    const draft = await ask("宁德时代在匈牙利的工厂规划产能是多少？", "zh");
    expect(draft.text).toContain("100吉瓦时");
  });

  it("names the asked-about entities in the asker's language when quoting the other one", async () => {
    const draft = await ask("宁德时代匈牙利工厂产能多少？", "en", () => [
      { source: "宁德时代", gloss: "CATL" },
      { source: "吉瓦时", gloss: "GWh" },
    ]);
    expect(draft.text).toContain("Key names: 宁德时代 (CATL)");
    expect(draft.text).not.toContain("GWh");
  });

  it("does not lead with, or add, an asker's-language sentence that shares only one word", async () => {
    const mixed = [
      passage(
        "g",
        "Gotion opens a plant in Germany",
        "VW-backed Gotion has started operations at its first overseas plant, on course for its global ambitions.",
      ),
      passage("h", "如何破坏一个组织", "战略情报局编写了一本小册子，散发给德国和占领区民众。"),
      passage("i", "电动车", "过去的汽油车是由美国、德国和日本汽车制造商主导的。"),
    ];
    const mixedStatistics = TermStatistics.fromSearchTexts(
      [...mixed, ...passages].map((item) => tokenize(`${item.story} ${item.text}`).join(" ")),
    );
    const answerer = createExtractiveAnswerer({ statistics: () => mixedStatistics });
    const question = "国轩高科在德国做了什么？";
    const draft = await answerer.answer({
      question,
      lang: "zh",
      passages: mixed,
      history: [],
      // The plan Briefbot makes with the lexicon (which teaches jieba 国轩高科) and its translations.
      queryTerms: [
        { term: "国轩高科", weight: 1 },
        { term: "德国", weight: 1 },
        { term: "做", weight: 1 },
        { term: "gotion", weight: 0.6, concept: "国轩高科" },
        { term: "germany", weight: 0.6, concept: "德国" },
      ],
    });
    expect(draft.answered).toBe(true);
    expect(draft.text).toMatch(
      /^VW-backed Gotion has started operations at its first overseas plant, on course for its global ambitions\. \[1\]$/,
    );
  });
});

describe("extractive answer runs as the brief does", () => {
  it("fills the sentence between two windows it quotes from one passage", async () => {
    const story = [
      "Rover Code adds shared rooms where teams and coding agents write and ship software together.",
      "The work stays inside the chat app rather than a browser tab.",
      "Each task gets a temporary room that closes itself when the job is done.",
      "Everyone in the room can follow the work of the agents.",
    ];
    const rover = [passage("r", "Rover Code", story.join(" "))];
    const ask = extractiveAsker([...passages, ...rover]);
    const draft = await ask(
      rover,
      "What happens to a Rover Code room once the agents have finished their work?",
    );
    expect(draft.answered).toBe(true);
    const quoted = story.filter((sentence) => draft.text.includes(sentence));
    expect(quoted.length).toBeGreaterThan(1);
    // The quoted sentences are a run of the story: none skipped between the first and the last.
    const first = story.indexOf(quoted[0]!);
    expect(quoted).toEqual(story.slice(first, first + quoted.length));
    expect(draft.text).toContain("closes itself when the job is done");
  });
});

describe("whose questions", () => {
  const stories = [
    passage(
      "w1",
      "Acme research",
      "Originally developed by Acme's AI lab, Torchy combines Python's flexibility with fast deep learning.",
    ),
    passage(
      "w2",
      "Support bot flaw",
      "Acme switched on an AI support bot in March. Through it, attackers took over Dana Whitfield's account in minutes.",
    ),
  ];
  const askOver = extractiveAsker([...passages, ...stories]);

  it("answers with the sentence naming what belonged to the person", async () => {
    const draft = await askOver(stories, "Whose account got taken over through Acme's AI support bot?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Dana Whitfield's account");
  });

  it("does not take a name near the question's other words for the owner", async () => {
    const draft = await askOver([stories[0]!], "Whose account got taken over through Acme's AI support bot?");
    expect(draft.coverage).not.toBe("full");
    expect(draft.text).not.toMatch(/^Originally/);
  });
});

describe("which and who questions in the asker's language", () => {
  const told = passage(
    "n1",
    "Profile",
    "Dana Whitfield attended Lakeside University before she joined Acme in 2019.",
  );
  const untold = passage(
    "n2",
    "Sponsors",
    "Dana Whitfield raised concerns that Acme sponsors could add problems for Orbit users.",
  );
  const askOver = extractiveAsker([...passages, told, untold]);

  it("answers from a sentence telling what was asked about the name", async () => {
    const draft = await askOver([told], "Which university did Dana Whitfield attend?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Lakeside University");
  });

  it("does not answer with another name from a sentence that tells nothing of it", async () => {
    const draft = await askOver([untold], "Which university did Dana Whitfield attend?");
    expect(draft.coverage).not.toBe("full");
  });
});

describe("a value found only in a weaker telling", () => {
  const story = passage(
    "s1",
    "Probe reaches asteroid",
    "The Lantern probe reached the asteroid Kelpie after a 400-day cruise and began mapping its surface for a sample.",
  );
  const other = passage(
    "s2",
    "Maps calendar",
    "Kelpie watchers expect the Lantern team to publish its maps in March.",
  );
  const askOver = extractiveAsker([...passages, story, other]);

  it("is a partial reply about the best-told story, not an answer from the other", async () => {
    const draft = await askOver(
      [story, other],
      "When will the Lantern probe bring its Kelpie asteroid sample back?",
    );
    expect(draft.coverage).toBe("partial");
    expect(draft.text).toContain("Kelpie");
    expect(draft.text).not.toContain("March");
  });
});

describe("a value in a later chunk of the story", () => {
  const opening = passage(
    "o1",
    "Lantern firmware source leaked",
    "An anonymous developer leaked the source code of the Lantern OS boot firmware, the program that verifies and loads Lantern OS at every start, to a public code host.",
    { docId: "doc-leak", storyIndex: 3, chunkIndex: 0 },
  );
  const later = passage(
    "o2",
    "Lantern firmware source leaked",
    "The vendor confirmed the leak and said the code came from Lantern OS 9.3.",
    { docId: "doc-leak", storyIndex: 3, chunkIndex: 1 },
  );
  const askOver = extractiveAsker([...passages, opening, later]);

  it("answers from the story's later chunk, the opening being the same telling", async () => {
    const draft = await askOver(
      [opening, later],
      "Which Lantern OS version did the leaked boot firmware source code come from?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Lantern OS 9.3");
  });
});

describe("the lead comes first", () => {
  it("leads with the defining sentence of a later passage, not the first passage's mention", async () => {
    const mention = passage("m1", "发布说明", "持续集成钩子现在可以让第三方更简单地调用 Quillpress。", {
      lang: "zh",
    });
    const defining = passage(
      "m2",
      "本周工具",
      "Quillpress - 用 Rust 把网页打包成轻量级桌面应用的工具，这周更新了很多功能。",
      { docId: "doc-m2", lang: "zh" },
    );
    const draft = await extractiveAsker([...passages, mention, defining])(
      [mention, defining],
      "What is Quillpress?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text.startsWith("Quillpress - 用 Rust")).toBe(true);
  });
});

describe("what the quote shows", () => {
  it("does not answer with a sentence whose question names are only in a link line after it", async () => {
    const item = passage(
      "q1",
      "Pipeline tips",
      "Read this recommended article before you migrate your code to the new pipeline. Related: Orbit Review Guide",
    );
    const draft = await extractiveAsker([...passages, item])(
      [item],
      "Which Orbit Review articles on migrating your code to a new pipeline were recommended?",
    );
    expect(draft.coverage).not.toBe("full");
  });
});

describe("extractive answerer lead", () => {
  it("leads with the best sentence that passes the gate, not the best-scoring one", async () => {
    // The Chinese sentence scores a little higher but shares one word (取得) with the question;
    // the English one matches two of its words through translations.
    const pair = [
      passage("a", "科技", "中国科技公司在研发芯片方面取得了长足进步。"),
      passage("b", "Supercomputers", "The new computers may reach a higher peak performance next year."),
    ];
    const pairStatistics = TermStatistics.fromSearchTexts(
      pair.map((item) => tokenize(`${item.story} ${item.text}`).join(" ")),
    );
    const answerer = createExtractiveAnswerer({ statistics: () => pairStatistics });
    const draft = await answerer.answer({
      question: "国足取得了什么成绩？",
      lang: "zh",
      passages: pair,
      history: [],
      queryTerms: [
        { term: "国足", weight: 1 },
        { term: "取得", weight: 1 },
        { term: "成绩", weight: 1 },
        { term: "computer", weight: 0.35, concept: "国足" },
        { term: "performance", weight: 0.2, concept: "成绩" },
      ],
    });
    expect(draft.answered).toBe(true);
    expect(draft.text).toMatch(/^The new computers may reach a higher peak performance next year\. \[2\]$/);
  });
});

describe("sentence filters", () => {
  it.each([
    ["Revenue grew 10% [4][18]", "Revenue grew 10%"],
    ["No markers here.", "No markers here."],
    ["Group 2 - TCL and Sony agree [3]", "TCL and Sony agree"],
    ["- He expects growth [2]", "He expects growth"],
    ["Core Viewpoint - Tencent is cautious [5][8].", "Tencent is cautious."],
    ["Prices rose - and fell.", "Prices rose - and fell."],
  ])("stripFootnoteMarkers(%j)", (text, expected) => {
    expect(stripFootnoteMarkers(text)).toBe(expected);
  });

  it.each([
    ["file | bytes | sha256 | repository", true],
    ["China Tech News | Arm remains committed | Serica", true],
    ["Arm's CEO Rene Haas (Credit: VCG)", true],
    ["see https://a.example/x/y https://b.example/z/w", true],
    ["Arm remains committed to China after its IPO.", false],
  ])("looksLikeTableOrListing(%j) = %s", (text, expected) => {
    expect(looksLikeTableOrListing(text)).toBe(expected);
  });
});

describe("a Chinese question about people an English brief names in pinyin", () => {
  const lexicon = Lexicon.load();
  const told = passage(
    "p1",
    "Robotics founders",
    "Zhong Shulan, who runs Lumen Robotics, studied under Tang Wei at Zhejiang University.",
  );
  const decoy = passage("p2", "机器人大会", "参会企业包括灵犀机器人、星河动力等公司。", { lang: "zh" });
  const askOver = extractiveAsker([...passages, told, decoy], { lang: "zh", lexicon });

  it("answers from the English sentence that names them", async () => {
    const draft = await askOver([decoy, told], "灵犀机器人的钟书岚和唐伟是什么关系？");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toMatch(/^Zhong Shulan, who runs Lumen Robotics, studied under Tang Wei/);
  });

  it("does not answer from a Chinese passage that names neither", async () => {
    const draft = await askOver([decoy], "灵犀机器人的钟书岚和唐伟是什么关系？");
    expect(draft.coverage).not.toBe("full");
  });
});

describe("why questions", () => {
  const story = passage(
    "w1",
    "Engineer quits",
    "A 30-year-old engineer at Acme, Lin Rowe, resigned from his post in a letter to the whole company. " +
      "He posted the resignation letter in the company chat, and it spread widely online. " +
      "Staff at other firms shared their own stories. " +
      "In an interview he said he could leave Acme so openly because another firm had already hired him.",
  );
  const askOver = extractiveAsker([...passages, story]);

  it("adds the sentence giving the reason when the best telling of the story does not", async () => {
    const draft = await askOver(
      [story],
      "Why did the Acme engineer post his resignation letter in the company chat?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("because another firm had already hired him");
  });

  it("adds nothing for a question that is not about a reason", async () => {
    const draft = await askOver([story], "Where did the Acme engineer post his resignation letter?");
    expect(draft.text).not.toContain("because another firm");
  });
});

describe("a figure told of the opposite event", () => {
  const refused = passage(
    "o1",
    "Hiring",
    "Dana Whitfield initially turned down a $2 million offer from Acme.",
  );
  const accepted = passage("o2", "Hiring", "Dana Whitfield accepted a $3 million offer from Acme.");
  const askOver = extractiveAsker([...passages, refused, accepted], { readVerbs: readQuestionVerbs });

  it("is not the asked figure", async () => {
    const draft = await askOver([refused], "How much was the Acme offer Dana Whitfield finally accepted?");
    expect(draft.coverage).toBe("partial");
  });

  it("while the telling of the asked event answers", async () => {
    const draft = await askOver(
      [refused, accepted],
      "How much was the Acme offer Dana Whitfield finally accepted?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toMatch(/^Dana Whitfield accepted a \$3 million offer/);
  });
});

describe("how questions", () => {
  const story = passage(
    "h1",
    "Memory in sync",
    "Dana Whitfield wrote about the Orbit app. " +
      "Syncing many accounts at once needs memory for a cache per account, which Whitfield wants to cut. " +
      "Phones with little memory suffer most. " +
      "Whitfield proposes sharing one cache and deriving each view from it.",
  );
  const askOver = extractiveAsker([story], { readVerbs: readQuestionVerbs });
  const ask = (question: string) => askOver([story], question);

  it("add the sentence telling the method when the best telling of the story does not", async () => {
    const draft = await ask(
      "How did Dana Whitfield propose to cut the memory the Orbit app needs for many accounts?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Whitfield proposes sharing one cache");
  });
});

describe("a question naming only its source", () => {
  const lexicon = Lexicon.load();
  const recommended = passage(
    "s1",
    "开源书",
    "钟山大学出的这本开源的书籍「模型基础」值得一看，行文易读、严谨。",
    {
      lang: "zh",
      publication: "潮流周刊",
      title: "tw93 weekly 100",
    },
  );
  const askOver = extractiveAsker([...passages, recommended], { lexicon });

  it("is answered across languages by the value and its noun, with the source confirmed by the issue", async () => {
    const draft = await askOver(
      [recommended],
      "Which university put out the open-source book that Tw93's weekly recommended?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("钟山大学");
  });
});

describe("why questions whose rule gives no reason", () => {
  it("read on to the sentence after the rule when the rule gives no reason", async () => {
    const story = [
      "The Orbit community has added guidance on meeting bots to its call guidelines.",
      "Transcription bots such as Scribo or Notely are not permitted on Orbit calls.",
      "Unapproved third-party recording poses risks around consent and privacy.",
    ];
    const rules = passage("b1", "Meeting bots", story.join(" "));
    const ask = extractiveAsker([...passages, rules]);
    const draft = await ask([rules], "Why are transcription bots not permitted on Orbit calls?");
    expect(draft.answered).toBe(true);
    expect(draft.text).toContain("consent and privacy");
  });
});

describe("why questions whose reason comes a few sentences on", () => {
  it("read on past what the thing is to the sentence giving the reason", async () => {
    const story = [
      "Orbit #412 deprecates libframe.",
      "Libframe was an effort to let other programs reuse Orbit's parser.",
      "However, the library has found few users and it has become a burden to maintain.",
      "It will be removed in the next major release.",
    ];
    const change = passage("w1", "Orbit #412", story.join(" "));
    const ask = extractiveAsker([...passages, change]);
    const draft = await ask([change], "Why did Orbit #412 deprecate libframe?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("found few users");
  });

  it("a Chinese brief's purpose sentence (确保 …) is the reason, past an example", async () => {
    const story = [
      "Lumen #88 现在默认拒绝需要额外手续费的通道变更。",
      "例如，Alice 想通过 Bob 给 Carol 付款时，Bob 不能再向 Alice 收取这笔钱。",
      "Bob 仍可以在配置文件里改回原来的做法。",
      "这一做法确保了与旧版节点的兼容。",
    ];
    const change = passage("w2", "Lumen #88", story.join(""), { lang: "zh" });
    const other = unrelatedChinese;
    const ask = extractiveAsker([change, other], { lang: "zh" });
    const draft = await ask([change, other], "Lumen #88 为什么默认拒绝需要额外手续费的通道变更？");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("确保了与旧版节点的兼容");
  });
});

describe("numbers in a question asked in another script", () => {
  it("are looked for in a Chinese brief: the 128G price does not answer for the 256G model", async () => {
    const deal = passage(
      "n1",
      "Nimbus 7 降价",
      "看到 Nimbus 7 加上补贴后便宜了不少，128G 版本 3299 元，这个价格很合适。",
      { lang: "zh" },
    );
    const other = unrelatedChinese;
    const ask = extractiveAsker([deal, other], { lang: "zh" });
    expect((await ask([deal, other], "Nimbus 7 的 128G 版本补贴后多少钱？")).coverage).toBe("full");
    expect((await ask([deal, other], "Nimbus 7 的 256G 版本补贴后多少钱？")).coverage).not.toBe("full");
  });
});

describe("a name of several words written as one", () => {
  it("holds the specific: 'Nimbus X' is written 'NimbusX'", async () => {
    const rule = passage(
      "x1",
      "审核新规",
      "商店发出通知，从 2027 年 3 月开始，所有提交审核的应用都要适配 NimbusX 的全面屏。",
      { lang: "zh" },
    );
    const other = unrelatedChinese;
    const ask = extractiveAsker([rule, other], { lang: "zh" });
    const draft = await ask([rule, other], "所有应用都要适配 Nimbus X 全面屏的规定从什么时候开始？");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("2027 年 3 月");
  });
});

describe("a Latin name of several words asked about Chinese briefs", () => {
  it("must be written there whole: its last word's translation (团队 for Team) is not it", async () => {
    const tool = passage(
      "l1",
      "UI 转代码",
      "这个项目是某技术团队研发的一款把设计图转化为代码的工具，名叫 Pixel2Code。",
      { lang: "zh" },
    );
    const other = unrelatedChinese;
    const ask = extractiveAsker([tool, other], { lang: "zh", lexicon: Lexicon.load() });
    const draft = await ask([tool, other], "Orbit Release Admin Team 研发的工具叫什么？");
    expect(draft.coverage).not.toBe("full");
  });
});

describe("a question whose noun of a named kind comes before 是什么", () => {
  it("asks which one: a sentence naming none does not answer", async () => {
    const policy = passage(
      "l3",
      "Review tools",
      "The Orbit admin team introduced a trial policy for code review tools. It defines the steps: request, review, a 90-day trial and evaluation.",
    );
    const ask = extractiveAsker([...passages, policy]);
    const draft = await ask([policy], "Orbit admin team 的代码审查试用政策下，第一款完成试用的工具是什么？");
    expect(draft.coverage).not.toBe("full");
  });
});

describe("a Chinese place asked of an English brief", () => {
  it("is a qualifier the brief may tell by a country: 在欧洲 for 'Slovakia-based'", async () => {
    const lexicon = Lexicon.load();
    const story = passage(
      "q1",
      "Gotion abroad",
      "Gotion is making investments across the EU, including acquiring a 25% stake in Slovakia-based battery start-up InoBat.",
    );
    const other = passage(
      "q2",
      "Cloud prices",
      "Three cloud providers cut storage prices by a tenth this quarter.",
    );
    const ask = extractiveAsker([story, other], { lang: "zh", lexicon });
    const draft = await ask([story, other], "国轩高科在欧洲入股了哪家电池初创公司？持股多少？");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("25%");
  });
});

describe("a translated edition of the same story", () => {
  it("does not join a why answer in the asker's language", async () => {
    const english = passage(
      "e1",
      "Orbit #412",
      "Orbit #412 deprecates libframe. However, the library has found few users, so it became a burden to maintain.",
      { docId: "doc-en" },
    );
    // (A sentence of the Chinese edition naming things in Latin may read as English by itself.)
    const chinese = passage("e2", "Orbit #412", "Orbit Core #412 弃用了 libframe。", {
      lang: "zh",
      docId: "doc-zh",
    });
    const ask = extractiveAsker([...passages, english, chinese]);
    const draft = await ask([english, chinese], "Why did Orbit #412 deprecate libframe?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("few users");
    expect(draft.text).not.toContain("弃用");
  });
});

describe("three names, one missing", () => {
  it("may not leave out the one the question is most about, the rarest in the briefs", async () => {
    const about = passage("r1", "Quillon", "Quillon 把自己的 App 放到了网上，里面有很多可以学习的内容。", {
      lang: "zh",
    });
    const list = passage(
      "r2",
      "开源 App 列表",
      "开源的 iOS 客户端代码列表，目前收集了 700 个项目，GitHub 上 star 超过 16000 个。",
      { lang: "zh" },
    );
    const others = ["好电影推荐", "周末读书", "杭州天气"].map((title, index) =>
      passage(`r${index + 3}`, title, `这是一篇关于 GitHub 和 iOS 的${title}短文，第 ${index + 1} 篇。`, {
        lang: "zh",
      }),
    );
    const ask = extractiveAsker([about, list, ...others], { lang: "zh" });
    const draft = await ask([about, list], "Quillon 开源的 iOS 客户端代码在 GitHub 上有多少个 star？");
    expect(draft.coverage).not.toBe("full");
  });
});

describe("a question naming nothing but the counted noun", () => {
  it("is anchored by a sentence counting that noun, in other words than its own", async () => {
    const rules = passage(
      "c1",
      "上架规则",
      "商店再次更新了上架规则，新的规则宣布，开发者在截图介绍部分可以添加 10 张屏幕截图，而之前是 5 张。",
      { lang: "zh" },
    );
    const other = unrelatedChinese;
    const ask = extractiveAsker([rules, other], { lang: "zh" });
    const draft = await ask([rules, other], "应用商店商品页的预览图上限调成了多少张？原来是多少张？");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("10 张");
  });
});

describe("a project named only by the story's link", () => {
  it("is held: 'Orbitd PR 4410' is the story linking github.com/orbitd/orbitd/pull/4410", async () => {
    const change = passage(
      "k1",
      "4410: Track plugin rejections",
      "This PR separates failures caused by plugin rejections from internal errors. It counts only plugin rejections, so that transient errors do not increase backoff.",
      { url: "https://github.com/orbitd/orbitd/pull/4410" },
    );
    const ask = extractiveAsker([...passages, change]);
    const question = "How does Orbitd PR 4410 keep transient errors from increasing backoff?";
    expect((await ask([change], question)).coverage).toBe("full");
    const unlinked = { ...change, url: null };
    expect((await ask([unlinked], question)).coverage).not.toBe("full");
  });
});

describe("a lead pointing back at the sentence before it", () => {
  it("brings that sentence: 'after doing this' means nothing alone", async () => {
    const story = [
      "Tallyhash keeps no set of outputs.",
      "Instead, it adds a value for each output when the output is created and subtracts the same value when the output is spent.",
      "After doing this for every block up to the end point, the node checks that the tally of created and spent outputs is zero.",
    ];
    const notes = passage("p1", "Tallyhash correction", story.join(" "));
    const ask = extractiveAsker([...passages, notes]);
    const draft = await ask(
      [notes],
      "How does Tallyhash check the tally of created and spent outputs at the end point?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("subtracts the same value");
  });

  it("brings what a replacement replaces, told in the sentence before", async () => {
    const story = [
      "Orbit Studio 3 不再提供 Orbit Uploader 上传工具。",
      "现在，Orbit Transfer 作为替代品，已经在应用商店上线，所有产品的交付都可以由它完成。",
    ];
    const notes = passage("p2", "Orbit Transfer", story.join(""), { lang: "zh" });
    const ask = extractiveAsker([...passages, notes], { lang: "zh" });
    const draft = await ask([notes], "Orbit Transfer 应用主要是为了替代什么？");
    expect(draft.text).toContain("Orbit Uploader");
  });

  it("brings the problems a fix of 'these problems' answers, told in the sentence before", async () => {
    const story = [
      "Orbit 团队早就引入了 StreamKit，但它的学习曲线陡峭，调试也很困难。",
      "为了改善这些问题，Orbit 团队自研了响应式框架 RiverKit，并在最近开源。",
    ];
    const notes = passage("p3", "RiverKit 开源", story.join(""), { lang: "zh" });
    const ask = extractiveAsker([...passages, notes], { lang: "zh" });
    const draft = await ask([notes], "Orbit 团队为什么要自研响应式框架 RiverKit？");
    expect(draft.text).toContain("学习曲线陡峭");
  });
});

describe("a digest entry titled with the thing asked about", () => {
  it("is defined by its first sentence, which does not name it again", async () => {
    const entry = passage(
      "t1",
      "Quillon：轻量级的日志查看器",
      "一个可以在终端里实时查看和过滤日志的小工具，支持正则和高亮，有需要的小伙伴可以试试。",
      { lang: "zh" },
    );
    const other = unrelatedChinese;
    const ask = extractiveAsker([entry, other], { lang: "zh" });
    const draft = await ask([entry, other], "周刊推荐的 Quillon 是一个什么样的工具？");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("实时查看和过滤日志");
  });
});

describe("a one-sentence lead", () => {
  it("reads on to the next sentence when it goes on with the question's words", async () => {
    const story = passage(
      "m1",
      "Mailing list",
      "The Orbit mailing list is now hosted on a new server. Every subscriber needs to resubscribe to the list. In other news, the wiki was archived.",
    );
    const ask = extractiveAsker([...passages, story]);
    const draft = await ask([story], "What changed for the Orbit mailing list?");
    expect(draft.text).toContain("needs to resubscribe");
    expect(draft.text).not.toContain("wiki");
  });
});

describe("a figure or date in the sentence after the subject's", () => {
  it("answers when that sentence shares a word of what the question says happened", async () => {
    const survey = passage(
      "s1",
      "读者调查",
      "我们举办了一个问卷调查福利活动，参与者都有机会被选人发奖。在 12 月 27 日，我们会在参与问卷的朋友中选取合适的几个人赠与学习大礼包和现金奖。",
      { lang: "zh" },
    );
    const holiday = passage(
      "s2",
      "读者调查",
      "我们举办了一个问卷调查福利活动，参与者都有机会被选人发奖。在 12 月 27 日，编辑部全体同事会去海边度假一周。",
      { lang: "zh" },
    );
    const ask = extractiveAsker([...passages, survey, holiday], { lang: "zh" });
    const question = "问卷调查福利活动会在哪天从参与者中选人发奖？";
    const told = await ask([survey], question);
    expect(told.coverage).toBe("full");
    expect(told.text).toContain("12 月 27 日");
    expect((await ask([holiday], question)).coverage).not.toBe("full");
  });
});

describe("an item whose title names what was asked", () => {
  it("answers with the title first when the title names the asked kind of thing and a new name", async () => {
    const item = passage(
      "t1",
      "Lumen Wallet adds coin swaps",
      "The swap feature lets users trade coins directly between the Orbit and Comet chains. It builds on earlier research.",
    );
    const ask = extractiveAsker([...passages, item]);
    const question =
      "Which wallet added a feature for trading coins directly between the Orbit and Comet chains?";
    const draft = await ask([item], question);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toMatch(/^Lumen Wallet adds coin swaps: The swap feature lets users trade/);
    // A title naming no wallet, or a later chunk of the item, is no such answer.
    const untitled = passage("t2", "Release notes", item.text);
    expect((await ask([untitled], question)).coverage).not.toBe("full");
    const later = passage("t3", "Lumen Wallet adds coin swaps", item.text, { chunkIndex: 1 });
    expect((await ask([later], question)).coverage).not.toBe("full");
  });
});

describe("a difference", () => {
  it("is told by a contrast, without the word", async () => {
    const compared = passage(
      "d1",
      "流框架对比",
      "作者对比了 Rillet 和 Brook：Rillet 支持背压，而 Brook 不支持。",
      { lang: "zh" },
    );
    const listed = passage("d2", "流框架对比", "作者在一篇长文里对比了 Rillet 和 Brook 的背压支持。", {
      lang: "zh",
    });
    const ask = extractiveAsker([...passages, compared, listed], { lang: "zh" });
    const question = "Rillet 和 Brook 在背压支持上有什么区别？";
    const told = await ask([compared], question);
    expect(told.coverage).toBe("full");
    expect(told.text).toContain("而 Brook 不支持");
    expect((await ask([listed], question)).coverage).not.toBe("full");
  });
});

describe("a count of people", () => {
  it("is told by any kind of person, not by a group or a thing", async () => {
    const letter = passage(
      "p1",
      "Open letter",
      "Rhea Quist posted an open letter to the Orbit list, signed by 66 individuals so far.",
    );
    const teams = passage(
      "p2",
      "Open letter",
      "Rhea Quist posted an open letter to the Orbit list, backed by 6 teams so far.",
    );
    const ask = extractiveAsker([...passages, letter, teams]);
    const signed = await ask([letter], "How many people signed Rhea Quist's open letter to the Orbit list?");
    expect(signed.coverage).toBe("full");
    expect(signed.text).toContain("66 individuals");
    const backed = await ask([teams], "How many people signed Rhea Quist's open letter to the Orbit list?");
    expect(backed.coverage).not.toBe("full");
  });
});

describe("an issue's list of its own contents", () => {
  it("is no answer, even when it holds every word of the question", async () => {
    const intro = passage(
      "c1",
      "Relay Notes 12",
      "This week's newsletter describes a proposed trustless contract for fee futures on the Relay forum, and links to a coin selection algorithm.",
    );
    const story = passage(
      "c2",
      "Fee futures",
      "Zed Lark posted a trustless script that lets two parties bet on future feerates. A miner can use it to hedge against low fees.",
    );
    const ask = extractiveAsker([...passages, intro, story]);
    const draft = await ask(
      [intro, story],
      "Who proposed the trustless contract for fee futures on the Relay forum?",
    );
    expect(draft.text).not.toContain("This week's newsletter");
    const alone = await ask(
      [intro],
      "Who proposed the trustless contract for fee futures on the Relay forum?",
    );
    expect(alone.coverage).not.toBe("full");
  });
});

describe("a lead that only says the question back", () => {
  it("reads on to the sentences telling what was asked, however they open", async () => {
    const story = passage(
      "e1",
      "Proposals",
      "OP-0298 Streams was accepted with modifications. Reviewers liked the design but questioned the flush() requirement. Following the review, flush() was removed from the protocol. Separately, the wiki moved to a new host.",
    );
    const ask = extractiveAsker([...passages, story]);
    const draft = await ask([story], "What modifications were made when accepting OP-0298 Streams?");
    expect(draft.text).toContain("flush() was removed from the protocol");
    expect(draft.text).not.toContain("wiki");
  });
});

describe("a question describing its subject before asking", () => {
  it("takes the value from the sentence telling the asked clause, not the one matching the description", async () => {
    const library = passage(
      "r1",
      "Throttlo",
      "Throttlo 是 OC 消息节流和防抖的库，换句话说就是控制方法调用的频率，主要利用 OC 的 runtime 机制来实现。作者改进了缓存策略，使得消息转发流程的耗时下降 40%。",
      { lang: "zh" },
    );
    const ask = extractiveAsker([library], { lang: "zh" });
    const draft = await ask(
      [library],
      "那个用 runtime 控制 OC 方法调用频率的库，作者优化后消息转发的耗时降低了多少？",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("40%");
  });
});

describe("a question naming its publication", () => {
  const named = passage("n1", "Hosting", "The newsletter is moving to a new mail host soon.", {
    publication: "Orbit Weekly",
  });
  const other = passage("n2", "Hosting", "The newsletter moves to its new mail host on May 5.", {
    publication: "Comet Notes",
  });
  const statistics = statisticsOf([named, other]);
  const answerer = createExtractiveAnswerer({ statistics: () => statistics });
  const ask = (namedPublication: boolean, passages = [named, other]) =>
    answerer.answer({
      // As the gate reads "When does Orbit Weekly move to its new mail host?": the named
      // publication is taken out (question-scope.ts) and its issues are preferred.
      question: "When does the newsletter move to its new mail host?",
      lang: "en",
      passages,
      history: [],
      preferredPassages: passages.includes(named) ? 1 : 0,
      namedPublication,
    });

  it("is not answered from another publication when its own passages state nothing", async () => {
    expect((await ask(true)).coverage).toBe("partial");
  });

  it("nor when none of its passages was found: then the briefs do not cover it", async () => {
    expect((await ask(true, [other])).coverage).toBe("none");
  });

  it("may be, when the preference is only a time", async () => {
    expect((await ask(false)).coverage).toBe("full");
  });
});

describe("a sentence naming every specific the question gives", () => {
  it("gives the asked date though it tells the event in other words", async () => {
    const story = passage(
      "w20",
      "News",
      "The last two weeks started slowly, but things are starting to heat up. Apple has shared more about Orbitcon 2020, announcing it will take off on June 22.",
    );
    const ask = extractiveAsker([...passages, story]);
    const draft = await ask([story], "When was Orbitcon 2020 scheduled to start?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("June 22");
  });
});

describe("a value sentence beside a better-covering neighbour", () => {
  it("is not a weaker telling than the pair it forms with that neighbour", async () => {
    const story = passage(
      "m18",
      "Server",
      "Dana Ruiz shared a proposal to officially support the Orbit database driver for Swift on the server. Current state: we initially developed OrbitSwift about 18 months ago with a synchronous API for the mobile version of Orbit.",
    );
    const ask = extractiveAsker([story]);
    const draft = await ask(
      [story],
      "How long before had the Orbit team first built OrbitSwift, according to Dana Ruiz's forum post?",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("18 months");
  });
});

describe("a sentence naming a multi-word name's words apart", () => {
  it("does not name it: the value there is another thing's", async () => {
    const story = passage(
      "qc",
      "Coding models",
      "Released in July, Starling provided a large model trained on code, nearly matching the performance of Quill Sonnet 4.",
    );
    const ask = extractiveAsker([story]);
    const draft = await ask([story], "When was Quill Code first released to the public?");
    expect(draft.coverage).not.toBe("full");
  });
});

describe("a question negating its verb", () => {
  it("is not answered by the sentence telling the verb unnegated", async () => {
    const story = passage(
      "neg",
      "Orbit crash",
      "Dana Ruiz disclosed a crash that affected Orbit versions 2.1 through 2.4. Fixes shipped in March.",
    );
    const ask = extractiveAsker([story], { readVerbs: readQuestionVerbs });
    const draft = await ask(
      [story],
      "Which Orbit versions were not affected by the crash Dana Ruiz disclosed?",
    );
    expect(draft.coverage).not.toBe("full");
  });
});

describe("a lead that introduces a list", () => {
  it("reads on to the list's items", async () => {
    const vault = passage(
      "v1",
      "Orbit vault",
      "Dana Ruiz posted a vault design that needs no soft fork. In the design, there are three spend paths:\n\nA quick lane for daily use.\n\nA one-year fallback with custodian B.\n\nA slow lane for inheritance.",
    );
    const ask = extractiveAsker([vault, ...passages]);
    const draft = await ask(
      [vault],
      "In Dana Ruiz's vault design, what is the spend path involving custodian B?",
    );
    expect(draft.text).toContain("three spend paths:");
    expect(draft.text).toContain("custodian B");
  });
});

describe("an issue's summary of its stories", () => {
  it("is no better telling of a subject than the story about it", async () => {
    const intro = passage(
      "s1",
      "Orbit Notes #12",
      "This week's newsletter describes a new relay policy, announces a new mailing list host, and encourages readers to celebrate Thank a Maintainer Day by thanking open source maintainers.",
    );
    const story = passage(
      "s2",
      "Thank a Maintainer Day",
      "Every year on March 3rd, projects encourage users to thank the people maintaining open source software.",
    );
    const ask = extractiveAsker([intro, story, ...passages]);
    const draft = await ask([intro, story], "On what day each year is Thank a Maintainer Day?");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("March 3rd");
  });
});
