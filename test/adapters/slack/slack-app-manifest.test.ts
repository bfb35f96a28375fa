import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; url?: string }>;
    app_home: { messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

describe("slack-app-manifest.yaml", () => {
  it("asks for exactly the scopes, events and command the adapter uses, in Socket Mode", async () => {
    const manifest = parse(
      await readFile(new URL("../../../slack-app-manifest.yaml", import.meta.url), "utf8"),
    ) as Manifest;
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "chat:write",
        "commands",
        "groups:history",
        "im:history",
        "im:read",
        "im:write",
        "reactions:write",
      ].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ["app_mention", "message.channels", "message.groups", "message.im"].sort(),
    );
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(["/brief"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
