#!/usr/bin/env python3
"""Puts the first screen (assets/shell/<language>.html, written by scripts/shell.mjs from the
app itself) into the built index.html as one <template> per language, where shell.js shows
the right one on a first visit until the app's wasm takes over (src/ui/shell.rs).

Without the files (a fresh checkout before `make shell`), the page simply waits for the app.
"""
import os
import sys

import staged

MARKER = "<!-- hindsight-shell -->"
LANGUAGES = ["en", "zh-TW"]


def main() -> int:
    started = staged.start("shell.py", MARKER)
    if not started:
        return 1
    staging, source, html = started
    templates = []
    for lang in LANGUAGES:
        path = os.path.join(source, "assets", "shell", f"{lang}.html")
        if not os.path.exists(path):
            print(f"shell.py: no {path}; the page waits for the app (run `make shell`)")
            continue
        with open(path, encoding="utf-8") as f:
            templates.append(f'<template id="shell-{lang}">{f.read().strip()}</template>')
    staged.write_index(staging, html.replace(MARKER, "".join(templates)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
