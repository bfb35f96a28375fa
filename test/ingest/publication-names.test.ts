import { describe, expect, it } from "vitest";
import { fileStem, publicationFromFileStem } from "../../src/ingest/issue-metadata.ts";
import { type FileIssues, resolvePublicationNames } from "../../src/ingest/publication-names.ts";
import type { SourceIssue } from "../../src/ingest/source-issue.ts";

/** An issue as a reader returns it: the name the file states, or (null) the reader's file-name guess. */
function file(path: string, publication: string | null, text = "Body text of the issue."): FileIssues {
  const issue: SourceIssue = {
    publication: publication ?? publicationFromFileStem(fileStem(path)),
    title: "An issue",
    issueNumber: null,
    date: null,
    url: null,
    key: null,
    blocks: [{ kind: "paragraph", text }],
  };
  return { path, issues: [issue] };
}

const namesOf = (files: FileIssues[]) => files.map((entry) => entry.issues[0]?.publication);

describe("resolvePublicationNames", () => {
  it("unifies spellings of one name within a weekly's folder, years included", () => {
    const files = [
      file("/a/Reports/2018/#1.md", "老司机 iOS 周报"),
      file("/a/Reports/2018/#2.md", "老司机iOS周报"),
      file("/a/Reports/2019/#3.md", "老司机 iOS 周报"),
      file("/b/zh/2024-01-01-newsletter.md", "Bitcoin Optech Newsletter"),
      file("/b/zh/2024-01-08-newsletter.md", "Bitcoin Optech Newsletter"),
      file("/b/zh/2024-01-15-newsletter.md", "Bitcoin Optech 周报"),
    ];
    resolvePublicationNames(files);
    expect(namesOf(files)).toEqual([
      "老司机 iOS 周报",
      "老司机 iOS 周报",
      "老司机 iOS 周报",
      "Bitcoin Optech Newsletter",
      "Bitcoin Optech Newsletter",
      "Bitcoin Optech Newsletter",
    ]);
  });

  it("renames an early name of a series whose files are named like the current one's", () => {
    const files = [
      file("/w/docs/issue-1.md", "每周分享"),
      file("/w/docs/issue-200.md", "科技爱好者周刊"),
      file("/w/docs/issue-201.md", "科技爱好者周刊"),
      file("/w/docs/free-music.md", "免费音乐"),
    ];
    resolvePublicationNames(files);
    expect(namesOf(files)).toEqual(["科技爱好者周刊", "科技爱好者周刊", "科技爱好者周刊", "免费音乐"]);
  });

  it("gives a file that names nothing the name its folder agrees on", () => {
    const files = [
      file("/ios/#54-2019.02.11.md", "老司机 iOS 周报"),
      file("/ios/#55-2019.02.18.md", null),
      file("/ios/#56-2019.02.25.md", "老司机 iOS 周报"),
    ];
    resolvePublicationNames(files);
    expect(namesOf(files)).toEqual(["老司机 iOS 周报", "老司机 iOS 周报", "老司机 iOS 周报"]);
  });

  it("names a series that never states its name by the name its issues mention", () => {
    const files = [
      file("/x/_posts/2020-01-01-issue-1.md", null, "Welcome back. This is the Compiler Weekly Brief."),
      file("/x/_posts/2020-01-15-issue-2.md", null, "Nothing to see."),
      file("/x/_posts/2020-01-29-issue-3.md", null, "Thanks for reading the Compiler Weekly Brief!"),
      file("/y/posts/12-晴天.md", null, "一不小心潮汐周刊都 12 期了。"),
      file("/y/posts/13-雨天.md", null, "关注此周刊，方便获取更新。"),
    ];
    resolvePublicationNames(files);
    expect(namesOf(files)).toEqual([
      "Compiler Weekly Brief",
      "Compiler Weekly Brief",
      "Compiler Weekly Brief",
      "潮汐周刊",
      "潮汐周刊",
    ]);
  });

  it("takes an acronym for the name only when the folder is named after it", () => {
    const named = [
      file("/k8s/kwd/_posts/2025-01-05-update.md", null, "There will be no KWD issue next week."),
    ];
    const unnamed = [
      file("/k8s/news/_posts/2025-01-05-update.md", null, "There will be no KWD issue next week."),
    ];
    resolvePublicationNames([...named, ...unnamed]);
    expect(namesOf(named)).toEqual(["KWD"]);
    expect(namesOf(unnamed)).toEqual(["update"]);
  });

  it("leaves assorted newsletters in one folder with their own names", () => {
    const files = [
      file("/mixed/alpha-weekly-1.md", "Alpha Weekly"),
      file("/mixed/beta-digest-2.md", "Beta Digest"),
      file("/mixed/gamma-notes-3.md", null, "Read the Alpha Weekly too."),
    ];
    resolvePublicationNames(files);
    expect(namesOf(files)).toEqual(["Alpha Weekly", "Beta Digest", "gamma notes"]);
  });
});
