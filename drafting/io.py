"""Everything that touches files: reading inputs safely and writing outputs atomically.

Inputs are never trusted: encodings are detected, binary files and oversized files are refused,
XML is parsed without DTDs, entities or network. Outputs go to a temporary file in the target
folder and are renamed into place, so a failure never leaves half a file, and an output path
that names an input is refused before anything is written.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from lxml import etree

from drafting.errors import DraftingError

MAX_INPUT_BYTES = 20 * 1024 * 1024  # larger inputs are almost surely not one UN document

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    p = Path(path)
    if not p.exists():
        raise DraftingError(f"{p}: no such file")
    if p.is_dir():
        raise DraftingError(f"{p}: is a folder, not a file")
    size = p.stat().st_size
    if size > max_bytes:
        raise DraftingError(
            f"{p}: {size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.0f} MB limit "
            f"for one document (split it, or raise the limit with --max-mb)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DraftingError(f"{p}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise DraftingError(f"{p}: the file is empty")
    return data


def decode_text(data: bytes, name: str = "input") -> str:
    """Decode text whatever its encoding: BOMs first, then UTF-8, then Windows-1252.

    UTF-16 without a BOM is recognised by its zero bytes; other zero bytes mean a binary file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise DraftingError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}") from None
    if b"\x00" in data[:4096]:
        sample = data[:4096]
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        half = len(sample) / 2
        for zeros, encoding in ((odd_zeros, "utf-16-le"), (even_zeros, "utf-16-be")):
            if zeros > 0.3 * half:
                try:
                    return _reject_binary(data.decode(encoding), name)
                except UnicodeDecodeError:
                    pass
        raise DraftingError(f"{name}: a binary file, not text (convert it to text, DOCX or AKN first)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return _reject_binary(text, name)


def _reject_binary(text: str, name: str) -> str:
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.01 or "\ufffd" * 3 in sample:
        raise DraftingError(f"{name}: a binary file, not text (convert it to text, DOCX or AKN first)")
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def read_text(path: str | os.PathLike, max_bytes: int = MAX_INPUT_BYTES) -> str:
    return decode_text(read_bytes(path, max_bytes), str(path))


def safe_parser() -> etree.XMLParser:
    """An XML parser that never loads DTDs, resolves entities or reaches the network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_blank_text=False,
    )


def parse_xml(data: bytes, name: str = "input"):
    """Parse untrusted XML; a document type declaration (DTD, entities) is refused outright."""
    head = data[:65536].lstrip()
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise DraftingError(f"{name}: XML with a document type declaration (DTD or entities) is refused")
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise DraftingError(f"{name}: not well-formed XML: {exc}") from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.system_url:
        raise DraftingError(f"{name}: XML with a document type declaration is refused")
    return tree


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    pa, pb = Path(a), Path(b)
    try:
        if pa.exists() and pb.exists():
            return os.path.samefile(pa, pb)
    except OSError:
        pass
    return pa.resolve() == pb.resolve()


def check_output(out: str | os.PathLike, inputs) -> None:
    """Refuse an output path that names one of the inputs: an input is never overwritten."""
    for inp in inputs:
        if same_file(out, inp):
            raise DraftingError(f"{out}: the output would overwrite the input {inp}; choose another path")


def write_atomic(path: str | os.PathLike, data: bytes | str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
