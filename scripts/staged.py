"""What each step of Trunk's post-build hook starts from: the staged build's folder, and its
index.html with the marker the step fills in."""
import os
import sys


def folder(step: str) -> str | None:
    """The staged build's folder, or None (said on stderr) outside Trunk."""
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print(f"{step}: TRUNK_STAGING_DIR is not set (run it from Trunk)", file=sys.stderr)
    return staging


def index_with(staging: str, marker: str, step: str) -> str | None:
    """The staged index.html's text, or None (said on stderr) unless it holds `marker` once."""
    with open(os.path.join(staging, "index.html"), encoding="utf-8") as f:
        html = f.read()
    if html.count(marker) != 1:
        print(f"{step}: index.html must hold `{marker}` once", file=sys.stderr)
        return None
    return html


def write_index(staging: str, html: str) -> None:
    """Replaces the staged index.html."""
    with open(os.path.join(staging, "index.html"), "w", encoding="utf-8") as f:
        f.write(html)


def start(step: str, marker: str) -> tuple[str, str, str] | None:
    """The staged folder, the source folder and the staged index.html holding `marker`; None
    (said on stderr) when any is missing."""
    staging = folder(step)
    html = staging and index_with(staging, marker, step)
    if not html:
        return None
    return staging, os.environ.get("TRUNK_SOURCE_DIR", os.getcwd()), html
