"""Draws Candor's toolbar and store icons (a speech bubble with a check) as PNG, with no dependency.

Run from the repository root: python3 tools/make_icons.py
"""
import math
import struct
import zlib

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)


def pixel(x, y, n):
    """Colour of pixel (x, y) in an n×n icon, with simple 4×4 supersampling."""
    acc = [0, 0, 0, 0]
    for sy in range(4):
        for sx in range(4):
            u = (x + (sx + 0.5) / 4) / n
            v = (y + (sy + 0.5) / 4) / n
            rgba = sample(u, v)
            for i in range(4):
                acc[i] += rgba[i]
    return tuple(int(a / 16) for a in acc)


def sample(u, v):
    # Rounded square background.
    r = 0.22
    cx = min(max(u, r), 1 - r)
    cy = min(max(v, r), 1 - r)
    if math.hypot(u - cx, v - cy) > r:
        return (0, 0, 0, 0)
    # Bubble: an ellipse and a tail.
    in_bubble = ((u - 0.5) / 0.34) ** 2 + ((v - 0.46) / 0.27) ** 2 <= 1
    in_tail = 0.30 <= u <= 0.44 and 0.62 <= v <= 0.82 and (u - 0.30) >= (v - 0.62) * 0.7
    if in_bubble or in_tail:
        # A check mark inside the bubble, in the background colour.
        d1 = abs((v - 0.50) - (u - 0.36)) / math.sqrt(2)
        d2 = abs((v - 0.58) + (u - 0.44)) / math.sqrt(2)
        on1 = d1 < 0.035 and 0.34 <= u <= 0.45
        on2 = d2 < 0.035 and 0.43 <= u <= 0.66
        return (*TEAL, 255) if (on1 or on2) else (*WHITE, 255)
    return (*TEAL, 255)


def png(n):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, n)) for x in range(n)) for y in range(n))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0)) + chunk(
        b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


for size in (16, 32, 48, 128):
    with open(f"extension/icons/candor-{size}.png", "wb") as f:
        f.write(png(size))
