"""The printed page as data: where each piece of text stands, in what size and weight.

``pdftohtml -xml`` (poppler) gives every text fragment of a PDF page with its box and font; a
piece of text is found by its words, and its position is kept relative to the page (0..1), so
that a Letter page printed in New York and an A4 page printed here compare. Side-by-side PNGs of
two pages (``pdftoppm``, joined here without an image library) let a person see what the numbers
say.
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ZOOM = 1.5   # pdftohtml's default scale: pixels per point


@dataclass
class Piece:
    page: int
    text: str
    x: float        # left edge, fraction of the page width
    y: float        # top edge, fraction of the page height
    right: float    # right edge, fraction of the page width
    size: float     # font size in points
    bold: bool
    italic: bool
    left_pt: float = 0.0     # from the page's left edge, in points
    edge_pt: float = 0.0     # from the nearer of the top and bottom edges, in points

    @property
    def at_foot(self) -> bool:
        return self.y > 0.75


def pieces(pdf: Path, first: int = 1, last: int = 2) -> list[Piece]:
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-f", str(first), "-l", str(last), "-stdout", str(pdf)],
                         capture_output=True, check=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", xml)
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    out = []
    for page in root.iter("page"):
        width, height = float(page.get("width")), float(page.get("height"))
        fonts = {f.get("id"): f for f in page.iter("fontspec")}
        for t in page.iter("text"):
            text = "".join(t.itertext())
            if not text.strip():
                continue
            font = fonts.get(t.get("font"))
            family = font.get("family", "") if font is not None else ""
            left, top, w = float(t.get("left")), float(t.get("top")), float(t.get("width"))
            edge = top if top < 0.75 * height else height - top
            out.append(Piece(int(page.get("number")), " ".join(text.split()), left / width, top / height,
                             (left + w) / width, float(font.get("size")) / ZOOM if font is not None else 0.0,
                             t.find("b") is not None or "Bold" in family,
                             t.find("i") is not None or "Italic" in family,
                             left / ZOOM, edge / ZOOM))
    return out


def find(found: list[Piece], text: str, page: int | None = None) -> Piece | None:
    """The first piece that starts with ``text`` (pieces are runs of one font on one line)."""
    for p in found:
        if (page is None or p.page == page) and p.text.startswith(text):
            return p
    for p in found:   # a piece split in two fonts ("A" + "/C.1/80/L.41"): the one that holds it
        if (page is None or p.page == page) and text in p.text:
            return p
    return None


def line_ends(found: list[Piece], page: int = 1) -> list[float]:
    """The right end of every printed line (pieces on one line joined), fraction of the width."""
    ends: dict[int, float] = {}
    for p in found:
        if p.page == page:
            key = round(p.y * 400)
            ends[key] = max(ends.get(key, 0.0), p.right)
    return [ends[k] for k in sorted(ends)]


# -- side-by-side pictures ------------------------------------------------------------------------


def _ppm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)   # P6 width height maxval pixels
    return int(parts[1]), int(parts[2]), parts[4]


def side_by_side(pdfs: list[tuple[Path, int]], out_png: Path, dpi: int = 60) -> Path:
    """Page ``n`` of each PDF, left to right, as one PNG."""
    images = []
    for pdf, page in pdfs:
        stem = out_png.with_name(f"{out_png.stem}-{len(images)}")
        done = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                               str(pdf), str(stem)], capture_output=True)
        if done.returncode:   # a document shorter than the page asked for
            continue
        images.append(_ppm(stem.with_suffix(".ppm")))
        stem.with_suffix(".ppm").unlink()
    height = max(h for _, h, _ in images)
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for w, h, pixels in images:
            rows += pixels[y * w * 3:(y + 1) * w * 3] if y < h else b"\xff" * (w * 3)
    width = sum(w for w, _, _ in images)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    out_png.parent.mkdir(parents=True, exist_ok=True)
    out_png.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b""))
    return out_png
