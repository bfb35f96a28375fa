import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { declaredInDocument, decodeText } from "../../src/ingest/decode-text.ts";
import { readIssues } from "../../src/ingest/read-issues.ts";

/**
 * Legacy encodings, with fixtures made here by encoding our own text (GBK and GB18030 for
 * mainland pages and e-mail, Big5 for Taiwan and Hong Kong, windows-1252 for old Western ones).
 */

const simplified =
  "阿里巴巴周四发布了新一代大模型。宁德时代在匈牙利的工厂规划产能为一百吉瓦时。腾讯公布了第三季度财报，营收同比增长。";
const traditional =
  "台積電宣布在日本熊本興建第二座晶圓廠。鴻海公布電動車計畫，預計明年量產。聯發科發表新款旗艦晶片。";
const western = "Café society: naïve résumés, déjà vu and crème brûlée — très élégant, à la française. ";

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const html = (charsetTag: string, body: string) =>
  `<!doctype html><html><head>${charsetTag}<title>简报</title></head><body><h1>简报第九期</h1><p>${body}</p></body></html>`;

describe("decodeText", () => {
  it.each([
    ["GBK with <meta charset>", encode(html('<meta charset="gbk">', simplified), "gbk"), simplified],
    [
      "GB2312 label (a browser reads it as GBK)",
      encode(html('<meta charset="gb2312">', simplified), "gbk"),
      simplified,
    ],
    [
      "Big5 with <meta http-equiv>",
      encode(html('<meta http-equiv="Content-Type" content="text/html; charset=big5">', traditional), "big5"),
      traditional,
    ],
    [
      "GB18030 with an XML declaration",
      encode(
        `<?xml version="1.0" encoding="GB18030"?><rss><channel><title>${simplified}</title></channel></rss>`,
        "gb18030",
      ),
      simplified,
    ],
    ["GB18030 undeclared (detected)", encode(simplified.repeat(2), "gb18030"), simplified],
    ["Big5 undeclared (detected)", encode(traditional.repeat(2), "big5"), traditional],
    ["windows-1252 undeclared (detected)", encode(western.repeat(3), "windows-1252"), "crème brûlée"],
    [
      "UTF-8 with a byte-order mark",
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(simplified)]),
      simplified,
    ],
    [
      "UTF-16LE with a byte-order mark",
      new Uint8Array(iconv.encode(simplified, "utf-16le", { addBOM: true })),
      simplified,
    ],
    [
      "UTF-8 mislabelled as iso-8859-1 stays UTF-8",
      new TextEncoder().encode(html('<meta charset="iso-8859-1">', simplified)),
      simplified,
    ],
  ])("%s", (_name, bytes, expected) => {
    expect(decodeText("fixture", bytes)).toContain(expected);
  });

  it("a transport charset (HTTP Content-Type) wins over a wrong document declaration", () => {
    const bytes = encode(html('<meta charset="big5">', simplified), "gbk");
    expect(decodeText("fixture", bytes, "gbk")).toContain(simplified);
  });

  it.each([
    ["<?xml version='1.0' encoding='Big5'?>", "Big5"],
    ['<meta charset="GBK">', "GBK"],
    ['Content-Type: text/plain; charset="gb18030"', "gb18030"],
    ["<p>no declaration</p>", undefined],
  ])("declaredInDocument(%s)", (head, label) => {
    expect(declaredInDocument(new TextEncoder().encode(head))).toBe(label);
  });

  it("refuses a NUL byte far past the first 8 KB", () => {
    const bytes = new TextEncoder().encode(`${"plain text ".repeat(2000)}\0${"more text ".repeat(10)}`);
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    expect(() => decodeText("late-nul.txt", bytes)).toThrow(/binary/);
  });

  it("refuses bytes that no encoding decodes, by name", () => {
    const bytes = new Uint8Array(300).fill(0xff);
    expect(() => decodeText("noise.txt", bytes)).toThrow(InputError);
    expect(() => decodeText("noise.txt", bytes)).toThrow(/noise\.txt is not valid UTF-8/);
  });
});

describe("legacy-encoded files through readIssues", () => {
  it("reads a GBK HTML page with <meta charset>", async () => {
    const [issue] = await readIssues("brief.html", encode(html('<meta charset="gbk">', simplified), "gbk"));
    expect(issue?.blocks.map((block) => block.text).join("\n")).toContain("宁德时代");
  });

  it("reads an 8-bit GBK e-mail by its MIME charset", async () => {
    const eml = [
      "From: Brief <brief@example.com>",
      "To: reader@example.com",
      "Subject: =?UTF-8?B?566A5oql?=",
      "Date: Thu, 06 Mar 2025 08:00:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: text/plain; charset="gbk"',
      "Content-Transfer-Encoding: 8bit",
      "",
      simplified,
      "",
    ].join("\r\n");
    const [issue] = await readIssues("brief.eml", encode(eml, "gbk"));
    expect(issue?.blocks.map((block) => block.text).join("\n")).toContain("宁德时代在匈牙利");
  });

  it("reads a Big5 feed with an XML declaration", async () => {
    const feed = `<?xml version="1.0" encoding="big5"?><rss version="2.0"><channel><title>科技週報</title><link>https://example.com</link><item><title>晶圓廠</title><link>https://example.com/1</link><pubDate>Thu, 06 Mar 2025 08:00:00 GMT</pubDate><description>${traditional}</description></item></channel></rss>`;
    const issues = await readIssues("brief.xml", encode(feed, "big5"));
    expect(issues[0]?.blocks.map((block) => block.text).join("\n")).toContain("熊本");
  });
});
