import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readIssues } from "../../src/ingest/read-issues.ts";
import { imageOnlyPdf, textPdf } from "./pdf-fixtures.ts";

describe("PDF issues", () => {
  it("reads title and date from the metadata, headings by size, paragraphs by gaps", async () => {
    const bytes = await textPdf({
      title: "Chip Notes #12",
      created: new Date("2026-03-04T10:00:00Z"),
      heading: "Arm licenses a new core",
      paragraphs: [
        ["Arm licensed its newest core to three phone makers this week,", "ahead of the autumn launches."],
        ["Battery makers in Ningde doubled their sodium-ion output."],
      ],
    });
    const [issue, ...rest] = await readIssues("reports/chip-notes.pdf", bytes);
    expect(rest).toEqual([]);
    expect(issue?.title).toBe("Chip Notes #12");
    expect(issue?.issueNumber).toBe("12");
    expect(issue?.date).toBe("2026-03-04");
    expect(issue?.blocks).toEqual([
      { kind: "heading", level: 1, text: "Arm licenses a new core" },
      {
        kind: "paragraph",
        text: "Arm licensed its newest core to three phone makers this week, ahead of the autumn launches.",
      },
      { kind: "paragraph", text: "Battery makers in Ningde doubled their sodium-ion output." },
    ]);
  });

  it("takes the title from the first page and the printed date over the creation date", async () => {
    const bytes = await textPdf({
      created: new Date("2026-05-30T10:00:00Z"),
      heading: "The Battery Weekly",
      paragraphs: [["May 2, 2026"], ["Sodium-ion cells reached a new price low in spring orders."]],
    });
    const [issue] = await readIssues("export.pdf", bytes);
    expect(issue?.title).toBe("The Battery Weekly");
    expect(issue?.date).toBe("2026-05-02");
  });

  it.each([
    ["an image-only PDF", imageOnlyPdf, /image-only PDF \(2 pages without a text layer\)/],
    [
      "a corrupt PDF",
      async () => new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage"),
      /not a readable PDF/,
    ],
    [
      "a truncated PDF",
      async () =>
        (await textPdf({ heading: "Cut short", paragraphs: [["Some body text here."]] })).slice(0, 300),
      /not a readable PDF/,
    ],
  ])("%s is refused with a clear InputError", async (_name, make, message) => {
    const attempt = readIssues("bad.pdf", await make());
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(message);
  });
});
