import { closingFenceIndex, openingFence } from "./markdown-lines.ts";

/**
 * What static-site generators add to a Markdown issue that is machinery, not text: Jekyll's
 * Liquid tags, Hugo's shortcodes, and MDX's ES module lines and JSX components. Each goes; the
 * prose it carries (an include's question and answer, a figure's caption, a callout's body)
 * stays.
 */

/**
 * Jekyll's Liquid tags: `{% comment %}…{% endcomment %}` goes with what it holds, every other
 * tag (`{% assign timestamp="40:18" %}`, `{% include … %}`) alone, over as many lines as it
 * runs. An include's prose arguments are the issue's text, though: a review club's
 * `q0="What is orphan resolution?" a0="…"` become paragraphs of their own. Output tags
 * (`{{ … }}`) stay, since code in a developer weekly may hold them. So do kramdown's attribute
 * lists' neighbours; the lists themselves go.
 */
export function withoutLiquidTags(body: string): string {
  return (
    body
      .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, "")
      .replace(/[ \t]*\{%-?\s*include\s(?:[^%"]|"[^"]*"|%(?!\}))*%\}/g, (tag) => proseArguments(tag))
      .replace(/[ \t]*\{%-?[^\n]*?-?%\}/g, "")
      // kramdown's attribute lists (`{:#superscalar}` above a list item, `{: .note}`) name anchors
      // and styles, not text. (Not `{:ok, value}` in a code sample: an id or class follows the colon.)
      .replace(/[ \t]*\{:\s*[#.][^}\n]{0,100}\}/g, "")
  );
}

/**
 * Hugo's shortcodes, `{{< figure src="…" caption="This week's cover" >}}` and
 * `{{% notice tip %}}…{{% /notice %}}`: the tags go, what a paired one encloses stays, and a
 * tag's prose arguments (a caption, a title) become paragraphs. Go template output (`{{ .Title }}`)
 * is no shortcode and stays, as Liquid output does. Runs before the Liquid pass, whose
 * `{% … %}` pattern would otherwise eat the `%}` half of `{{% … %}}`.
 */
export function withoutHugoShortcodes(body: string): string {
  return body.replace(
    /[ \t]*\{\{(?:<\s*\/?\s*[\w./-]+(?:[^"<>}]|"[^"]*"|`[^`]*`)*>|%\s*\/?\s*[\w./-]+(?:[^"%}]|"[^"]*"|`[^`]*`)*%)\}\}/g,
    (tag) => proseArguments(tag),
  );
}

/**
 * MDX (`.mdx`, Docusaurus, Astro and Next.js sites): the ES module lines at the top level
 * (`import Callout from '../components/Callout'`, `export const meta = {…}` up to the next blank
 * line), `{/* comments *\/}`, and the tags of JSX components (`<Callout type="info">`,
 * `</Callout>`, `<Tweet id="…" />`, named with a capital letter, over several lines when their
 * attributes run on) go; what a component encloses stays, and a tag's prose attributes become
 * paragraphs. Code fences are left as they are.
 */
export function withoutMdxSyntax(body: string): string {
  const lines = body.split("\n");
  const out: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    out.push(withoutJsx(prose.join("\n")));
    prose = [];
  };
  let inModuleStatement = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    // A code fence is kept whole, found as the Markdown reader finds it (one never closed is text).
    const fence = openingFence.exec(line);
    const marker = fence?.[1] ?? fence?.[2];
    const closing = marker === undefined ? -1 : closingFenceIndex(lines, index + 1, marker);
    if (closing >= 0) {
      flushProse();
      out.push(lines.slice(index, closing + 1).join("\n"));
      index = closing;
      continue;
    }
    if (inModuleStatement) {
      if (line.trim() === "") inModuleStatement = false;
      continue;
    }
    if (/^(?:import|export)\s/.test(line)) {
      inModuleStatement = true;
      continue;
    }
    prose.push(line);
  }
  flushProse();
  return out.join("\n");
}

/** MDX comments and component tags out of prose; a tag's prose attributes become paragraphs. */
function withoutJsx(text: string): string {
  return text
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/<\/?[A-Z][\w.]*(?:\s(?:[^"'{}<>]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?\/?>/g, (tag) =>
      proseArguments(tag),
    );
}

/** The arguments of a tag that are prose (words with spaces, not links or ids), as paragraphs. */
function proseArguments(tag: string): string {
  const paragraphs: string[] = [];
  for (const match of tag.matchAll(/\b[\w-]+\s*=\s*"([^"]*)"/g)) {
    const value = match[1]!.replace(/\s+/g, " ").trim();
    if (/\s/.test(value) && !/^(?:https?:|\/|#)/.test(value)) paragraphs.push(value);
  }
  return paragraphs.length === 0 ? "" : `\n\n${paragraphs.join("\n\n")}\n\n`;
}
