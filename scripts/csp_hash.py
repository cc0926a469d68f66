#!/usr/bin/env python3
"""Writes the SHA-256 hash of every inline <script> of the staged index.html into its CSP.

Trunk runs this after each build (post_build hook, TRUNK_STAGING_DIR set). The policy in
index.html carries the placeholder 'inline-script-hashes', replaced here by the hashes, so no
inline script but Trunk's own loader can run.
"""
import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "'inline-script-hashes'"


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("csp_hash.py: TRUNK_STAGING_DIR is not set (run it from Trunk)", file=sys.stderr)
        return 1
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
        if s.strip()
    ]
    if PLACEHOLDER not in html:
        print("csp_hash.py: no CSP placeholder in index.html", file=sys.stderr)
        return 1
    html = html.replace(PLACEHOLDER, " ".join(hashes) if hashes else "'none'")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"csp_hash.py: allowed {len(hashes)} inline script(s) by hash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
