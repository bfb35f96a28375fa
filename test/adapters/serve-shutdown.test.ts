import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `briefbot serve` as a child process whose Bot API hangs: it answers the start-up calls and
 * hands out one question, then accepts every request and never answers (long polls and the
 * answer's sendMessage alike). SIGTERM must still end the process. The bound is generous (a
 * liveness check on a loaded machine, not a speed claim): the design is 4 s of grace for
 * answers in flight and an exit by 7 s whatever hangs.
 */

const root = new URL("../../", import.meta.url).pathname;
const token = "4242:shutdown-test-token";

async function startHangingBotApi(): Promise<{ server: Server; hanging: ServerResponse[]; seen: string[] }> {
  const hanging: ServerResponse[] = [];
  const seen: string[] = [];
  let updatesGiven = false;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const method = (request.url ?? "").split("/").pop() ?? "";
      seen.push(method);
      const reply = (result: unknown) => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: true, result }));
      };
      if (method === "getMe") return reply({ id: 4242, is_bot: true, first_name: "B", username: "b_bot" });
      if (method === "setMyCommands" || method === "deleteWebhook") return reply(true);
      if (method === "getUpdates" && !updatesGiven) {
        updatesGiven = true;
        return reply([
          {
            update_id: 1,
            message: {
              message_id: 1,
              date: 1_700_000_000,
              chat: { id: 7, type: "private", first_name: "Ada" },
              from: { id: 7, is_bot: false, first_name: "Ada" },
              text: "What happened to chips?",
            },
          },
        ]);
      }
      hanging.push(response); // never answered
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, hanging, seen };
}

describe("serve stops on SIGTERM whatever its peers do", () => {
  let directory: string;
  let api: Awaited<ReturnType<typeof startHangingBotApi>>;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "briefbot-shutdown-"));
    api = await startHangingBotApi();
  });

  afterAll(async () => {
    api.server.closeAllConnections();
    await new Promise<void>((resolve) => api.server.close(() => resolve()));
    await rm(directory, { recursive: true, force: true });
  });

  it("exits after SIGTERM while its Telegram API hangs", async () => {
    const port = (api.server.address() as AddressInfo).port;
    const child = spawn(
      process.execPath,
      [join(root, "bin/briefbot.mjs"), "serve", "--db", join(directory, "db")],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          LOG_LEVEL: "info",
          TELEGRAM_BOT_TOKEN: token,
          TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
          PORT: "0",
        },
      },
    );
    let output = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
    });
    child.stderr.on("data", (data: Buffer) => {
      output += data.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    // Wait until the question is being answered and its first call hangs: the bot is busy with
    // a peer that will never answer.
    const deadline = Date.now() + 60_000;
    while (!api.seen.includes("sendChatAction") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.seen, output).toContain("sendChatAction");

    child.kill("SIGTERM");
    const liveness = new Promise<"still running">((resolve) =>
      setTimeout(() => resolve("still running"), 10_000),
    );
    const outcome = await Promise.race([exited, liveness]);
    if (outcome === "still running") child.kill("SIGKILL");
    expect(outcome, output).not.toBe("still running");
    expect(output).toContain("stopping");
  }, 90_000);
});
