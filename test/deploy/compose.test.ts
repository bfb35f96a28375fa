import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config.ts";

/**
 * Docker is not available where the tests run, so the sample deployment is checked the way
 * `docker compose config` would check its structure: YAML with merge keys resolved, every
 * service, volume and dependency it names defined, and the settings it passes valid for briefbot.
 */

const root = new URL("../../", import.meta.url).pathname;

interface Service {
  build?: string;
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

const compose = parse(readFileSync(`${root}compose.yaml`, "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe("compose.yaml", () => {
  it("runs two bot replicas and an ingest job on one store volume and one Redis", () => {
    const { services } = compose;
    expect(Object.keys(services).sort()).toEqual(["bot-1", "bot-2", "ingest", "redis"]);
    for (const name of ["bot-1", "bot-2", "ingest"]) {
      const service = services[name]!;
      expect(service.build).toBe(".");
      expect(service.volumes).toContain("store:/var/lib/briefbot");
      expect(service.environment?.BRIEFBOT_DB).toBe("/var/lib/briefbot/db");
      expect(service.environment?.REDIS_URL).toBe("redis://redis:6379");
      expect(Object.keys(service.depends_on ?? {})).toEqual(["redis"]);
    }
    expect(services["bot-1"]!.ports).not.toEqual(services["bot-2"]!.ports);
  });

  it("declares every named volume it mounts", () => {
    const named = Object.values(compose.services)
      .flatMap((service) => service.volumes ?? [])
      .map((volume) => volume.split(":")[0]!)
      .filter((source) => !source.startsWith(".") && !source.startsWith("/"));
    for (const volume of named) expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it("passes settings briefbot accepts, and commands it has", () => {
    for (const service of ["bot-1", "bot-2", "ingest"]) {
      const environment = compose.services[service]!.environment ?? {};
      const config = loadConfig(environment);
      expect(config.REDIS_URL).toBe("redis://redis:6379");
    }
    const usage = readFileSync(`${root}adapters/cli/main.ts`, "utf8");
    expect(compose.services["bot-1"]!.command).toEqual(["start"]);
    expect(usage).toContain("  start: startCommand,");
    expect(compose.services.ingest!.command?.join(" ")).toContain("bin/briefbot.mjs ingest");
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(`${root}Dockerfile`, "utf8");

  it("copies only paths that exist and starts the CLI", () => {
    const copied = [...dockerfile.matchAll(/^COPY (.+) \S+$/gm)].flatMap((match) => match[1]!.split(/\s+/));
    expect(copied.length).toBeGreaterThan(3);
    for (const path of copied) expect(existsSync(`${root}${path}`), path).toBe(true);
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "bin\/briefbot\.mjs"\]/);
    expect(existsSync(`${root}bin/briefbot.mjs`)).toBe(true);
  });

  it("installs from the lockfile without dev dependencies, and tsx (which runs the sources) is not one", () => {
    expect(dockerfile).toContain("npm ci --omit=dev");
    const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(["tsx", "redis"]));
  });
});
