import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, secretValuesOf } from "../../src/config.ts";
import { maskSecretValues, redactSecrets } from "../../src/errors.ts";

/**
 * Configured secrets are masked by value, whatever their shape: the CLI runs as a child process
 * against a server that echoes whatever credentials it receives in its 401 messages (as some
 * OpenAI-compatible servers, proxies and a misconfigured Bot API mirror do), and everything the
 * process prints is searched for each secret.
 */

const root = new URL("../../", import.meta.url).pathname;

/** Short and odd-shaped on purpose: none looks like the token formats the patterns know. */
const secrets = {
  OPENAI_API_KEY: "sk-test-SECRET123",
  TELEGRAM_BOT_TOKEN: "42:odd.tok",
  TELEGRAM_WEBHOOK_SECRET: "wh00k_s",
  SLACK_BOT_TOKEN: "sl4ck!",
  SLACK_SIGNING_SECRET: "s1gn@ture",
  SLACK_APP_TOKEN: "app/t0k",
};

interface Run {
  code: number | null;
  output: string;
}

function briefbot(args: string[], environment: Record<string, string>, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, "bin/briefbot.mjs"), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "trace", ...environment },
    });
    let output = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      output += data.toString();
    });
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGTERM"), killAfterMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end("");
  });
}

/** Answers every request 401 and quotes back its Authorization header, URL and body. */
async function startEchoingServer(): Promise<Server> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      const echo = `${request.headers.authorization ?? ""} ${request.url ?? ""} ${body.slice(0, 300)}`;
      response.writeHead(401, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          ok: false,
          error: { message: `Incorrect API key provided: ${echo}`, type: "invalid_request_error" },
          error_code: 401,
          description: `Unauthorized: ${echo}`,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function expectNoSecret(output: string): void {
  for (const [name, value] of Object.entries(secrets)) {
    expect(output.includes(value), `${name} printed in:\n${output}`).toBe(false);
    expect(output.includes(encodeURIComponent(value)), `${name} (URL-encoded) printed`).toBe(false);
  }
}

describe("configured secrets are masked by value", () => {
  let directory: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-secrets-"));
    server = await startEchoingServer();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(directory, { recursive: true, force: true });
  });

  const openai = () => ({
    OPENAI_API_KEY: secrets.OPENAI_API_KEY,
    OPENAI_BASE_URL: `${base}/v1`,
    BRIEFBOT_EMBEDDER: "openai",
    BRIEFBOT_ANSWERER: "openai",
  });

  it("in every value and encoded form, and in any URL setting's password", () => {
    const config = loadConfig({
      ...secrets,
      SLACK_API_URL: "https://proxy-user:pr%2Fxy@slack.example.com/api/",
    });
    maskSecretValues(secretValuesOf(config));
    for (const value of [...Object.values(secrets), "pr/xy"]) {
      const text = `failed: ${value} | ${encodeURIComponent(value)} | ${JSON.stringify({ value })}`;
      expect(redactSecrets(text)).not.toContain(value);
      expect(redactSecrets(text)).toContain("[redacted]");
    }
    expect(redactSecrets("an ordinary line")).toBe("an ordinary line");
  });

  it("ingest: the key echoed by the embedding server, and a bad file, print no secret", async () => {
    const bad = join(directory, "binary.txt");
    await writeFile(bad, Buffer.from([0x68, 0x69, 0x00, 0x01]));
    const run = await briefbot(["ingest", "data", bad, "--db", join(directory, "db-ingest"), "--json"], {
      ...secrets,
      ...openai(),
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain("Incorrect API key provided");
    expect(run.output).toContain("[redacted]");
    expectNoSecret(run.output);
  }, 180_000);

  it("ask: the key echoed in the 401 message prints no secret", async () => {
    const run = await briefbot(["ask", "What did Arm say?", "--db", join(directory, "db-ask"), "--json"], {
      ...secrets,
      ...openai(),
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain("Incorrect API key provided");
    expectNoSecret(run.output);
  }, 180_000);

  it("serve: Telegram's token in the Bot API URL and Slack's tokens print no secret", async () => {
    const telegram = await briefbot(["serve", "--db", join(directory, "db-serve")], {
      TELEGRAM_BOT_TOKEN: secrets.TELEGRAM_BOT_TOKEN,
      TELEGRAM_API_ROOT: base,
      TELEGRAM_WEBHOOK_SECRET: secrets.TELEGRAM_WEBHOOK_SECRET,
      OPENAI_API_KEY: secrets.OPENAI_API_KEY,
      PORT: "0",
    });
    expect(telegram.output).toContain("/bot[redacted]/getMe");
    const slack = await briefbot(["serve", "--db", join(directory, "db-serve")], {
      SLACK_BOT_TOKEN: secrets.SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: secrets.SLACK_SIGNING_SECRET,
      SLACK_API_URL: `${base}/api/`,
      PORT: "0",
    });
    expect(slack.output).toContain("could not start serving");
    expectNoSecret(telegram.output + slack.output);
  }, 180_000);
});
