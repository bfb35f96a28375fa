import { describe, expect, it } from "vitest";
import {
  analyzeQuestion,
  askedTypesOf,
  definedThing,
  headTokensOf,
  specificsOf,
} from "../../src/question/analyze-question.ts";
import { isKnownEnglishWord } from "../../src/question/known-words.ts";

describe("askedTypesOf", () => {
  it.each([
    ["How much does the Pro plan cost per month?", "money"],
    ["这台相机卖多少钱？", "money"],
    ["What percentage of revenue came from cloud?", "percentage"],
    // A comparison asks for a ratio.
    ["How much faster is the new compiler?", "percentage"],
    ["How much must a buyer pay relative to the list price?", "percentage"],
    ["新版安装包比上个版本小了多少？", "percentage"],
    ["How long does the battery last?", "duration"],
    ["手机充满电要多久？", "duration"],
    ["What grace period does the new cloud policy allow before deletion?", "duration"],
    // 省多少 is money unless a unit or another measure follows.
    ["这个方案每年能省多少钱？", "money"],
    ["新的操作码每次使用能节省多少 vbytes？", "quantity"],
    ["What is the default session timeout in the admin console?", "duration"],
    ["How far can the drone fly?", "distance"],
    ["How many engineers did the startup hire?", "quantity"],
    ["这家公司有多少名员工？", "quantity"],
    // A version is told by its number ("upgraded to 1.82"), not by the word.
    ["What version did the team upgrade to?", "quantity"],
    ["这次把基础镜像升级到了哪个版本？", "quantity"],
    ["这个调试器最低支持哪个 iOS 系统版本？", "quantity"],
    ["这个补丁会随哪个 Node.js LTS 发行版本一起发布？", "quantity"],
    ["When did the company go public?", "date"],
    ["What year was the chip announced?", "date"],
    ["On what exact date will the group first meet?", "date"],
    ["On what dates is the summit taking place?", "date"],
    // A measure of a thing asks for a number.
    ["What is the exact maximum path length the parser now enforces?", "quantity"],
    ["What is the size of the new cache?", "quantity"],
    ["这款芯片什么时候量产？", "date"],
    ["大会在哪几天举行？", "date"],
    ["攻击者至少得花掉相当于 HTLC 价值多少倍的费用？", "percentage"],
    ["To what value did the release lower the limit?", "quantity"],
    // A size, not money saved or a span of time.
    ["How much room per hash could the protocol save?", "quantity"],
    ["存储前会先掺入多长的随机数据？", "quantity"],
    ["这个任务要多长时间？", "duration"],
    ["What was the deadline for comments on the proposal?", "date"],
    ["提案反馈的截止日期是什么？", "date"],
    ["Who founded the lab?", "person"],
    ["这个项目是谁做的？", "person"],
    // The opening question word asks; a "which version" or "how long" in a clause after it does not.
    ["Who built the site listing which Node version ships with which npm version?", "person"],
    ["When did the startup say how many engineers it would hire?", "date"],
    // An audience ("给谁用", "向谁开放") is no person's name.
    ["这个平台原来只给谁用？", "other"],
    ["Which company bought the studio?", "name"],
    ["那款耳机是哪个牌子的？", "name"],
    ["Why did the team leave the project?", "reason"],
    ["Does the phone support satellite calls?", "yesno"],
    ["Was the proposal accepted or rejected?", "choice"],
    ["这个项目是开源还是闭源的？", "choice"],
    ["What does the new runtime change?", "other"],
    ["How often does the maintainer publish a release?", "frequency"],
    ["他的经理多久跟他碰一次头？", "frequency"],
    ["Where is the summit taking place?", "place"],
    ["作者最近在哪里办公？", "place"],
    ["作者在哪家公司工作？", "name"],
  ])("%s → %s", (question, type) => {
    expect(askedTypesOf(question)[0]).toBe(type);
  });

  it("reads a relative 'who' or a 'when' clause as no question word", () => {
    expect(askedTypesOf("Why did the engineer who built the tool quit?")).toEqual(["reason"]);
    expect(askedTypesOf("When the board met, how many members voted?")).toEqual(["quantity"]);
  });

  it("asks for an audience, not a name, in 'who is it for'", () => {
    expect(askedTypesOf("What is the new editor, and who is it meant for?")).not.toContain("person");
  });

  it("gives each part of a two-part question its own type", () => {
    expect(askedTypesOf("那款相机卖多少钱？有多重？")).toEqual(["money", "quantity"]);
    // 频率 asks for a frequency only when its value is asked ("频率是多少", "什么频率").
    expect(askedTypesOf("是哪位开发者统计了节点请求额外交易的频率？")).toEqual(["person"]);
    expect(askedTypesOf("节点请求额外交易的频率是多少？")).toEqual(["frequency"]);
    expect(askedTypesOf("How much is the city putting into the tram line, and over what period?")).toEqual([
      "money",
      "duration",
    ]);
    expect(askedTypesOf("When did the plant open, and how many people work there?")).toEqual([
      "date",
      "quantity",
    ]);
  });

  it("ignores the words of a quoted title", () => {
    expect(askedTypesOf("《我们为什么要写代码》这篇文章的作者在哪家公司工作？")).toEqual(["name"]);
  });
});

describe("headTokensOf", () => {
  it.each([
    ["How many volumes did the printer produce?", ["volume"]],
    ["How many staff writers were hired?", ["writer"]],
    ["What license does the model use?", ["license"]],
    ["Which kinds of files does the tool read?", ["file"]],
    // A plural noun before a present verb ("fix", "support") the noun-phrase pattern cannot tell apart.
    ["Which Postgres versions support logical replication slots?", ["version"]],
    // A verb with its particle after the noun: "turns on".
    ["Which flag turns on verbose logging in the daemon?", ["flag"]],
    ["Which setting turns on telemetry in the app?", ["sett"]],
    ["What Node releases ship the new test runner?", ["release"]],
    ["What do new founders need to do?", []],
    // "What happens to …" names no noun, in any form of the verb.
    ["What happens to the old servers after the move?", []],
    // "Whose account …": what belonged to the asked person.
    ["Whose account was taken over?", ["account"]],
    // A past form after the noun phrase ends it, regular or irregular.
    ["Which static site generator written in Go did the issue recommend?", ["generator"]],
    ["Which browser engine shipped first?", ["engine"]],
    ["Which phone maker sold the most handsets?", ["maker"]],
    // The measured noun of "how large a …", "how big was the …".
    ["How large a grant did the lab receive from the council?", ["grant"]],
    ["How heavy is the new headset?", ["headset"]],
    // A unit ending a Chinese question is what the answer must give.
    ["这款台灯的亮度是多少流明？", ["流明"]],
    // The noun before 是多少 is what is measured: a compound's last word, less words naming only
    // the kind of figure (范围, 上限) or qualifying it (默认).
    ["那家工厂的规划产能是多少？", ["产能"]],
    ["这个岗位的薪资范围是多少？", ["薪资"]],
    ["缓存的最大大小默认是多少？", ["大小"]],
    // An adjective before the noun is passed over.
    ["这个框架支持哪些新平台？", ["平台"]],
    // "What way", "什么方式", "什么原因" ask how or why: the answer tells the way, not the word.
    ["这个工具用什么方式保存配置？", []],
    ["他们是靠什么手段更早发现问题的？", []],
    ["In what way does the tool store its settings?", []],
    ["What parts is the framework split into?", []],
    // Nouns a named thing or a figure answers without the word: a technology, a feature, a value,
    // a total (总额), a rate (成功率: the noun before it is what is measured).
    ["这个组件库基于什么技术？", []],
    ["集成了哪些功能后就无法转移？", []],
    ["To what value did the release lower the limit?", []],
    ["宣布的研究基金总额是多少？", ["基金"]],
    ["它承诺的转发成功率是多少？", ["转发"]],
    // A situation or a drawback is told, not named.
    ["In what situation does an abort still close the channel?", []],
    ["这种估计方法有什么劣势？", []],
    // The possessor is what is asked for: "which language's feature" asks for a language.
    ["Which programming language's feature inspired the pitch?", ["language"]],
    // "What date": a date answers it; "whose" inside a relative clause asks nothing of its noun.
    ["On what date did the group hold the meeting whose notes Dana shared?", []],
    // A modifier before 的, or a compound ending in a class noun, leaves the noun it qualifies.
    ["用哪个自带的终端命令就能查看磁盘用量？", ["命令"]],
    ["有什么原生工具能查看网络请求？", ["工具"]],
    ["哪家公司开源的这个框架？", ["公司"]],
    ["这款钱包支持哪些型号的硬件设备？", ["型号"]],
    // A rate's "per month" qualifies the counted noun; capabilities are told, not named.
    ["How many free messages per month does the service offer?", ["message"]],
    ["新版本带来了什么新能力？", []],
    ["What new capabilities does the release bring?", []],
    ["他们在播客里聊了哪些话题？", []],
  ])("%s → %j", (question, heads) => {
    expect(headTokensOf(question)).toEqual(heads);
  });

  it("takes the noun after a Chinese measure word", () => {
    expect(headTokensOf("他们打算发射多少颗卫星？")).toContain("卫星");
  });
});

describe("specificsOf (ordinals)", () => {
  it("takes no ordinal for a version: it ranks or dates", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("How much did caching cut the proxy's 99th-percentile latency?")).not.toContain("99th");
    expect(texts("Who joined the team in its June 3rd, 2024 update?")).not.toContain("June 3rd");
    expect(texts("What changed in Orbit 2.4?")).toContain("Orbit 2.4");
  });
});

describe("specificsOf (Chinese quotes and everyday nouns)", () => {
  it("takes a short quoted term as a specific and leaves a long quoted paraphrase to the search", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("作者说的“生来全球化”是什么意思？")).toContain("生来全球化");
    expect(texts("比以前“过一阵子看看程序还在不在”的办法好在哪里？")).toEqual([]);
    expect(texts("《我为什么离开一家很大的公司》讲了什么？")).toContain("我为什么离开一家很大的公司");
  });

  it("takes a Latin word opening a Chinese question as a name: Chinese capitalises nothing", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("Quillon 开源的客户端有多少个 star？")).toEqual(["Quillon"]);
    expect(texts("Which client did it pick?")).toEqual([]);
  });

  it("does not take a capitalised preposition opening the question for part of a name", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("Under Orbit's new rules, who may vote?")).toEqual(["Orbit's"]);
    expect(texts("Since Orbit 2.0, which formats are read?")).toEqual(["Orbit 2.0"]);
  });

  it("takes a numbered change or issue ('Orbit #795') as a specific: it tells it from the others", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("Which device did Orbit #795 add support for?")).toEqual(["#795", "Orbit"]);
    expect(texts("Orbit #8627 为什么默认拒绝？")).toContain("#8627");
  });

  it("leaves the reference word before a number to the number ('Orbit PR 4410' names Orbit)", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("How does Orbit PR 4410 change the scheduler?")).toEqual(["PR 4410", "Orbit"]);
  });

  it("does not cut a name at a letter outside ASCII: 'Niklas Gögge' is no version 'Niklas G'", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("When did Dana Gößl report the bug?")).toEqual(["Dana Gößl"]);
    // Chinese after a model name goes on with no word of its own.
    expect(texts("Orbit K3发布了吗？")).toContain("Orbit K3");
  });

  it("does not take an acronym for a kind of thing (ID, URL) for a name", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("When does Orbit forget a channel ID after the channel closes?")).toEqual(["Orbit"]);
    expect(texts("Which URL does the Orbit app open first?")).toEqual(["Orbit"]);
    // "his PR" is a pull request (a Chinese brief writes 拉取请求); "PR 4120" is still a reference.
    expect(texts("Why did Dana Ruiz close her PR?")).toEqual(["Dana Ruiz"]);
    expect(texts("Dana Ruiz 关闭那个 PR 后做了什么？")).toEqual(["Dana Ruiz"]);
    expect(texts("What does Orbit PR 4120 change?")).toContain("PR 4120");
    // A class noun written with a capital ("正式版 App") names nothing either.
    expect(texts("对于已经上线的正式版 App，作者认为应该崩溃吗？")).toEqual([]);
    // "non-Apple Swift platforms" names no "Apple Swift".
    expect(texts("What does Orbit 1.1 bring to the non-Apple Swift platforms?")).not.toContain("Apple Swift");
    // A guest (嘉宾) is a kind of person, whom the question asks for.
    expect(texts("Orbit Cast 那期播客请的嘉宾是谁？")).toEqual(["Orbit Cast"]);
  });

  it("joins capitalised words by 'of' into one name", () => {
    const texts = (question: string) => specificsOf(question).map((specific) => specific.text);
    expect(texts("How many projects joined the Open Summer of Work?")).toEqual(["Open Summer of Work"]);
    expect(texts("What did the Bank of Valen say?")).toEqual(["Bank of Valen"]);
  });

  it("does not take 东西 (thing) for a place", () => {
    expect(specificsOf("那个新东西叫什么？")).toEqual([]);
  });
});

describe("specificsOf", () => {
  it("takes a lower-case word the dictionary lacks as a name, with the real English dictionary", () => {
    const names = specificsOf(
      "Which Bitcoin Core release dropped libfoobarz, and why?",
      isKnownEnglishWord,
    ).map((specific) => specific.text);
    expect(names).toContain("libfoobarz");
    // Ordinary words, inflected or not, and function words are not names.
    const plain = specificsOf(
      "Which release dropped the printers, against whose wishes?",
      isKnownEnglishWord,
    );
    expect(plain.map((specific) => specific.text)).toEqual([]);
    // Pronouns WordNet lacks ("anything", "everyone") and new everyday words ("app") are no names.
    expect(
      specificsOf("What happens if I press enter without typing anything in the app?", isKnownEnglishWord),
    ).toEqual([]);
    // A short unknown word counts only without a vowel ("qxbz"), since the dictionary lacks many
    // short English words ("amid", "owed").
    expect(
      specificsOf("Which lab forked qxbz amid the dispute over what was owed?", isKnownEnglishWord).map(
        (specific) => specific.text,
      ),
    ).toEqual(["qxbz"]);
    // Without a dictionary, only capitalised, versioned, quoted and Chinese names count.
    expect(specificsOf("Which release dropped libfoobarz?").map((specific) => specific.text)).toEqual([]);
  });

  it("takes the shares a question names as numbers an answer must hold", () => {
    const specifics = specificsOf("What gets a team into the top 5% rather than the top 0.5%?");
    expect(
      specifics.filter((specific) => specific.kind === "number").map((specific) => specific.text),
    ).toEqual(["5%", "0.5%"]);
  });

  it("keeps a version with its name and a multi-word name as one", () => {
    const specifics = specificsOf("Did Ada Lovelace Labs ship Python 3.14 support for the M4 Pro?");
    const texts = specifics.map((specific) => `${specific.kind}:${specific.text}`);
    expect(texts).toContain("version:Python 3.14");
    expect(texts).toContain("version:M4 Pro");
    expect(texts).toContain("name:Ada Lovelace Labs");
  });

  it("keeps quoted phrases and never a question phrase tagged as a name", () => {
    const specifics = specificsOf("“零拷贝”这个说法是谁提出的？要多少钱？");
    expect(specifics.map((specific) => specific.kind)).toContain("quoted");
    expect(specifics.some((specific) => specific.text.includes("多少"))).toBe(false);
  });

  it("gives nothing for a question without names", () => {
    expect(specificsOf("how long does it take?")).toEqual([]);
  });
});

describe("analyzeQuestion", () => {
  it("records the numbers the question gives and the measure word of a count", () => {
    const analysis = analyzeQuestion("用 4000 个 token 测试，要跑多少轮？");
    expect(analysis.givenNumbers).toEqual(["4000"]);
    expect(analysis.measureWord).toBeNull();
    expect(analyzeQuestion("他们打算发射多少颗卫星？").measureWord).toBe("颗");
  });

  it("asks for a name when the head is a class of named things", () => {
    expect(analyzeQuestion("What self-driving startup did she join?").asked).toBe("name");
  });
});

describe("specificsOf (possessives and sites)", () => {
  it("splits a name at a possessive, so each part must be found", () => {
    expect(
      specificsOf("Which banks are underwriting Northwind's IPO?").map((specific) => specific.text),
    ).toEqual(["Northwind's", "IPO"]);
  });

  it("reads an identifier joined by underscores as a name", () => {
    expect(
      specificsOf("What does the spool_retry_budget setting limit?").map((specific) => specific.text),
    ).toEqual(["spool_retry_budget"]);
  });

  it("reads a lower-case site name as a site", () => {
    expect(specificsOf("What is tunewright.ai for?")).toContainEqual(
      expect.objectContaining({ text: "tunewright.ai", kind: "site" }),
    );
  });

  it("leaves months and years to the time reference, and class nouns out", () => {
    const texts = specificsOf("How much is in the OP_CAT fund announced in September 2024?").map(
      (specific) => specific.text,
    );
    expect(texts).toEqual(["OP_CAT"]);
    expect(specificsOf("蓉老师专程去了哪座城市？").map((specific) => specific.text)).not.toContain("城市");
  });
});

describe("a name with an apostrophe", () => {
  it("is one name, not a name and a one-letter model (James O'Beirne, not James O)", () => {
    const specifics = analyzeQuestion("How many people signed James O'Beirne's open letter?").specifics;
    expect(specifics.map((specific) => specific.kind)).not.toContain("version");
    expect(specifics.map((specific) => specific.text)).toContain("James O'Beirne's");
    expect(analyzeQuestion("Is the Model Y cheaper this year?").specifics).toEqual([
      { text: "Model Y", tokens: ["model", "y"], kind: "version" },
    ]);
  });
});

describe("definedThing", () => {
  it.each([
    ["What is Tunewright, and who is it for?", "Tunewright"],
    ["What's the Orbit platform?", "Orbit platform"],
    ["glyph.dev 这个网站是做什么的？", "glyph.dev"],
    ["周刊推荐的 Plane 是个什么工具？", "Plane"],
    ["What is the name of the CEO?", null],
    ["How many volumes came out?", null],
    ["What is the release name or theme of Orbit 2.0?", null],
    ["Orbit 2.0 版本的代号是什么？", null],
    // "the features in X" asks for an attribute of X, "a mempool in X" what it is.
    ["What were the main new features in Orbit 2.0?", null],
    ["What are the key changes of the new policy?", null],
    ["What is a mempool in Bitcoin?", "mempool in Bitcoin"],
    // A relation or a reason between two things is no definition.
    ["甲公司的创始人和乙实验室的主任是什么关系？", null],
    ["这次降价是什么原因？", null],
  ])("%s → %s", (question, thing) => {
    expect(definedThing(question)).toBe(thing);
  });
});

describe("a clause that only says which thing", () => {
  it("asks nothing: the type comes from the clause with the question word", () => {
    expect(askedTypesOf("那个控制方法调用频率的库，作者优化后耗时降低了多少？")).toEqual(["percentage"]);
    expect(askedTypesOf("那款相机卖多少钱？有多重？")).toEqual(["money", "quantity"]);
  });
});

describe("asked nouns", () => {
  it.each([
    ["Polidea 开源的 Quill 是什么类型的工具？", ["工具"]],
    ["这次更新主要加强了哪方面的支持？", []],
    ["How does the KEP change the order in which namespace contents are removed?", []],
    ["In which city did the summit take place?", ["city"]],
    ["Which language popular for Android does it target?", ["language"]],
    ["他最后选了哪个云端桌面方案？", []],
    ["这家公司主要做什么业务？", []],
    // "What change", "什么问题", "哪些信息": the answer tells the change, the problem or the facts.
    ["What change did the 3.0 release make to its build system?", []],
    ["这个提案想解决的是什么问题？", []],
    ["新加的请求头会包含哪些信息？", []],
    ["VisActor 是哪家公司开源的？", ["公司"]],
  ])("%s → %j", (question, heads) => {
    expect(analyzeQuestion(question).headTokens).toEqual(heads);
  });
});

describe("what + a verb in the past", () => {
  it.each(["What changed for the Orbit mailing list?", "What broke in the 2.0 release?"])(
    "%s has no asked noun",
    (question) => {
      expect(analyzeQuestion(question).headTokens).toEqual([]);
    },
  );
  it("keeps nouns that end like verbs", () => {
    expect(analyzeQuestion("What feed does the reader poll?").headTokens).toEqual(["feed"]);
  });
});

describe("name questions", () => {
  it.each([
    "What is the release name or theme of Orbit 2.0?",
    "What is the codename of the next release?",
    "Orbit 2.0 版本的代号是什么？",
    // A noun of a named kind before 是什么 asks which one.
    "第一个通过试用的工具是什么？",
    "收购它的公司叫什么？",
  ])("%s asks for a name", (question) => {
    expect(analyzeQuestion(question).askedTypes).toEqual(["name"]);
  });
});

describe("a thing before 是什么 that is no named kind", () => {
  it.each(["Plane 是什么？", "这个新东西是什么？"])("%s asks for no name", (question) => {
    expect(analyzeQuestion(question).askedTypes).toEqual(["other"]);
  });
});

describe("class nouns", () => {
  it("asks for a name when the question asks which plugin, extension or package", () => {
    expect(analyzeQuestion("Which specific plugins had the bug?").askedTypes).toEqual(["name"]);
    expect(analyzeQuestion("Which extension does the guide recommend?").askedTypes).toEqual(["name"]);
  });
});

describe("asksForPerson", () => {
  it.each([
    ["What are the names of the two Orbit developers?", true],
    ["Who wrote the caching patch?", true],
    ["Who is the new editor of Test Weekly?", true],
    ["这本书的作者是谁？", true],
    // Who found or reported something: a person (a company that did is no name to guess).
    ["Who discovered the caching bug?", true],
    ["这个漏洞最初是由谁发现并报告的？", true],
    ["被起诉的两名开发者分别叫什么名字？", true],
    ["两位创始人各自的姓名是什么？", true],
    ["这两个项目分别叫什么名字？", false],
    ["Who acquired the startup?", false],
    ["Which package manager did the project move to?", false],
    ["Which text editor does the author use?", false],
    ["Which product manager left the team?", true],
    ["Which company makes the chip?", false],
    // People of films and music are people too.
    ["这部电影的导演是谁？", true],
    ["Who is the lead actor of the film?", true],
    ["那期播客请的嘉宾是谁？", true],
    ["Who was the guest on the podcast episode?", true],
    // People named by who they are or what they won.
    ["获奖者中被特别提到的三位女性是谁？", true],
    ["Who were the three women named among the winners?", true],
  ])("%s → %s", (question, expected) => {
    const analysis = analyzeQuestion(question);
    expect(analysis.asksForPerson).toBe(expected);
    if (expected) expect(analysis.askedTypes).toContain("person");
  });
});

describe("purpose and height questions", () => {
  it.each([
    ["What does the new filter drop, and to what end?", ["reason"]],
    ["For what purpose was the cache added?", ["reason"]],
    ["这个改动的目的是什么？", ["reason"]],
    ["是以多高的默认费率作为门槛的？", ["quantity"]],
    ["How high is the default fee rate?", ["quantity"]],
    ["这座塔有多高？", ["distance"]],
    // "方便在哪里", "区别在哪": in what way, not where.
    ["这个调试器方便在哪里？", ["other"]],
    ["这两个框架的区别在哪？", ["other"]],
    ["发布会在哪里举行？", ["place"]],
    // "Where did X come from" asks for a source.
    ["Where did the money for the new lab come from?", ["other"]],
    ["这笔钱是从哪里来的？", ["other"]],
    ["Where did the team meet last year?", ["place"]],
    // Raising a rate is a change of a share, not money raised.
    ["How much did the new rule raise the cache hit rate?", ["percentage"]],
    ["How much did the startup raise in its Series B?", ["money"]],
    // A status code is a number, told without the word ("returns HTTP 200").
    ["Which HTTP status code does the server answer with?", ["quantity"]],
    ["服务器返回什么状态码？", ["quantity"]],
    // 花了多少 is money, 花了多少年 a span of time.
    ["这台相机花了多少钱？", ["money"]],
    ["研发团队花了多少年打磨？", ["duration"]],
    ["How high is the new tower?", ["distance"]],
  ])("%s → %j", (question, types) => {
    expect(analyzeQuestion(question).askedTypes).toEqual(types);
  });

  it("'to what end' names no noun the answer must repeat", () => {
    expect(analyzeQuestion("What does the new filter drop, and to what end?").headTokens).toEqual([]);
  });
});

describe("share questions", () => {
  it("reads 占多少 as asking for a share", () => {
    expect(analyzeQuestion("这个组合里，债券占多少仓位？").askedTypes).toEqual(["percentage"]);
  });
});

describe("price questions and titles", () => {
  it("reads 原价多少 and 优惠价是多少 as asking for money", () => {
    expect(analyzeQuestion("这门课原价多少？上新优惠价是多少？").askedTypes).toEqual(["money"]);
  });

  it("marks a 《title》 as a title", () => {
    const [title] = analyzeQuestion("《深入浅出某某课》原价多少？").specifics;
    expect(title?.titled).toBe(true);
    expect(analyzeQuestion('What does the "Tesla tailwind" mean?').specifics[0]?.titled).toBeUndefined();
  });
});

describe("acronym plurals", () => {
  it("name the acronym", () => {
    expect(specificsOf("How many KEPs and CVEs were filed?").map((specific) => specific.text)).toEqual([
      "KEP",
      "CVE",
    ]);
  });
});

describe("names that open in lower case", () => {
  it.each([
    ["How much does the iPhone 15 Pro cost?", ["iPhone 15 Pro"]],
    ["Does uBlock Origin still work in Chrome?", ["uBlock Origin", "Chrome"]],
    ["What did eBay announce?", ["eBay"]],
  ])("%s → %j", (question, names) => {
    expect(specificsOf(question).map((specific) => specific.text)).toEqual(names);
  });
});

describe("acronyms that name a kind of thing", () => {
  it("are not specifics", () => {
    expect(
      specificsOf("Which OS versions does the new SDK support?").map((specific) => specific.text),
    ).toEqual([]);
  });

  it("include practices: 'CI automation' is told by the tools that do it", () => {
    expect(
      specificsOf("Under Orbit's new rule for CI automation, how must GitHub steps be pinned?").map(
        (specific) => specific.text,
      ),
    ).toEqual(["Orbit's", "GitHub"]);
  });
});

describe("which and an acronym", () => {
  it("asks for a name", () => {
    expect(
      analyzeQuestion("After the working group closed, which Kubernetes SIG took over its project?")
        .askedTypes,
    ).toEqual(["name"]);
    expect(analyzeQuestion("Which way did the project go?").askedTypes).toEqual(["other"]);
  });
});
