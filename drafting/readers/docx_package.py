"""Opening an untrusted DOCX: the zip checked before anything is inflated, XML parts parsed safely.

A DOCX is a zip of XML parts. Before reading a byte of content the central directory is checked:
old binary Word files and encrypted documents (OLE2 compound files, magic ``D0 CF 11 E0``) get a
clear error; a zip bomb is refused on its declared sizes and compression ratios, and each part is
read with a cap so that a lying directory cannot inflate past it. Every XML part goes through
``drafting.io.parse_xml`` (no DTD, no entities, no network).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from drafting.errors import DraftingError
from drafting.io import parse_xml
from drafting.writers.docx_styles import PKG_REL_NS

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024   # a UN document's parts are a few MB at most
MAX_PART = 100 * 1024 * 1024
MAX_RATIO = 200                               # XML compresses ~10x; bombs ~1000x
MAX_MEMBERS = 5000

REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_TYPES = {
    "styles": "/styles", "numbering": "/numbering", "footnotes": "/footnotes",
    "endnotes": "/endnotes", "comments": "/comments", "settings": "/settings",
}


class DocxPackage:
    """The parts of a DOCX that the reader needs, parsed; missing optional parts are None."""

    def __init__(self, data: bytes, name: str = "input") -> None:
        self.name = name
        check_container(data, name)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise DraftingError(f"{name}: not a DOCX file (not a valid zip archive)") from None
        check_sizes(self.zip, name)
        self.names = set(self.zip.namelist())
        self.main = self._main_part()
        self.document = self.xml(self.main)
        rels = self._rels(self.main)
        self.parts = {key: None for key in REL_TYPES}
        for rel_type, target in rels.items():
            for key, suffix in REL_TYPES.items():
                if rel_type.endswith(suffix) and not rel_type.endswith("/commentsExtended"):
                    part = posixpath.normpath(posixpath.join(posixpath.dirname(self.main), target))
                    if part in self.names:
                        self.parts[key] = self.xml(part)
        self.custom = self.xml("docProps/custom.xml") if "docProps/custom.xml" in self.names else None

    def read(self, part: str) -> bytes:
        info = self.zip.getinfo(part)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(min(info.file_size, MAX_PART) + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise DraftingError(f"{self.name}: the part {part} is damaged ({exc})") from None
        if len(data) > info.file_size or len(data) > MAX_PART:
            raise DraftingError(f"{self.name}: the part {part} is larger than its zip entry declares (refused)")
        return data

    def xml(self, part: str):
        if part not in self.names:
            raise DraftingError(f"{self.name}: not a Word document (no {part} part)")
        return parse_xml(self.read(part), f"{self.name}:{part}").getroot()

    def _rels(self, part: str) -> dict[str, str]:
        rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels_name not in self.names:
            return {}
        root = self.xml(rels_name)
        return {rel.get("Type", ""): rel.get("Target", "") for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship")
                if rel.get("TargetMode") != "External"}

    def _main_part(self) -> str:
        if "_rels/.rels" in self.names:
            rels = self._rels("")
            target = rels.get(REL_OFFICE_DOCUMENT)
            if target:
                part = target.lstrip("/")
                if part in self.names:
                    return part
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DraftingError(f"{self.name}: a zip archive but not a Word document (no word/document.xml)")

    def header_parts(self) -> list:
        """Parsed header parts, the first-page header first (UN templates print the masthead
        there rather than in the body)."""
        rels_name = posixpath.join(posixpath.dirname(self.main), "_rels",
                                   posixpath.basename(self.main) + ".rels")
        if rels_name not in self.names:
            return []
        by_id = {rel.get("Id"): rel.get("Target", "")
                 for rel in self.xml(rels_name).iter(f"{{{PKG_REL_NS}}}Relationship")
                 if rel.get("Type", "").endswith("/header") and rel.get("TargetMode") != "External"}
        w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        refs = list(self.document.iter(f"{{{w_ns}}}headerReference"))
        refs.sort(key=lambda ref: ref.get(f"{{{w_ns}}}type") != "first")
        out, seen = [], set()
        for ref in refs:
            target = by_id.get(ref.get(f"{{{r_ns}}}id"))
            if not target:
                continue
            part = posixpath.normpath(posixpath.join(posixpath.dirname(self.main), target))
            if part in self.names and part not in seen:
                seen.add(part)
                out.append(self.xml(part))
        return out

    def properties(self) -> dict[str, str]:
        """Custom document properties by name (the writer's ``drafting.*`` facts)."""
        if self.custom is None:
            return {}
        out = {}
        for prop in self.custom:
            name = prop.get("name")
            if name and len(prop):
                out[name] = prop[0].text or ""
        return out


def check_container(data: bytes, name: str) -> None:
    if data.startswith(OLE2_MAGIC[:4]):
        raise DraftingError(
            f"{name}: an old binary Word (.doc) file or an encrypted document, not a DOCX: open it "
            f"in Word or LibreOffice and save it as .docx without a password "
            f"(or run: soffice --headless --convert-to docx FILE)")
    if not data.startswith(b"PK"):
        raise DraftingError(f"{name}: not a DOCX file (not a zip archive)")


def check_sizes(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip bomb on the central directory, before inflating anything."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise DraftingError(f"{name}: {len(infos)} parts in the archive; refused as a probable zip bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART:
            raise DraftingError(f"{name}: the part {info.filename} declares {info.file_size / 1e6:.0f} MB; "
                                f"refused as a probable zip bomb")
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DraftingError(f"{name}: the part {info.filename} is compressed "
                                f"{info.file_size // max(info.compress_size, 1)}:1; refused as a zip bomb")
        if info.flag_bits & 0x1:
            raise DraftingError(f"{name}: an encrypted zip archive; refused")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise DraftingError(f"{name}: {total / 1e6:.0f} MB uncompressed; refused as a probable zip bomb")
