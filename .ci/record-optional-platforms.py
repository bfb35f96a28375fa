#!/usr/bin/env python3
# After `npm install` on a machine whose registry mirror serves only linux-x64 native packages, npm
# leaves the other platforms' optional packages out of package-lock.json and `npm ci` then refuses
# the lockfile. This records them (platform-matched, so npm never fetches them here).
# Usage: python3 .ci/record-optional-platforms.py package-lock.json
import json, re, sys
lock_path = sys.argv[1]
lock = json.load(open(lock_path))
pk = lock["packages"]
added = 0
for path, entry in list(pk.items()):
    for name, spec in (entry.get("optionalDependencies") or {}).items():
        # where npm would place it: beside the parent (hoisted to top level when no nested node_modules)
        key = "node_modules/" + name
        nested = (path + "/node_modules/" + name) if path else key
        if key in pk or nested in pk:
            continue
        m = re.search(r"(android|darwin|freebsd|linux|win32|openbsd|sunos|aix)-(arm64|x64|arm|ia32|riscv64|ppc64|s390x|loong64)(?:-(gnu|musl|msvc|gnueabihf|eabi))?", name)
        if not m:
            print("skip (no platform in name)", name, spec); continue
        os_, cpu, abi = m.groups()
        version = re.sub(r"^[\^~=]", "", spec)
        new = {"version": version, "cpu": [cpu], "optional": True, "os": [os_]}
        if entry.get("dev"): new["dev"] = True
        if os_ == "linux" and abi in ("gnu", "musl"): new["libc"] = ["glibc" if abi == "gnu" else "musl"]
        pk[key] = new; added += 1
lock["packages"] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != "", kv[0])))
json.dump(lock, open(lock_path, "w"), indent=2); open(lock_path, "a").write("\n")
print("added", added)
