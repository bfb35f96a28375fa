import { describe, expect, it } from "vitest";
import { leadTitle } from "../../src/ingest/markdown-item-titles.ts";
import { withoutLiquidTags } from "../../src/ingest/markdown-site-syntax.ts";
import { readIssues } from "../../src/ingest/read-issues.ts";
import type { SourceIssue } from "../../src/ingest/source-issue.ts";
import { splitIntoStories } from "../../src/ingest/split-into-stories.ts";

async function storiesOf(markdown: string, path = "weekly-7.md") {
  const [issue] = await readIssues(path, new TextEncoder().encode(markdown));
  return splitIntoStories(issue as SourceIssue);
}

const titlesOf = async (markdown: string) => (await storiesOf(markdown)).map((story) => story.title);

describe("numbered project entries", () => {
  const digest = [
    "# 开源周刊第 7 期",
    "",
    "### Go 项目",
    "1、[quickcache](https://github.com/example/quickcache)：一个内存缓存库，支持过期时间和容量上限，示例代码：",
    "```go",
    "cache := quickcache.New(100)",
    "2、this line is code, not an entry",
    "```",
    "",
    '<p align="center"><img src="https://example.com/shot.png"></img></p>',
    "",
    "2、[tinyproxy-go](https://github.com/example/tinyproxy)：轻量的 HTTP 代理，来自 [@someone](https://example.com/u/1) 的分享",
    "",
    '<p align="center"><a href="#目录">🔙 返回目录 🔙</a></p><br>',
    "",
    "### Python 项目",
    "3、[sheetdiff](https://github.com/example/sheetdiff)：比较两个表格文件的差异。",
    "4、[pyclock](https://github.com/example/pyclock)（英文）",
    "",
    "![](https://example.com/clock.png)",
    "",
    "终端里的番茄钟。",
  ].join("\n");

  it("files every entry under its own name, code and images included, none swallowed", async () => {
    const stories = await storiesOf(digest);
    expect(stories.map((story) => story.title)).toEqual([
      "quickcache",
      "tinyproxy-go",
      "sheetdiff",
      "pyclock",
    ]);
    expect(stories[0]).toMatchObject({ url: "https://github.com/example/quickcache" });
    expect(stories[0]?.text).toContain("一个内存缓存库");
    expect(stories[0]?.text).toContain("cache := quickcache.New(100)");
    expect(stories[0]?.text).toContain("2、this line is code");
    expect(stories[1]?.text).toBe("轻量的 HTTP 代理，来自 @someone 的分享");
    expect(stories[3]?.text).toBe("终端里的番茄钟。");
  });

  it("reads a fence that never closes as text, so it cannot swallow the entries after it", async () => {
    const titles = await titlesOf(
      [
        "## 工具",
        "1、[alpha](https://example.com/a)：第一个工具，安装方法：",
        "```",
        "npm i alpha",
        "",
        "2、[beta](https://example.com/b)：第二个工具。",
      ].join("\n"),
    );
    expect(titles).toEqual(["alpha", "beta"]);
  });

  it("takes a line that opens and closes backticks as inline code, not a fence", async () => {
    const stories = await storiesOf(
      [
        "## 工具",
        "1、[gamma](https://example.com/g)：第三个工具，用法：",
        "```gamma --fast```",
        "",
        "2、[delta](https://example.com/d)：第四个工具。",
      ].join("\n"),
    );
    expect(stories.map((story) => story.title)).toEqual(["gamma", "delta"]);
    expect(stories[0]?.text).toContain("gamma --fast");
  });

  it("titles quotations numbered `3、` on a line of their own by their first sentence", async () => {
    const titles = await titlesOf(
      [
        "## 言论",
        "",
        "1、",
        "",
        "软件的复杂度来自需求，而不是代码。代码只是把需求写下来。",
        "",
        "-- [《需求与代码》](https://example.com/q1)",
        "",
        "2、",
        "",
        "好的工具让人忘记它的存在。",
      ].join("\n"),
    );
    expect(titles).toEqual(["软件的复杂度来自需求，而不是代码", "好的工具让人忘记它的存在"]);
  });
});

describe("（1）…（n） items", () => {
  it("are items of their own when they open a section, titled by their lead", async () => {
    const stories = await storiesOf(
      [
        "## 动态",
        "",
        "（1）某公司发布了一款[透明键盘](https://example.com/kb)，按键全部采用玻璃材质。",
        "",
        "![](https://example.com/kb.png)",
        "",
        "售价999元。",
        "",
        "（2）[欧洲议会](https://example.com/eu)通过法案，要求新手机的电池可以由用户自行更换，法案将于两年后生效，违者将被处以罚款。",
        "",
        "## 文章",
        "",
        "1、[一篇文章](https://example.com/article)",
        "",
        "文章的介绍。",
      ].join("\n"),
    );
    expect(stories.map((story) => story.title)).toEqual([
      "某公司发布了一款透明键盘，按键全部采用玻璃材质",
      "欧洲议会通过法案，要求新手机的电池可以由用户自行更换，法案将于两年后生效",
      "一篇文章",
    ]);
    expect(stories[0]).toMatchObject({ url: "https://example.com/kb" });
    expect(stories[0]?.text).toContain("售价999元。");
  });

  it("stay inside the story whose list they are", async () => {
    const stories = await storiesOf(
      [
        "## 如何给变量起名",
        "",
        "起名有三条规则。",
        "",
        "（1）用名词。",
        "",
        "（2）不用缩写。",
        "",
        "（3）不用否定词。",
      ].join("\n"),
    );
    expect(stories).toHaveLength(1);
    expect(stories[0]?.title).toBe("如何给变量起名");
    expect(stories[0]?.text).toContain("（2）不用缩写。");
  });
});

describe("list items with a title", () => {
  it("make one story each when they run for paragraphs", async () => {
    const stories = await storiesOf(
      [
        "## News",
        "",
        "- **Faster block relay proposed:** A developer posted a proposal to relay blocks",
        "  in compact form to more peers at once, which would cut the time a new block",
        "  needs to reach most of the network, according to the measurements attached.",
        "",
        "  A second paragraph of the same item discusses the drawbacks.",
        "",
        "- **Wallet adds coin control:** The wallet's new release lets users choose",
        "  which outputs to spend, a feature long requested by privacy-minded users.",
        "",
        "## Releases",
        "",
        "- [Node 1.2.0][] is a maintenance release fixing a crash at start-up.",
        "",
        "[node 1.2.0]: https://example.com/releases/1.2.0",
      ].join("\n"),
    );
    expect(stories.map((story) => story.title)).toEqual([
      "Faster block relay proposed",
      "Wallet adds coin control",
      "Node 1.2.0",
    ]);
    expect(stories[0]?.text).toContain("A second paragraph of the same item");
  });

  it("stay one story when they are a list of links", async () => {
    const stories = await storiesOf(
      [
        "### Starter tasks",
        "",
        "- [SR-101](https://example.com/101) [Parser] Better message for a missing brace",
        "- [SR-102](https://example.com/102) [Docs] Explain the build flags",
        "",
        "### Other merges",
        "",
        "* [Static port allocator](https://example.com/1) for tests",
        "* [Faster startup](https://example.com/2) in the agent",
      ].join("\n"),
    );
    expect(stories.map((story) => story.title)).toEqual(["Starter tasks", "Other merges"]);
  });
});

describe("titles and headers", () => {
  it("keeps tags written as code in titles and text (`<dialog>`), where HTML is dropped", async () => {
    const stories = await storiesOf(
      "## 文章\n\n1、[如何用`<dialog>`元素做对话框](https://example.com/dialog)\n\n介绍 `<dialog>` 的用法，<b>附</b>示例。\n",
    );
    expect(stories[0]).toMatchObject({
      title: "如何用<dialog>元素做对话框",
      text: "介绍 <dialog> 的用法， 附 示例。",
    });
  });

  it("strips emoji markers from item headings and keeps their links", async () => {
    const stories = await storiesOf(
      "## 文章\n\n### 🌟 🐕 [Understanding actors](https://example.com/actors)\n\n一篇介绍 actor 模型的文章。\n",
    );
    expect(stories[0]).toMatchObject({ title: "Understanding actors", url: "https://example.com/actors" });
  });

  it("reads `#《Name》第05期` as the title even without a space after the hash", async () => {
    const [issue] = await readIssues(
      "issue05.md",
      new TextEncoder().encode("#《开源推荐》第05期\n\n## 简介\n\n每月推荐开源项目。\n"),
    );
    expect(issue).toMatchObject({ title: "《开源推荐》第05期", publication: "开源推荐", issueNumber: "5" });
  });

  it("reads a Pelican header whole when a blank line splits it", async () => {
    const [issue] = await readIssues(
      "digest-12.md",
      new TextEncoder().encode(
        "Title: Rust Digest 12\nNumber: 12\n\nDate: 2026-03-04\nCategory: Rust Digest\n\nHello and welcome!\n",
      ),
    );
    expect(issue).toMatchObject({ title: "Rust Digest 12", publication: "Rust Digest", date: "2026-03-04" });
    expect(issue?.blocks.map((block) => block.text).join("\n")).not.toMatch(/Date:|Category:/);
  });

  it("does not take a paragraph that starts with `Key: value` for a header", async () => {
    const [issue] = await readIssues(
      "note.md",
      new TextEncoder().encode("Summary: the week in brief\nand more text on the same paragraph.\n"),
    );
    expect(issue?.blocks.map((block) => block.text).join(" ")).toContain("Summary: the week in brief");
  });

  it("names the newsletter from its opening phrase", async () => {
    const [issue] = await readIssues(
      "2026-05-01.md",
      new TextEncoder().encode(
        "Hello and welcome to another issue of *Compiler Notes*! This week: parsers.\n",
      ),
    );
    expect(issue?.publication).toBe("Compiler Notes");
  });
});

describe("leadTitle", () => {
  it.each([
    ["Short sentence. And more.", "Short sentence"],
    ["人为什么有眼白？一种解释是……", "人为什么有眼白？"],
    [
      "A very long opening sentence that goes on, and on, well past the length of any headline anyone would print",
      "A very long opening sentence that goes on, and on",
    ],
    [
      "没有任何标点的一句很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的话",
      expect.stringMatching(/…$/),
    ],
  ])("%s", (text, title) => {
    expect(leadTitle(text)).toEqual(title);
  });
});

describe("withoutLiquidTags", () => {
  it("drops Jekyll tags and comment blocks, keeps the text around them and output tags", () => {
    const body = [
      'The relay policy changed. {% assign timestamp="0:31" %}',
      '{% assign later = page.date | date: "%s" | plus: 3600 %}',
      "{% comment %}<!-- editor note -->{% endcomment %}",
      "Use `{{ .Name }}` in the template.",
    ].join("\n");
    const cleaned = withoutLiquidTags(body);
    expect(cleaned).toContain("The relay policy changed.");
    expect(cleaned).not.toMatch(/\{%|timestamp|editor note/);
    expect(cleaned).toContain("{{ .Name }}");
  });

  it("drops kramdown attribute lists, not a code sample's map literal", () => {
    const body = [
      "## November",
      "",
      "{:#treefactories}",
      "- **Tree factories:** Dana proposed a design for channel factories. {: .highlight}",
      "",
      "    case reply do {:ok, value} -> value end",
    ].join("\n");
    const cleaned = withoutLiquidTags(body);
    expect(cleaned).not.toMatch(/\{:#|\{: \./);
    expect(cleaned).toContain("Dana proposed a design for channel factories.");
    expect(cleaned).toContain("{:ok, value}");
  });

  it("keeps the prose arguments of an include over several lines as paragraphs, and nothing else of it", () => {
    const body = [
      "The review club met on Wednesday.",
      "",
      "{% include functions/details-list.md",
      '  q0="Why would a node keep an orphan?"',
      '  a0="Because its parent may still',
      '      arrive from another peer."',
      '  a0link="https://example.org/review#l-12"',
      "%}",
      "",
      "## Next story",
    ].join("\n");
    const cleaned = withoutLiquidTags(body);
    expect(cleaned).not.toMatch(/\{%|%\}|details-list|a0link|example\.org/);
    expect(cleaned).toContain("\n\nWhy would a node keep an orphan?\n\n");
    expect(cleaned).toContain("Because its parent may still arrive from another peer.");
    expect(cleaned).toContain("## Next story");
  });
});

describe("front matter links", () => {
  const issueWith = async (frontMatter: string) => {
    const markdown = `---\n${frontMatter}\ntitle: Weekly 7\n---\n\n## A story\n\nSome text about a story.\n`;
    const [issue] = await readIssues("weekly-7.md", new TextEncoder().encode(markdown));
    return issue as SourceIssue;
  };

  it("keeps an absolute link and leaves out a site-relative permalink, which no reader can open", async () => {
    expect((await issueWith("permalink: /zh/newsletters/2024/10/11/")).url).toBeNull();
    expect((await issueWith("permalink: https://example.org/weekly/7/")).url).toBe(
      "https://example.org/weekly/7/",
    );
    // A relative one does not hide an absolute one under another key.
    expect((await issueWith("url: /weekly/7/\nlink: https://example.org/7")).url).toBe(
      "https://example.org/7",
    );
  });
});

describe("bold lines", () => {
  it("keep a bold line that states something as the item's first text, and a bold headline as its title only", async () => {
    const stories = await storiesOf(
      [
        "# Orbit Weekly 7",
        "",
        "## Release Schedule",
        "",
        "**Next Deadline: Code Freeze, March 21**",
        "",
        "We are on the final approach to the freeze.",
        "",
        "**A faster linker**",
        "",
        "The linker now runs twice as fast.",
        "",
        "**热烈欢迎周报团队的第 30 个编辑！**",
        "",
        "新编辑负责工具栏目。",
      ].join("\n"),
    );
    const byTitle = new Map(stories.map((story) => [story.title, story.text]));
    expect(byTitle.get("Next Deadline: Code Freeze, March 21")).toMatch(
      /^Next Deadline: Code Freeze, March 21\s+We are on the final approach/,
    );
    expect(byTitle.get("A faster linker")).toBe("The linker now runs twice as fast.");
    expect(byTitle.get("热烈欢迎周报团队的第 30 个编辑！")).toMatch(/^热烈欢迎周报团队的第 30 个编辑！/);
  });
});
