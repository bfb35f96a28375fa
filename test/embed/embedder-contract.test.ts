import { afterAll, beforeAll } from "vitest";
import { createHashingEmbedder } from "../../src/embed/hashing-embedder.ts";
import { createOpenAIEmbedder } from "../../src/providers/openai-embedder.ts";
import { type FakeOpenAIServer, startOpenAIServer } from "../wire/openai-server.ts";
import { testEmbedder } from "./embedder-contract.ts";

testEmbedder("hashing", () => createHashingEmbedder());
testEmbedder("hashing, 64 dimensions", () => createHashingEmbedder({ dimensions: 64 }));

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ dimensions: 16 });
});
afterAll(async () => {
  await server.close();
});
testEmbedder("openai (wire)", () =>
  createOpenAIEmbedder({ baseURL: server.baseURL, model: "text-embedding-3-small", dimensions: 16 }),
);
