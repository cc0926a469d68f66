#!/usr/bin/env python3
"""Trunk's post-build hook: the CSP hash first, then the service worker's precache list.

Trunk runs the hooks of one stage at the same time, so the two steps are one hook: the
precache version hashes index.html, which must already hold its final policy.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import csp_hash  # noqa: E402
import precache  # noqa: E402

if __name__ == "__main__":
    sys.exit(csp_hash.main() or precache.main())
