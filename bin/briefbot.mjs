#!/usr/bin/env node
// Runs the compiled CLI in dist/cli/ (built by `npm ci` / `npm install` through the `prepare`
// script) when it is current, so a start does not transpile TypeScript; otherwise (a clone
// without a build, or a source file edited since the build) the TypeScript through tsx.
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const rootPath = fileURLToPath(root);

function currentBuild() {
  try {
    const build = JSON.parse(readFileSync(new URL("dist/cli/build.json", root), "utf8"));
    for (const input of build.inputs) {
      // Paths, not URLs: a URL per file cost a few milliseconds per hundred.
      if (statSync(rootPath + input).mtimeMs > build.builtAt) return undefined;
    }
    return new URL("dist/cli/main.js", root);
  } catch {
    return undefined;
  }
}

const compiled = currentBuild();
if (compiled) await import(compiled.href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../adapters/cli/main.ts");
}
