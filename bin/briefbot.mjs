#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no build step and no build output to keep in sync.
import { register } from "tsx/esm/api";

register();
await import("../adapters/cli/main.ts");
