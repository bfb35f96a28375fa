import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readIssues } from "../../src/ingest/read-issues.ts";
import type { Block, SourceIssue } from "../../src/ingest/source-issue.ts";

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text);
const textOf = (issue: SourceIssue) => issue.blocks.map((block) => block.text).join("\n");
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/;

async function readOne(path: string, text: string): Promise<SourceIssue> {
  const issues = await readIssues(path, bytesOf(text));
  expect(issues).toHaveLength(1);
  return issues[0] as SourceIssue;
}

describe("readIssues rejects unreadable input with InputError", () => {
  it.each([
    ["empty file", "a.txt", new Uint8Array(), /empty/],
    ["whitespace only", "a.md", bytesOf("  \n\t\n "), /empty/],
    ["zero-width padding only", "a.html", bytesOf("\u200c\u200c&nbsp;"), /no text|empty/],
    ["binary bytes", "a.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), /binary/],
    ["mostly invalid UTF-8", "a.txt", new Uint8Array(Array.from({ length: 200 }, () => 0xff)), /UTF-8/],
    [
      "unsupported extension",
      "slides.pptx",
      bytesOf("hello"),
      /unsupported file type \.pptx \(supported: .*\.md/,
    ],
    [
      "XML that is no feed",
      "a.xml",
      bytesOf("<?xml version='1.0'?><config><a>1</a></config>"),
      /not an RSS or Atom/,
    ],
    [
      "feed without items",
      "a.rss",
      bytesOf("<rss><channel><title>T</title></channel></rss>"),
      /no readable items/,
    ],
    [
      "markup without text",
      "a.html",
      bytesOf("<html><body><img src='x.png'><script>var a</script></body></html>"),
      /no text/,
    ],
  ])("%s", async (_name, path, bytes, message) => {
    const attempt = readIssues(path, bytes);
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe("plain text", () => {
  it.each([
    ["BOM is stripped", "\ufeffA Short Title\n\nBody paragraph one.", "A Short Title"],
    ["CRLF line endings", "A Short Title\r\n\r\nBody paragraph one.\r\n", "A Short Title"],
  ])("%s", async (_name, text, title) => {
    const issue = await readOne("notes.txt", text);
    expect(issue.title).toBe(title);
    expect(textOf(issue)).not.toContain("\ufeff");
  });

  it("removes zero-width characters and joins hard-wrapped lines", async () => {
    const issue = await readOne(
      "weekly.txt",
      [
        "Gadget\u200b Weekly",
        "",
        "This paragraph was wrapped by a mail client at a fixed width so that",
        "every line is of a similar length and the sentence runs over the break.",
      ].join("\n"),
    );
    expect(issue.title).toBe("Gadget Weekly");
    expect(issue.blocks[1]).toEqual({
      kind: "paragraph",
      text: "This paragraph was wrapped by a mail client at a fixed width so that every line is of a similar length and the sentence runs over the break.",
    });
  });

  it("falls back to the file name when the first line is a greeting", async () => {
    const issue = await readOne("/x/017_digest.txt", "Hello Orbit Readers:\n\nThis week was busy.");
    expect(issue.title).toBe("digest");
    expect(issue.issueNumber).toBe("17");
    expect(issue.publication).toBe("Orbit");
  });
});

describe("markdown", () => {
  it("reads a Pelican header without fences and drops HTML comments", async () => {
    const issue = await readOne(
      "2030-01-02-crab-news.md",
      [
        "Title: Crab News 12",
        "Number: 12",
        "Date: 2030-01-02",
        "Category: Crab News",
        "",
        "Welcome to *Crab News*!",
        "",
        "<!--",
        "Editors: keep this list sorted.",
        "-->",
        "## Updates",
        "",
        "* [A new shell](https://example.com/shell) <!-- inline note -->",
      ].join("\n"),
    );
    expect(issue).toMatchObject({
      title: "Crab News 12",
      issueNumber: "12",
      date: "2030-01-02",
      publication: "Crab News",
    });
    expect(textOf(issue)).not.toMatch(/Editors|<!--|note/);
    expect(textOf(issue)).toContain("Welcome to Crab News!");
  });

  it("reads Hugo's TOML front matter and drops shortcode tags, keeping what they enclose and their captions", async () => {
    const issue = await readOne(
      "content/posts/2030-05-06-weekly-42.md",
      [
        "+++",
        'title = "Gopher Digest #42"',
        "date = 2030-05-06T09:00:00Z",
        'tags = ["go", "weekly"]',
        "+++",
        "",
        '{{< figure src="/img/cover.png" caption="A gopher on the cover" >}}',
        "",
        "## Compilers",
        "",
        'The team shipped a faster linker. {{< ref "releases.md" >}}',
        "",
        "{{% notice tip %}}",
        "The new linker halves build times for 30 projects.",
        "{{% /notice %}}",
        "",
        "Templates keep {{ .Title }} in code samples.",
      ].join("\n"),
    );
    expect(issue).toMatchObject({ title: "Gopher Digest #42", issueNumber: "42", date: "2030-05-06" });
    const text = textOf(issue);
    expect(text).not.toMatch(/\{\{[<%]|[>%]\}\}|\+\+\+|tags =|\{\}/);
    expect(text).toContain("A gopher on the cover");
    expect(text).toContain("The team shipped a faster linker.");
    expect(text).toContain("The new linker halves build times for 30 projects.");
    expect(text).toContain("{{ .Title }}");
  });

  it("reads JSON front matter, and a Markdown file that only opens with a brace as text", async () => {
    const issue = await readOne(
      "2030-05-13.md",
      '{\n  "title": "Gopher Digest #43",\n  "date": "2030-05-13"\n}\n\n## News\n\nA release.\n',
    );
    expect(issue).toMatchObject({ title: "Gopher Digest #43", date: "2030-05-13" });
    expect(textOf(issue)).not.toContain('"title"');
    const prose = await readOne("notes.md", "{\nbraces open this note\n}\n\nA release.\n");
    expect(textOf(prose)).toContain("braces open this note");
  });

  it("reads MDX: module lines, comments and component tags go, what components enclose stays", async () => {
    const issue = await readOne(
      "2030-05-20-digest.mdx",
      [
        "---",
        'title: "Gopher Digest #44"',
        "---",
        "import Callout from '../components/Callout'",
        "export const meta = {",
        "  author: 'jo',",
        "}",
        "",
        "## Survey",
        "",
        "{/* editors: check the date */}",
        '<Callout type="info" title="Survey closes soon">',
        "The Go survey closes on May 30 and has 14 questions.",
        "</Callout>",
        "",
        '<Tweet id="123" />',
        "",
        "```jsx",
        "import React from 'react'",
        "<Button />",
        "```",
      ].join("\n"),
    );
    const text = textOf(issue);
    expect(text).not.toMatch(/import Callout|export const|author|editors|<Callout|<\/Callout>|<Tweet/);
    expect(text).toContain("Survey closes soon");
    expect(text).toContain("The Go survey closes on May 30 and has 14 questions.");
    expect(issue.title).toBe("Gopher Digest #44");
    // A component in a code sample is code, kept as written.
    expect(text).toContain("<Button />");
  });

  it("uses the file name when YAML front matter has only a date", async () => {
    const issue = await readOne(
      "/posts/42-晴天.md",
      "---\ndate: 2030/03/04\n---\n\n<img src='a.png' width='800' />\n\n## 工具\n\n**好用的工具**  \n<https://example.com/tool>  \n一段介绍。\n",
    );
    expect(issue).toMatchObject({ title: "晴天", issueNumber: "42", date: "2030-03-04" });
    const heading = issue.blocks.find((block) => block.text === "好用的工具");
    expect(heading).toEqual({
      kind: "heading",
      level: 3,
      text: "好用的工具",
      url: "https://example.com/tool",
    });
    expect(textOf(issue)).not.toContain("https://");
  });

  it("takes the title from the first # heading when there is no front matter", async () => {
    const issue = await readOne(
      "digest.md",
      "# Robot Digest (Issue #9)\n\nIntro with a [link\n](https://example.com) that wraps.\n\n## Item\n\nText &amp; more.",
    );
    expect(issue).toMatchObject({
      title: "Robot Digest (Issue #9)",
      issueNumber: "9",
      publication: "Robot Digest",
    });
    expect(issue.blocks).toContainEqual({ kind: "paragraph", text: "Intro with a link that wraps." });
    expect(issue.blocks).toContainEqual({ kind: "paragraph", text: "Text & more." });
  });

  it("reads headings inside link text and drops relative navigation links", async () => {
    const issue = await readOne(
      "tldr-like.md",
      "[Home](/)\n\n# Daily 2030-05-06\n\n### \n\n[### Big Launch (3 minute read)](https://example.com/a?x=1&amp;y=2)\n\nSummary.",
    );
    expect(issue.date).toBe("2030-05-06");
    expect(issue.blocks).toContainEqual({
      kind: "heading",
      level: 3,
      text: "Big Launch (3 minute read)",
      url: "https://example.com/a?x=1&y=2",
    });
    expect(textOf(issue)).not.toContain("Home");
  });
});

describe("html", () => {
  it("drops head, scripts, styles, hidden preheaders, MSO comments and zero-width padding", async () => {
    const html = `<!doctype html><html><head><title>Lantern #12</title><style>p{color:red}</style></head><body>
      <div style="display:none;max-height:0">Preview text\u200c&zwnj;&nbsp;\u200c</div>
      <!--[if mso]><p>Outlook only</p><![endif]-->
      <script>window.x = 1</script><nav><a href="/">Home</a></nav>
      <table><tr><td><h1>Lantern #12</h1><p>Hello&nbsp;&#8217;readers&#8217; <img src="a.png"> <a href="https://t.example/c/1">click</a>.</p></td></tr></table>
      </body></html>`;
    const issue = await readOne("lantern.html", html);
    expect(issue.title).toBe("Lantern #12");
    expect(issue.issueNumber).toBe("12");
    const text = textOf(issue);
    expect(text).toContain("Hello ’readers’ click.");
    expect(text).not.toMatch(/Preview|Outlook|window|color:red|Home|https:/);
    expect(text).not.toMatch(zeroWidth);
  });

  it("takes publication, date and title from a forwarded message block", async () => {
    const html = `<div>---------- Forwarded message ---------<br>From: <b>Jane Quill</b> &lt;jane@example.com&gt;<br>
      Date: Sat, Mar 5, 2022 at 11:57 PM<br>Subject: Paper and ink<br>To: &lt;someone@example.com&gt;</div>
      <div><p>The essay starts here and goes on.</p></div>`;
    const issue = await readOne("fwd.html", html);
    expect(issue).toMatchObject({ publication: "Jane Quill", title: "Paper and ink", date: "2022-03-05" });
    expect(textOf(issue)).not.toMatch(/Forwarded|someone@/);
  });

  it("decodes undeclared HTML as UTF-8", async () => {
    const issue = await readOne("zh.htm", "<p>吃人 chī rén — 鲁迅</p>");
    expect(issue.blocks).toEqual([{ kind: "paragraph", text: "吃人 chī rén — 鲁迅" }]);
  });

  it("reads an .xml file that is really an HTML page", async () => {
    const issue = await readOne(
      "page.xml",
      "<!DOCTYPE html><html><body><h1>Not a feed</h1><p>Body.</p></body></html>",
    );
    expect(issue.title).toBe("Not a feed");
  });
});

describe("feeds", () => {
  it("unescapes entity-escaped Atom HTML content once and uses <updated>", async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
      <title type="text">Summary Feed</title><link href="{&#39;https://broken.example&#39;}" />
      <entry xml:base="https://summary.example/feed.xml"><title type="text">First &amp; best</title>
        <id>https://story.example/1</id><updated>2030-06-29T04:19:16.986431Z</updated>
        <link href="https://story.example/1" />
        <content type="html">&lt;img src=&#34;https://img.example/a.png&#34; /&gt;&lt;br /&gt;A summary with &amp;lt;b&amp;gt; shown literally. &lt;a href=&#34;https://x.example&#34;&gt;[comments]&lt;/a&gt;</content>
      </entry></feed>`;
    const issues = await readIssues("summary.xml", bytesOf(atom));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      publication: "Summary Feed",
      title: "First & best",
      date: "2030-06-29",
      url: "https://story.example/1",
      key: "https://story.example/1",
    });
    expect(issues[0]?.blocks).toEqual([
      { kind: "paragraph", text: "A summary with <b> shown literally. [comments]" },
    ]);
  });

  it("reads RSS items with CDATA bodies and dates a Chinese item by its publisher's (UTC+8) calendar", async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title><![CDATA[周刊]]></title>
      <item><title><![CDATA[第7期 - 晴天]]></title><link>https://w.example/7</link>
        <pubDate>Sun, 14 Nov 2021 16:00:00 GMT</pubDate>
        <description><![CDATA[<h2>工具</h2><p><strong>一个工具</strong><br><a href="https://t.example">https://t.example</a><br>介绍文字。</p>]]></description></item>
      <item><title>Second</title><guid>g-2</guid><content:encoded><![CDATA[<p>Body two.</p>]]></content:encoded></item>
    </channel></rss>`;
    const issues = await readIssues("feed.rss", bytesOf(rss));
    expect(issues.map((issue) => [issue.title, issue.issueNumber, issue.date, issue.key])).toEqual([
      // 16:00 GMT on the 14th is midnight of the 15th in China, the day it was published.
      ["第7期 - 晴天", "7", "2021-11-15", "https://w.example/7"],
      ["Second", null, null, "g-2"],
    ]);
    expect(issues[0]?.blocks).toContainEqual({
      kind: "heading",
      level: 3,
      text: "一个工具",
      url: "https://t.example",
    } satisfies Block);
  });
});

describe("e-mail", () => {
  it("decodes a quoted-printable multipart message and prefers the HTML part", async () => {
    const message = [
      "Received: from mx.example by mx.example; Thu, 1 Jan 2030 00:00:00 +0000",
      "From: Sam Writer from Ink Letter <ink@example.com>",
      "To: reader@example.com",
      "Subject: A long subject that is folded",
      " onto a second line",
      "Date: Wed, 18 Feb 2026 06:01:02 -0800",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "View this post on the web at https://ink.example/p/folded",
      "",
      "Plain part (https://track.example/1) text.",
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      '<p style=3D"margin:0">It=E2=80=99s the HTML part, with a soft line br=',
      "eak.</p>",
      "--b1--",
      "",
    ].join("\r\n");
    const issue = await readOne("ink.eml", message);
    expect(issue).toMatchObject({
      publication: "Ink Letter",
      title: "A long subject that is folded onto a second line",
      date: "2026-02-18",
      url: "https://ink.example/p/folded",
    });
    expect(issue.blocks).toEqual([
      { kind: "paragraph", text: "It’s the HTML part, with a soft line break." },
    ]);
  });
});
