// Compiles the CLI and everything it loads into dist/cli/ (gitignored) with esbuild, so a start
// does not transpile TypeScript. Run by `npm ci` / `npm install` (the `prepare` script).
// Chunks are split at dynamic imports, so a command loads only the modules it needs.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Two levels below the root, like the sources that find files relative to themselves
// (src/answer → ../../prompts, adapters/cli → ../../data).
const outdir = join(root, "dist", "cli");

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ["adapters/cli/main.ts"],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
});
await mkdir(outdir, { recursive: true });
// Read at run time next to the module that uses it (src/lexicon/lexicon.ts).
await copyFile(join(root, "src/lexicon/glossary.tsv"), join(outdir, "glossary.tsv"));
// The inputs, so bin/briefbot.mjs can tell a stale build from a current one.
const inputs = Object.keys(result.metafile.inputs).map((input) => relative(root, join(root, input)));
await writeFile(
  join(outdir, "build.json"),
  `${JSON.stringify({ builtAt: Date.now(), inputs: [...inputs, "src/lexicon/glossary.tsv"] })}\n`,
);
