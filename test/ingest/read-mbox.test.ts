import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { readIssues } from "../../src/ingest/read-issues.ts";
import { splitMessages } from "../../src/ingest/read-mbox.ts";

const message = (options: { id: string; from: string; subject: string; date: string; body: string }) =>
  [
    `From ${options.id}@xxx Tue Mar 03 09:00:00 +0000 2026`,
    `Message-ID: <${options.id}@example.com>`,
    `From: ${options.from}`,
    `Subject: ${options.subject}`,
    `Date: ${options.date}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    options.body,
    "",
  ].join("\n");

const mailbox = [
  message({
    id: "one",
    from: '"Chip Notes" <notes@example.com>',
    subject: "Chip Notes #7: Arm and the phone makers",
    date: "Tue, 3 Mar 2026 08:00:00 +0000",
    body: "Arm licensed a new core to three phone makers.\n\n>From the fab side, yields improved this quarter.",
  }),
  message({
    id: "two",
    from: '"Battery Weekly" <hello@example.org>',
    subject: "Sodium-ion prices fall",
    date: "Wed, 11 Mar 2026 07:30:00 +0800",
    body: "Sodium-ion cell prices fell again in March orders.",
  }),
].join("\n");

describe("mbox mailboxes", () => {
  it("gives one issue per message with its own title, sender and date", async () => {
    const issues = await readIssues("export/newsletters.mbox", new TextEncoder().encode(mailbox));
    expect(issues.map((issue) => [issue.publication, issue.title, issue.date, issue.key])).toEqual([
      ["Chip Notes", "Chip Notes #7: Arm and the phone makers", "2026-03-03", "<one@example.com>"],
      ["Battery Weekly", "Sodium-ion prices fall", "2026-03-11", "<two@example.com>"],
    ]);
    // The `>From ` quoting of the mbox format is undone in the body.
    expect(issues[0]?.blocks.map((block) => block.text)).toContain(
      "From the fab side, yields improved this quarter.",
    );
  });

  it("unquotes one level of >From (mboxrd) and does not split at quoted lines", () => {
    const messages = splitMessages(
      "From a@b Tue Mar 03 09:00:00 2026\nSubject: x\n\nbody\n>>From here\n>From there\n\nFrom b@c Tue Mar 03 10:00:00 2026\nSubject: y\n\nz\n",
    );
    expect(messages).toEqual(["Subject: x\r\n\r\nbody\r\n>From here\r\nFrom there", "Subject: y\r\n\r\nz"]);
  });

  it("reports a broken message by number and still returns the others", async () => {
    const broken =
      "From broken@xxx Tue Mar 03 09:00:00 +0000 2026\nSubject: nothing here\nContent-Type: text/plain\n\n\n";
    const problems: Array<{ path: string; error: string }> = [];
    const issues = await readIssues("box.mbox", new TextEncoder().encode(`${broken}\n${mailbox}`), {
      onProblem: (problem) => problems.push(problem),
    });
    expect(issues.map((issue) => issue.key)).toEqual(["<one@example.com>", "<two@example.com>"]);
    expect(problems).toEqual([{ path: "box.mbox message 1", error: expect.stringMatching(/no text body/) }]);
  });

  it.each([
    ["a file with no separator", "Subject: hi\n\nbody\n", /not an mbox mailbox/],
    ["only unreadable messages", "From x@y Tue Mar 03 09:00:00 2026\nSubject: a\n\n\n", /none is readable/],
  ])("%s is refused", async (_name, text, error) => {
    const attempt = readIssues("box.mbox", new TextEncoder().encode(text));
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(error);
  });
});
