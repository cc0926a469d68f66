#!/usr/bin/env python3
"""Draws the app icons as PNG with the standard library only (zlib + struct).

Run once after changing the design; the PNGs are committed, so the build downloads and
draws nothing. The design is style/favicon.svg: a navy disc whose right half is orange.

    python3 scripts/make_icons.py   # writes icons/icon-192.png, icon-512.png, icon-maskable-512.png
"""
import math
import os
import struct
import zlib

NAVY = (0x1F, 0x3A, 0x5F)
ORANGE = (0xF2, 0xA6, 0x5A)
LIGHT = (0xF5, 0xF6, 0xF8)  # the app's background, behind the maskable icon's disc


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\0" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def draw(size: int, radius_share: float, background) -> bytes:
    """The disc of radius `radius_share * size`, centred, over `background` (None: clear)."""
    c = size / 2
    r = radius_share * size
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            # Distance from the pixel's centre to the disc's edge gives smooth coverage.
            d = math.hypot(x + 0.5 - c, y + 0.5 - c)
            cover = min(1.0, max(0.0, r - d + 0.5))
            ink = ORANGE if x + 0.5 >= c else NAVY
            if background is None:
                row += bytes(ink) + bytes([round(255 * cover)])
            else:
                mixed = (round(i * cover + b * (1 - cover)) for i, b in zip(ink, background))
                row += bytes(mixed) + b"\xff"
        rows.append(bytes(row))
    return png(size, size, rows)


def main() -> None:
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "icons")
    os.makedirs(out, exist_ok=True)
    # As in the favicon: a radius of 14 in 32.
    for size in (192, 512):
        with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
            f.write(draw(size, 14 / 32, None))
    # Maskable: full-bleed background, the disc inside the safe zone (a radius of 40%).
    with open(os.path.join(out, "icon-maskable-512.png"), "wb") as f:
        f.write(draw(512, 0.32, LIGHT))


if __name__ == "__main__":
    main()
