import { createRequire } from "node:module";
import type * as Arrow from "apache-arrow";

/**
 * Apache Arrow as LanceDB itself loads it: the CommonJS build, through `require`. An ES import
 * would load a second copy (~0.4 s of a start on a busy 2-core machine) whose classes LanceDB does
 * not share. The compiled CLI (scripts/build.mjs) swaps this module for a `require` the bundler
 * follows, so the store's schemas and LanceDB share the bundled copy.
 */
export const arrow = createRequire(import.meta.url)("apache-arrow") as typeof Arrow;
