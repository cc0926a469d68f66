#!/usr/bin/env python3
"""Writes the SHA-256 hash of every inline <script> of the staged index.html into its CSP.

Trunk runs this after each build (post_build hook, TRUNK_STAGING_DIR set). The policy in
index.html carries the placeholder 'inline-script-hashes', replaced here by the hashes, so no
inline script but Trunk's own loader can run.
"""
import base64
import hashlib
import re
import sys

import staged

PLACEHOLDER = "'inline-script-hashes'"


def main() -> int:
    staging = staged.folder("csp_hash.py")
    html = staging and staged.index_with(staging, PLACEHOLDER, "csp_hash.py")
    if not html:
        return 1
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
        if s.strip()
    ]
    html = html.replace(PLACEHOLDER, " ".join(hashes) if hashes else "'none'")
    staged.write_index(staging, html)
    print(f"csp_hash.py: allowed {len(hashes)} inline script(s) by hash")
    return 0


if __name__ == "__main__":
    sys.exit(main())
