import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  commandScope,
  eventScopes,
  slashCommands,
  webApiMethodScopes,
} from "../../../adapters/slack/slack-requirements.ts";

interface Manifest {
  features: {
    assistant_view?: { assistant_description: string };
    slash_commands: Array<{ command: string; url?: string }>;
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const slackDirectory = new URL("../../../adapters/slack/", import.meta.url);

/** Source of every adapter file, to find what the code really calls and registers. */
async function adapterSource(): Promise<string> {
  const files = (await readdir(slackDirectory)).filter(
    (name) => name.endsWith(".ts") && name !== "slack-requirements.ts",
  );
  const texts = await Promise.all(files.map((name) => readFile(new URL(name, slackDirectory), "utf8")));
  return texts.join("\n");
}

/** Web API methods named in the code: `client.a.b(`, `client.a.b.c(`, and Bolt's helpers that call them. */
function calledMethods(source: string): Set<string> {
  const methods = new Set<string>();
  for (const match of source.matchAll(/client\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)) {
    const name = match[1] ?? "";
    if (name === "chatStream") continue;
    methods.add(name);
  }
  if (/client\.chatStream\(/.test(source)) {
    for (const method of ["chat.startStream", "chat.appendStream", "chat.stopStream"]) methods.add(method);
  }
  // The Assistant's helpers (threadStarted/userMessage arguments) call these methods.
  if (/\bsetSuggestedPrompts\(/.test(source)) methods.add("assistant.threads.setSuggestedPrompts");
  if (/\bawait setTitle\(|\bsetTitle\(clip/.test(source)) methods.add("assistant.threads.setTitle");
  return methods;
}

describe("slack-app-manifest.yaml", () => {
  it("declares exactly the scopes, events, command and features the adapter uses", async () => {
    const manifest = parse(
      await readFile(new URL("../../../slack-app-manifest.yaml", import.meta.url), "utf8"),
    ) as Manifest;
    const neededScopes = new Set<string>([commandScope]);
    for (const scope of [...Object.values(webApiMethodScopes), ...Object.values(eventScopes)]) {
      if (scope !== null) neededScopes.add(scope);
    }
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...neededScopes].sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      Object.keys(eventScopes).sort(),
    );
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([...slashCommands]);
    expect(manifest.features.assistant_view?.assistant_description).toBeTruthy();
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("lists every Web API method the code calls, and no method the code does not call", async () => {
    const source = await adapterSource();
    const called = calledMethods(source);
    // auth.test is Bolt's own call at start (app.init).
    const listed = new Set(Object.keys(webApiMethodScopes).filter((method) => method !== "auth.test"));
    expect([...called].sort()).toEqual([...listed].sort());
  });

  it("subscribes to every event the code listens for", async () => {
    const source = await adapterSource();
    const listened = new Set([...source.matchAll(/app\.event\("([a-z_]+)"/g)].map((match) => match[1] ?? ""));
    if (source.includes("new Assistant(")) {
      listened.add("assistant_thread_started");
      listened.add("assistant_thread_context_changed");
    }
    const subscribed = Object.keys(eventScopes).map((event) =>
      event.startsWith("message.") ? "message" : event,
    );
    expect([...listened].sort()).toEqual([...new Set(subscribed)].sort());
    expect(source).toContain(`slashCommandName = "${slashCommands[0]}"`);
  });
});
