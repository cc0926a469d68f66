#!/usr/bin/env python3
"""Puts the first screen (assets/shell/<language>.html, written by scripts/shell.mjs from the
app itself) into the built index.html as one <template> per language, and shell.js inline
after them, which shows the right one on a first visit until the app's wasm takes over
(src/ui/shell.rs). Inline, the script costs no request before the first screen; csp_hash.py,
which runs next, allows it by its hash.

Without the templates (a fresh checkout before `make shell`), the page waits for the app.
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
    with open(os.path.join(source, "shell.js"), encoding="utf-8") as f:
        script = f.read().strip()
    if "</script" in script.lower():
        print("shell.py: shell.js must not hold `</script`", file=sys.stderr)
        return 1
    staged.write_index(staging, html.replace(MARKER, "".join(templates) + f"<script>\n{script}\n</script>"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
