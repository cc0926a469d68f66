#!/usr/bin/env python3
"""Writes the build's version and its files' names into the staged service worker.

Trunk runs this after each build (through scripts/post_build.py, after the CSP hash is in
index.html). sw.js is copied unchanged by Trunk and carries two placeholders: the version
(a hash of every file of the build, so any change to any file is a new version the browser
notices) and the precache list (every file of dist/ but the worker itself, by the hashed
names Trunk gave them, relative to the worker so any sub-path works).
"""
import hashlib
import json
import os
import sys

import staged

WORKER = "sw.js"
VERSION_PLACEHOLDER = "const VERSION = 'development';"
PRECACHE_PLACEHOLDER = "const PRECACHE = [];"


def build_files(staging: str) -> list[str]:
    """Every file of the build but the worker, as sorted '/'-separated relative paths."""
    found = []
    for root, dirs, files in os.walk(staging):
        dirs.sort()
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), staging).replace(os.sep, "/")
            if rel != WORKER and not name.startswith("."):
                found.append(rel)
    return sorted(found)


def version_of(staging: str, files: list[str]) -> str:
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode("utf-8") + b"\0")
        with open(os.path.join(staging, rel), "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    return digest.hexdigest()[:16]


def main() -> int:
    staging = staged.folder("precache.py")
    if not staging:
        return 1
    worker = os.path.join(staging, WORKER)
    if not os.path.exists(worker):
        print(f"precache.py: no {WORKER} in the build (index.html copies it)", file=sys.stderr)
        return 1
    with open(worker, encoding="utf-8") as f:
        text = f.read()
    for placeholder in (VERSION_PLACEHOLDER, PRECACHE_PLACEHOLDER):
        if text.count(placeholder) != 1:
            print(f"precache.py: {WORKER} must hold `{placeholder}` once", file=sys.stderr)
            return 1
    files = build_files(staging)
    if "index.html" not in files:
        print("precache.py: no index.html in the build", file=sys.stderr)
        return 1
    version = version_of(staging, files)
    text = text.replace(VERSION_PLACEHOLDER, f"const VERSION = {json.dumps(version)};")
    text = text.replace(PRECACHE_PLACEHOLDER, f"const PRECACHE = {json.dumps(files, indent=2)};")
    with open(worker, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"precache.py: version {version}, {len(files)} file(s) precached")
    return 0


if __name__ == "__main__":
    sys.exit(main())
