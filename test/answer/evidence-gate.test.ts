import { describe, expect, it } from "vitest";
import { createExtractiveAnswerer } from "../../src/answer/extractive-answerer.ts";
import { planQuery } from "../../src/retrieve/query-plan.ts";
import { TermStatistics } from "../../src/retrieve/term-statistics.ts";
import type { RetrievedPassage } from "../../src/store/chunk-record.ts";
import type { WeightedTerm } from "../../src/store/store.ts";
import { tokenize } from "../../src/text/segment.ts";

function passage(id: string, story: string, text: string, lang: "en" | "zh" = "en"): RetrievedPassage {
  return {
    id,
    docId: `doc-${id}`,
    publication: "Gate Weekly",
    title: "Issue 7",
    issueNumber: "7",
    story,
    storyIndex: 0,
    chunkIndex: 0,
    date: "2026-03-02",
    url: null,
    path: "issue-7.md",
    lang,
    text,
    score: 1,
    lexicalRank: 1,
    vectorRank: 1,
  };
}

async function ask(
  question: string,
  passages: RetrievedPassage[],
  lang: "en" | "zh" = "en",
  preferredPassages?: number,
) {
  const statistics = TermStatistics.fromSearchTexts(
    passages.map((item) => tokenize(`${item.story} ${item.text}`).join(" ")),
  );
  const answerer = createExtractiveAnswerer({ statistics: () => statistics });
  return answerer.answer({
    question,
    lang,
    passages,
    history: [],
    queryTerms: planQuery(question).terms,
    preferredPassages,
  });
}

const funding = passage(
  "f",
  "Acme raises a Series B",
  "Acme closed its Series B round led by Sequoia. The money will go to hiring engineers in Berlin.",
);
const camera = passage(
  "c",
  "A camera without a screen",
  "The Lumen camera has no screen, only a clear viewfinder. Its dials sit on the top plate. It weighs 65 grams. It sells for 199 yuan.",
);
const phones = passage(
  "p",
  "Phone prices",
  "The Nimbus 15 starts at $799. The Nimbus 15 Pro starts at $999.",
);

describe("evidence gate", () => {
  it("answers partially when the story is there but the asked figure is not, and says what is missing", async () => {
    const draft = await ask("How much did Acme raise in its Series B?", [funding]);
    expect(draft.coverage).toBe("partial");
    expect(draft.answered).toBe(false);
    expect(draft.text).toMatch(
      /^The briefs do not give the price or amount\. The closest they come: Acme closed/,
    );
    expect(draft.quotes?.[0]).toContain("Acme closed its Series B round");
  });

  it("gives a partial reply in Chinese for a Chinese question", async () => {
    const story = passage("z", "某公司融资", "某公司完成了B轮融资，由红杉领投。资金将用于招聘工程师。", "zh");
    const draft = await ask("某公司B轮融资了多少钱？", [story], "zh");
    expect(draft.coverage).toBe("partial");
    expect(draft.text).toMatch(/^简报提到了相关内容，但没有给出价格或金额。/);
  });

  it("says a missing count as a count of people or things", async () => {
    const plant = passage(
      "zp",
      "电池工厂",
      "某公司位于德布勒森的电池工厂正在建设中，规划产能为 100 吉瓦时。",
      "zh",
    );
    const staff = await ask("某公司德布勒森的电池工厂有多少员工？", [plant], "zh");
    expect(staff.text).toMatch(/^简报提到了相关内容，但没有给出员工人数。/);
    const lines = await ask("某公司德布勒森的电池工厂有多少条产线？", [plant], "zh");
    expect(lines.text).toMatch(/^简报提到了相关内容，但没有给出产线数量。/);
  });

  it("takes a date beside the named version the question asks about, past a quoted aside", async () => {
    const plan = passage(
      "rv",
      "Monthly releases",
      "Dana Whitfield announced Quill 3.1.2 and monthly Quill 3.1.x releases for Linux! " +
        "[..] from now on we will ship a dot version every month for the next half year. " +
        "That means you can expect Quill 3.1.3 by the end of May 2026 and 3.1.4 by the end of June 2026.",
    );
    const draft = await ask(
      "Under the monthly Quill 3.1.x release plan announced by Dana Whitfield, when was Quill 3.1.3 expected?",
      [plan],
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("May 2026");
  });

  it("says a missing CVE as which CVE", async () => {
    const flaw = passage(
      "cv",
      "Quill parser flaw",
      "Dana Whitfield disclosed a parser flaw in Quill that could crash a node, fixed in Quill 0.1.",
    );
    const english = await ask("Which CVE was assigned to the Quill parser flaw Dana Whitfield disclosed?", [
      flaw,
    ]);
    expect(english.coverage).toBe("partial");
    expect(english.text).toMatch(/^The briefs do not say which CVE\./);
  });

  it("says a missing version as which version, not as a number", async () => {
    const patch = passage(
      "pv",
      "Quill #4120",
      "Quill #4120 adds a max_batch_weight option to the import command, which caps how much one batch may hold.",
    );
    const english = await ask("Which Quill version will ship the max_batch_weight option?", [patch]);
    expect(english.coverage).toBe("partial");
    expect(english.text).toMatch(/^The briefs do not say which version\./);
    const story = passage(
      "pz",
      "Quill #4120",
      "Quill #4120 为导入命令添加了一个 max_batch_weight 选项，用于限制每批数据的大小。",
      "zh",
    );
    const chinese = await ask(
      "Quill #4120 新增的 max_batch_weight 选项会随哪个 Quill 版本发布？",
      [story],
      "zh",
    );
    expect(chinese.coverage).toBe("partial");
    expect(chinese.text).toMatch(/^简报提到了相关内容，但没有说明是哪个版本。/);
  });

  it("names a Chinese compound noun whole when the briefs leave it open", async () => {
    const story = passage(
      "zl",
      "Larkspur",
      "Larkspur 是一个开发者常用的日志查看工具，支持实时过滤，开源免费。",
      "zh",
    );
    const draft = await ask("Larkspur 这个日志查看工具用了什么压缩算法？", [story], "zh");
    expect(draft.coverage).toBe("partial");
    expect(draft.text).toMatch(/^简报提到了相关内容，但没有给出压缩算法。/);
  });

  it("says which question word the briefs leave open", async () => {
    const draft = await ask("When did Acme close its Series B?", [funding]);
    expect(draft.coverage).toBe("partial");
    expect(draft.text).toMatch(/^The briefs do not say when\. The closest they come: Acme closed/);
  });

  it("refuses when a version the question names is not in the passage", async () => {
    const draft = await ask("What does the Nimbus 17 cost?", [phones]);
    expect(draft.coverage).toBe("none");
  });

  it("answers with the right version's figure", async () => {
    const draft = await ask("What does the Nimbus 15 Pro cost?", [phones]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("$999");
  });

  it("joins a subject sentence and the sentence a few lines on that gives its figure", async () => {
    const draft = await ask("How much does the Lumen camera with no screen sell for?", [camera]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("199 yuan");
    expect(draft.quotes?.[0]).toContain("It sells for 199 yuan.");
  });

  it("never leads with an interviewer's question when the reply follows it", async () => {
    const interview = passage(
      "q",
      "访谈",
      "问：你们打算什么时候开源全部代码？ 答：我们计划在2026年6月开源全部代码。",
      "zh",
    );
    const draft = await ask("他们打算什么时候开源全部代码？", [interview], "zh");
    expect(draft.coverage).toBe("full");
    expect(draft.text).not.toMatch(/问：/);
    expect(draft.text).toContain("2026年6月");
  });

  it("prefers the number that counts the asked thing", async () => {
    const mirrors = passage(
      "m",
      "太空镜子",
      "这颗卫星将使用宽18米的镜子把阳光反射回地球。他们的最终目标是把5万面镜子送入太空。",
      "zh",
    );
    const draft = await ask("他们最终打算往太空送多少面镜子？", [mirrors], "zh");
    expect(draft.text).toMatch(/^他们的最终目标是把5万面镜子送入太空。/);
  });

  it("does not take a stray date from the neighbouring sentence", async () => {
    const launch = passage(
      "l",
      "Probe reaches an asteroid",
      "The Wayfarer probe launched in May 2025 and reached the asteroid this week. Next it will collect rock samples and bring them back to Earth.",
    );
    const draft = await ask("When will the Wayfarer probe bring its samples back to Earth?", [launch]);
    expect(draft.coverage).not.toBe("full");
  });

  it("reads a writer's short question together with the sentence that answers it", async () => {
    const terminal = passage(
      "t",
      "Drawing in the terminal",
      "Glyphpad draws monochrome pictures in a terminal with block symbols. The catch? You need a special font installed for it to render.",
    );
    const draft = await ask("What is the catch with Glyphpad?", [terminal]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("You need a special font");
  });

  it("gives a partial reply when the passage says the asked detail is withheld", async () => {
    const model = passage(
      "w",
      "Music models",
      "Tunewright released a music model this week. Tunewright is nominally open, but there are no details yet on its license.",
    );
    const draft = await ask("What license is the Tunewright music model released under?", [model]);
    expect(draft.coverage).toBe("partial");
  });

  it("does not take a name from a sentence that says nothing of what was asked", async () => {
    const listing = passage(
      "i",
      "Northwind plans a listing",
      "Northwind is preparing to file for its listing this month. It expects to match the size of Contoso's debut.",
    );
    const draft = await ask("Which banks are underwriting Northwind's listing?", [listing]);
    expect(draft.coverage).not.toBe("full");
  });

  it("takes a figure from a sentence that goes on about the subject of the one before", async () => {
    const ride = passage(
      "r",
      "A record ride",
      "Two riders set a record for the longest ride on a single tank of fuel. They covered 4,100 kilometres before stopping.",
    );
    const draft = await ask("How far did the record ride on one tank of fuel go?", [ride]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("4,100 kilometres");
  });

  it("answers 'what is X' with the sentence that defines X", async () => {
    const release = passage(
      "d",
      "Release notes",
      "The beta ships Quillmark as stable, with faster start-up. This proposal introduces Quillmark, a store for signing keys that workloads can read.",
    );
    const draft = await ask("What is Quillmark?", [release]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toMatch(/^This proposal introduces Quillmark, a store for signing keys/);
  });

  it("does not make a version from a name and another name's number", async () => {
    const nfc = passage(
      "v",
      "Building an NFC reader in Swift",
      "The Orchard Phone 6 was the first model with NFC, released in September 2014.",
    );
    const draft = await ask("When was Swift 6 released?", [nfc]);
    expect(draft.coverage).not.toBe("full");
    const runtime = passage(
      "n",
      "Runtime news",
      "Node.js 19 was released in October 2022 with a new keep-alive default.",
    );
    expect((await ask("When was Node 19 released?", [runtime])).coverage).toBe("full");
    // A count or a share is not a version's number: "30%" does not make "Ledger Core 30".
    const fees = passage(
      "c",
      "Fee rates",
      "By mid-August over 30% of confirmed payments paid less than 1 sat/vB, and Ledger Core 29.1 was released in early September.",
    );
    expect((await ask("When was Ledger Core 30 released?", [fees])).coverage).not.toBe("full");
  });

  it("takes a date from a sentence that goes on with a definite noun ('The book …')", async () => {
    const memoir = passage(
      "m",
      "An excerpt from the memoir",
      "This piece is an excerpt from Dana Whitlow's memoir of the Orbit Labs years. The book is set to be published on October 3. Critics have not seen it yet.",
    );
    const draft = await ask("When does Dana Whitlow's memoir come out?", [memoir]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("October 3");
    // A definite noun after a sentence about something else does not carry its date.
    const unrelated = passage(
      "u",
      "Orbit Labs hires",
      "Orbit Labs hired a new head of design. The office moves to Lisbon on October 3.",
    );
    expect((await ask("When does Dana Whitlow's memoir come out?", [unrelated])).coverage).not.toBe("full");
  });

  it("takes a short figure sentence for the product sentence it follows, and gives both asked figures", async () => {
    const gadget = passage(
      "g",
      "一款没有屏幕的相机",
      "某公司推出了一款没有屏幕的胶片感相机，只有透明取景窗。机身采用铝合金。整机重量80克。售价299元。",
      "zh",
    );
    const draft = await ask("那款没有屏幕的相机卖多少钱？有多重？", [gadget], "zh");
    expect(draft.coverage).toBe("full");
    // Chinese sentences run on without a space, as the passage writes them.
    expect(draft.text).toContain("整机重量80克。售价299元。");
  });

  it("finds 'which release' in the name written with its number", async () => {
    const talk = passage(
      "t",
      "Talks",
      "A short talk about the slices.Grow helper added in Go 1.21 and how it changes allocation.",
    );
    const draft = await ask("Which Go release added slices.Grow?", [talk]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Go 1.21");
    const other = passage(
      "o",
      "Talks",
      "A short talk about the slices.Grow helper and how it changes allocation.",
    );
    expect((await ask("Which Go release added slices.Grow?", [other])).coverage).not.toBe("full");
  });

  it("shows the sentences after the lead that go on about its subject, and stops where the story moves on", async () => {
    const site = passage(
      "s",
      "Mosquito news",
      "Few people know that swat.io is a site about mosquitoes. It is a charity project that funds research on wiping them out. The method releases modified male mosquitoes. Separately, a new repellent went on sale in Lima.",
    );
    const draft = await ask("What is swat.io?", [site]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("It is a charity project that funds research");
    expect(draft.text).toContain("The method releases modified male mosquitoes.");
    expect(draft.text).not.toContain("repellent");
  });

  it("reads a statement that ends with an aside to the reader as a statement, not a question", async () => {
    const phone = passage(
      "a",
      "换了一台安卓手机",
      "用了八年苹果手机，想换换口味，最后买了一台 Nova Mini 小屏安卓手机，手感很好，续航也不错，话说你用了多久苹果手机了？",
      "zh",
    );
    const draft = await ask("用了八年苹果手机后买了哪款安卓手机？", [phone], "zh");
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Nova Mini");
    const question = passage("q", "读者来信", "读者问：你用了多久苹果手机了？", "zh");
    expect((await ask("用了八年苹果手机后买了哪款安卓手机？", [question], "zh")).coverage).not.toBe("full");
  });

  it("needs the shares a question names written as shares, not as another count", async () => {
    const essay = passage(
      "e",
      "Work hard",
      "Talent or effort alone can put you in the top 20%. Few stop there. To reach the top 2%, you need both talent and effort.",
    );
    const counts = passage(
      "c",
      "Search results",
      "There used to be 20 pages fighting for the top 2 spots of a search, and effort alone could win one.",
    );
    const draft = await ask("What does it take to reach the top 20% versus the top 2%?", [counts, essay]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("To reach the top 2%");
    expect(draft.text).not.toContain("search");
  });

  it("answers from the issues a time reference points to when they answer it", async () => {
    const march = {
      ...passage("m", "Release notes", "Code freeze starts on Friday, March 21."),
      date: "2025-03-17",
    };
    const september = {
      ...passage(
        "s",
        "Release cycle",
        "The release cycle for the project starts on Sept 15, with code freeze on Nov 6 and the final release in December.",
      ),
      date: "2025-09-10",
    };
    const question = "When did code freeze start in the March release cycle?";
    const preferred = await ask(question, [march, september], "en", 1);
    expect(preferred.text).toContain("March 21");
    expect(preferred.text).not.toContain("Nov 6");
    // Without the preference the better-covering passage from another time answers.
    const plain = await ask(question, [march, september]);
    expect(plain.text).toContain("Nov 6");
  });

  it("answers from another time's issue when the preferred time's issues only touch the subject", async () => {
    // The question's date is when a rule starts; the brief announcing it came out earlier.
    const april = {
      ...passage(
        "a",
        "Vision kit for phones",
        "IBM's Vision SDK lets every app built by small teams recognise plants.",
      ),
      date: "2026-04-13",
    };
    const february = {
      ...passage(
        "f",
        "New rule for app review",
        "From April 2026, every app submitted for review must be built with the Orbit 11 SDK and support the new notch.",
      ),
      date: "2026-02-23",
    };
    const draft = await ask(
      "From April 2026, which SDK must every app submitted for review be built with?",
      [april, february],
      "en",
      1,
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Orbit 11 SDK");
  });

  it("answers a question giving a year from a story of that year", async () => {
    const earlier = {
      ...passage("e", "Looking back", "The word I chose to sum up the year is patience."),
      date: "2023-01-20",
    };
    const later = {
      ...passage("l", "My 2024 in review", "The word I chose to sum up the year is iteration."),
      date: "2025-02-03",
    };
    const draft = await ask("Which word did the author choose to sum up 2024?", [earlier, later]);
    expect(draft.text).toContain("iteration");
    expect(draft.text).not.toContain("patience");
    // Told by the issue's date too, and refused when no story is of that year.
    const dated = { ...earlier, id: "d", date: "2024-12-30" };
    expect((await ask("Which word did the author choose to sum up 2024?", [dated])).text).toContain(
      "patience",
    );
    expect((await ask("Which word did the author choose to sum up 2021?", [earlier])).coverage).not.toBe(
      "full",
    );
  });

  it("needs more of the words of a question naming nothing, in its own language", async () => {
    const question = "Should the app crash when a consistency check fails in production?";
    const fillers = [
      passage("r", "Weather", "Rain fell in the north all week."),
      passage("h", "Hiring", "The team hired two designers in May."),
    ];
    const stray = passage("s", "Updates", "The new app adds a check for updates every morning.");
    const told = passage(
      "t",
      "Assertions",
      "When a consistency check fails in production, the app should report an error, not crash.",
    );
    // A story sharing two of its words ("app", "check") is about something else.
    expect((await ask(question, [stray, ...fillers])).coverage).toBe("none");
    expect((await ask(question, [stray, told, ...fillers])).text).toContain("report an error");
  });

  it("finds a name with a year in a Chinese brief that writes the year with 年", async () => {
    const survey = passage(
      "y",
      "开发者调查",
      "知名 IDE 厂商 Orbitware 发布了 2019 年开发者调查报告。数据显示，仅使用 Orbit-C 的开发者占比已经仅剩 15%。",
      "zh",
    );
    const draft = await ask(
      "Orbitware 2019 开发者调查显示，只用 Orbit-C 的开发者占比还剩多少？",
      [survey],
      "zh",
    );
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("15%");
  });

  it("answers who from the name before a sentence that tells of the person by a pronoun", async () => {
    const podcast = passage(
      "q",
      "Podcast",
      "Many have heard the story, and the man was Dana Ruiz, the author of the Larkspur package manager. Recently Orbit Cast invited him as a guest to talk about designing package managers.",
    );
    const draft = await ask("Who was the guest when Orbit Cast talked about designing package managers?", [
      podcast,
    ]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("Dana Ruiz");
    const zh = passage(
      "z",
      "播客",
      "这个故事很多人都听过，而这个人正是包管理器 Larkspur 的作者 Dana Ruiz。近期 Orbit Cast 邀请了他作为嘉宾，讨论了包管理器的设计。",
      "zh",
    );
    const answered = await ask("Orbit Cast 那期讨论包管理器设计的播客，请的嘉宾是谁？", [zh], "zh");
    expect(answered.coverage).toBe("full");
    expect(answered.text).toContain("Dana Ruiz");
  });

  it("finds a name by the abbreviation the briefs define for it, and the reverse", async () => {
    const projects = passage(
      "g",
      "Forums",
      "Dana Ruiz announced 5 accepted projects for Orbit in OSoW this year.",
    );
    const statistics = TermStatistics.fromSearchTexts([
      tokenize(`${projects.story} ${projects.text}`).join(" "),
    ]);
    const answerer = createExtractiveAnswerer({ statistics: () => statistics });
    const answer = (question: string, aliases: WeightedTerm[]) =>
      answerer.answer({
        question,
        lang: "en",
        passages: [projects],
        history: [],
        queryTerms: planQuery(question).terms,
        relatedTerms: aliases,
      });
    const spelled = "How many projects were accepted for Orbit in the Open Summer of Work?";
    // As the paraphraser learns it from "Open Summer of Work (OSoW)" elsewhere in the briefs.
    const alias: WeightedTerm = {
      term: "osow",
      weight: 0.6,
      concept: "open",
      source: "alias",
      senseSupported: true,
    };
    expect((await answer(spelled, [alias])).text).toContain("5 accepted projects");
    expect((await answer(spelled, [])).coverage).not.toBe("full");
    // An alias the briefs spell out two ways proves nothing.
    expect((await answer(spelled, [{ ...alias, senseSupported: false }])).coverage).not.toBe("full");
  });

  it("takes a version's name from the publication's other passages when its own leaves it out", async () => {
    const deadline = passage(
      "d",
      "Next Deadline: Enhancements Freeze",
      "1.33 alpha 1 is now available. Enhancements freeze is scheduled for Friday 14th February.",
    );
    const other = passage("o", "Release", "Orbit 1.32 shipped with a new scheduler.");
    const question = "When is the Orbit 1.33 enhancements freeze?";
    expect((await ask(question, [deadline, other])).text).toContain("14th February");
    // The word ending the sentence before the number ("February.") names no other version.
    const reordered = {
      ...deadline,
      text: "Enhancements freeze is scheduled for Friday 14th February. 1.33 alpha 1 is now available.",
    };
    expect((await ask(question, [reordered, other])).text).toContain("14th February");
    // Not when no passage of that publication names it.
    const elsewhere = { ...other, publication: "Comet Notes" };
    expect((await ask(question, [deadline, elsewhere])).coverage).not.toBe("full");
  });

  it("counts a name the briefs write everywhere as naming nothing", async () => {
    const question = "Should the Orbit app crash when a consistency check fails in production?";
    // An Orbit weekly: every story names Orbit.
    const fillers = [
      passage("r", "Weather", "Rain fell on the Orbit campus all week."),
      passage("h", "Hiring", "The Orbit team hired two designers in May."),
    ];
    const stray = passage("s", "Updates", "The new Orbit app adds a check for updates every morning.");
    expect((await ask(question, [stray, ...fillers])).coverage).toBe("none");
  });

  it("quotes the sentences between the two a window joins, as the brief runs", async () => {
    const runtime = passage(
      "k",
      "Runtime 19 released",
      "Keep-alive is now on by default. It was always an option, but now it is set to true by default. The default duration is 5 seconds.",
    );
    const draft = await ask("In Runtime 19, how long does a keep-alive connection stay open by default?", [
      runtime,
    ]);
    expect(draft.coverage).toBe("full");
    expect(draft.text).toContain("now it is set to true by default. The default duration is 5 seconds.");
  });
});
