// Compiles the CLI and everything it loads into dist/cli/ (gitignored) with esbuild, so a start
// does not transpile TypeScript. Run by `npm ci` / `npm install` (the `prepare` script).
// Chunks are split at dynamic imports, so a command loads only the modules it needs.
// Dependencies are bundled too: resolving and loading LanceDB and Apache Arrow file by file from
// node_modules (hundreds of small modules) was ~0.3–0.5 s CPU of every start; bundled, ~0.15 s.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Two levels below the root, like the sources that find files relative to themselves
// (src/answer → ../../prompts, adapters/cli → ../../data).
const outdir = join(root, "dist", "cli");

/**
 * src/store/arrow-classes.ts loads Arrow through `createRequire`, which a bundler cannot follow;
 * here it becomes a plain `require`, so the store and the bundled LanceDB share one bundled copy.
 */
const sharedArrow = {
  name: "shared-arrow",
  setup(builder) {
    builder.onLoad({ filter: /src[\\/]store[\\/]arrow-classes\.ts$/ }, () => ({
      contents: 'export const arrow = require("apache-arrow");',
      loader: "js",
    }));
  },
};

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
  // Kept external: native add-ons (loaded by path at run time), and the SDKs of platforms and
  // PDFs, which only `serve` or a PDF ingest loads, on demand.
  external: [
    "*.node",
    "@lancedb/lancedb-*",
    "@node-rs/*",
    "@slack/*",
    "telegraf",
    "openai",
    "redis",
    "@redis/*",
    "unpdf",
  ],
  // Bundled CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: 'import { createRequire as createRequireOfBundle } from "node:module"; const require = createRequireOfBundle(import.meta.url);',
  },
  sourcemap: "linked",
  metafile: true,
  plugins: [sharedArrow],
  logLevel: "warning",
});
await mkdir(outdir, { recursive: true });
// Read at run time next to the module that uses it (src/lexicon/lexicon.ts).
await copyFile(join(root, "src/lexicon/glossary.tsv"), join(outdir, "glossary.tsv"));
// Our own inputs, so bin/briefbot.mjs can tell a stale build from a current one. Not those in
// node_modules: `npm install` rebuilds (this script is `prepare`), and checking ~700 more files
// cost every start 40–120 ms.
const inputs = Object.keys(result.metafile.inputs)
  .map((input) => relative(root, join(root, input)))
  .filter((input) => !input.split(/[\\/]/).includes("node_modules"));
await writeFile(
  join(outdir, "build.json"),
  `${JSON.stringify({ builtAt: Date.now(), inputs: [...inputs, "src/lexicon/glossary.tsv"] })}\n`,
);
