/**
 * What the Slack adapter needs from the app's configuration, in one place:
 * `slack-app-manifest.yaml` must declare exactly these (a test compares them, and checks that
 * every Web API method the adapter's code calls is listed here with its scope).
 */

/** Web API methods the adapter calls, with the bot scope each needs (null: none). */
export const webApiMethodScopes: Readonly<Record<string, string | null>> = {
  "auth.test": null,
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.startStream": "chat:write",
  "chat.appendStream": "chat:write",
  "chat.stopStream": "chat:write",
  "assistant.threads.setStatus": "chat:write",
  "assistant.threads.setTitle": "assistant:write",
  "assistant.threads.setSuggestedPrompts": "assistant:write",
  "users.info": "users:read",
  "views.publish": null,
  /** The direct message a follow digest goes to. */
  "conversations.open": "im:write",
};

/** Scopes the events and the slash command need, beyond the methods'. */
export const eventScopes: Readonly<Record<string, string | null>> = {
  app_mention: "app_mentions:read",
  "message.im": "im:history",
  "message.channels": "channels:history",
  "message.groups": "groups:history",
  assistant_thread_started: "assistant:write",
  assistant_thread_context_changed: "assistant:write",
  app_home_opened: null,
};

/** The slash command registered in the listeners. */
export const slashCommands = ["/brief"] as const;
/** Manifest features the adapter relies on. */
export const features = {
  assistantView: true,
  homeTab: true,
  messagesTab: true,
  interactivity: true,
} as const;
/** The scope `/brief` needs. */
export const commandScope = "commands";
