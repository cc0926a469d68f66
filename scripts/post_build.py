#!/usr/bin/env python3
"""Trunk's post-build hook: the app's modules and their loader first, then the first screen's
shell, then the CSP hash, then the service worker's precache list.

Trunk runs the hooks of one stage at the same time, so the steps are one hook: the CSP hash
needs the loader in index.html, and the precache version hashes index.html, which must
already hold its final policy.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import build_app  # noqa: E402
import csp_hash  # noqa: E402
import precache  # noqa: E402
import shell  # noqa: E402

if __name__ == "__main__":
    sys.exit(build_app.main() or shell.main() or csp_hash.main() or precache.main())
