#!/usr/bin/env python3
"""Builds the page's wasm in modules: what the editor needs first, and each view that only
shows later (the customer version, the incidents overview) in a module of its own.

Trunk builds the worker itself, but it runs wasm-bindgen straight after cargo, and the split
must come between the two: cargo (with relocations kept, which wasm-split reads) →
wasm-split → wasm-bindgen → wasm-opt on every module. So this runs first in Trunk's
post-build hook (scripts/post_build.py), writes everything into app-<hash>/ of the staged
build (one folder whose name changes with its content, so no cache serves an old module
beside a new one), and puts the loader Trunk would have written into index.html: preloads
for the first modules and an inline module script (whose hash csp_hash.py then allows).
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import staged

BIN = "hindsight-app"
# rustc targets these wasm features by default; wasm-opt must be told to accept them.
WASM_OPT_FEATURES = [
    "--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-nontrapping-float-to-int",
    "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types",
    "--enable-multivalue",
]
MARKER = "<!-- hindsight-app -->"


def run(args: list[str], **kw) -> None:
    print("build_app.py:", " ".join(args), flush=True)
    subprocess.run(args, check=True, **kw)


def cargo_build(source: str, release: bool) -> str:
    """The app's wasm, linked with its relocations (wasm-split's input); its path."""
    args = ["cargo", "rustc", "--target", "wasm32-unknown-unknown", "--bin", BIN,
            "--features", "split"]
    if release:
        args.append("--release")
    # Only the final link takes the flag, so the dependencies are the ones the worker's
    # build already compiled.
    run(args + ["--", "-C", "link-arg=--emit-relocs"], cwd=source)
    meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          cwd=source, check=True, capture_output=True, text=True).stdout
    target = json.loads(meta)["target_directory"]
    return os.path.join(target, "wasm32-unknown-unknown", "release" if release else "debug",
                        f"{BIN}.wasm")


def split_and_bind(wasm: str, out: str, release: bool) -> None:
    with tempfile.TemporaryDirectory() as split:
        run(["wasm-split-cli", wasm, split, "--target", "web", "--out-name", BIN])
        # The split modules call into the first through its function table, which
        # wasm-bindgen drops from the exports unless told to keep LLD's.
        run(["wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
             "--out-dir", out,
             "--out-name", BIN, os.path.join(split, f"{BIN}.wasm")])
        for name in os.listdir(split):
            if name != f"{BIN}.wasm":
                shutil.copy(os.path.join(split, name), os.path.join(out, name))
    tolerate_wasm_type(os.path.join(out, "__wasm_split.js"))
    if release:
        for name in sorted(os.listdir(out)):
            if name.endswith(".wasm"):
                path = os.path.join(out, name)
                run(["wasm-opt", *WASM_OPT_FEATURES, "-Oz", "--strip-debug",
                     "--strip-producers", path, "-o", path])


STREAMING = "WebAssembly.instantiateStreaming(src, imports)"
TOLERANT = '''
// Written by scripts/build_app.py: like wasm-bindgen's own loader, a module served under
// another type than application/wasm (some static hosts) still loads, from its bytes.
async function instantiateAnyType(src, imports) {
    const response = await src;
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
    if (type === "application/wasm") return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
'''


def tolerate_wasm_type(link: str) -> None:
    """The split modules' loader, made to accept any content type, as the first module's
    does; it fails loudly if wasm-split-cli ever writes its loader differently."""
    with open(link, encoding="utf-8") as f:
        js = f.read()
    if STREAMING not in js:
        raise SystemExit(f"build_app.py: {link} no longer loads modules as expected")
    js = js.replace(STREAMING, "instantiateAnyType(src, imports)") + TOLERANT
    with open(link, "w", encoding="utf-8") as f:
        f.write(js)


def folder_hash(folder: str) -> str:
    digest = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        digest.update(name.encode() + b"\0")
        with open(os.path.join(folder, name), "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    return digest.hexdigest()[:16]


def loader(folder: str) -> str:
    js = f"./{folder}/{BIN}.js"
    wasm = f"./{folder}/{BIN}_bg.wasm"
    # The same loader Trunk writes: the bindings stay reachable (make bench calls them) and
    # the started event is sent.
    return (
        f'<link rel="modulepreload" href="{js}" crossorigin="anonymous">'
        f'<link rel="modulepreload" href="./{folder}/__wasm_split.js" crossorigin="anonymous">'
        f'<link rel="preload" href="{wasm}" crossorigin="anonymous" as="fetch" type="application/wasm">'
        f'<script type="module">\n'
        f"import init, * as bindings from '{js}';\n"
        # shell.js starts compiling the first module while the page is still parsed, before
        # the first screen is painted; where that could not start, the module is fetched here.
        f"const early = await window.hindsightWasm?.catch(() => null);\n"
        f"const wasm = await init({{ module_or_path: early || '{wasm}' }});\n"
        f"window.wasmBindings = bindings;\n"
        f'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));\n'
        f"</script>"
    )


def main() -> int:
    started = staged.start("build_app.py", MARKER)
    if not started:
        return 1
    staging, source, html = started
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    wasm = cargo_build(source, release)
    out = os.path.join(staging, "app")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    split_and_bind(wasm, out, release)
    folder = f"app-{folder_hash(out)}"
    os.rename(out, os.path.join(staging, folder))
    # Trunk leaves the skipped app's link in place; browsers ignore it, but it says nothing.
    html = re.sub(r'\s*<link data-trunk rel="rust" data-bin="hindsight-app"[^>]*>', "", html)
    staged.write_index(staging, html.replace(MARKER, loader(folder)))
    print(f"build_app.py: {folder}: {', '.join(sorted(os.listdir(os.path.join(staging, folder))))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
