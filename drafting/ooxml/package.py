"""The package: an untrusted DOCX opened safely, and a DOCX written as the same bytes every time.

Reading: the zip is checked before anything is inflated, XML parts are parsed safely.

A DOCX is a zip of XML parts. Before reading a byte of content the central directory is checked:
old binary Word files and encrypted documents (OLE2 compound files, magic ``D0 CF 11 E0``) get a
clear error; a zip bomb is refused on its declared sizes and compression ratios, and each part is
read with a cap so that a lying directory cannot inflate past it. Every XML part goes through
``drafting.io.parse_xml`` (no DTD, no entities, no network).

Writing: every entry carries one fixed timestamp (``SOURCE_DATE_EPOCH`` when set, else
1980-01-01, the zip format's first day) and the parts go in one fixed order, so the same
document gives the same bytes; the file itself is written atomically by ``drafting.io``.
"""

from __future__ import annotations

import io
import os
import posixpath
import time
import zipfile
import zlib

from lxml import etree

from drafting.errors import DraftingError
from drafting.io import parse_xml
from drafting.ooxml.names import CT_NS, PKG_REL_NS, R_NS, REL_OFFICE_DOCUMENT, w

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024   # a UN document's parts are a few MB at most
MAX_PART = 100 * 1024 * 1024
MAX_RATIO = 200                               # XML compresses ~10x; bombs ~1000x
MAX_MEMBERS = 5000

REL_TYPES = {
    "styles": "/styles", "numbering": "/numbering", "footnotes": "/footnotes",
    "endnotes": "/endnotes", "comments": "/comments", "settings": "/settings",
}


class DocxPackage:
    """The parts of a DOCX that the reader needs, parsed; missing optional parts are None."""

    def __init__(self, data: bytes, name: str = "input", lenient: tuple[str, ...] = ()) -> None:
        """``lenient``: optional parts (``styles``, ``numbering``) that, when damaged, are read
        as absent with a line in ``problems`` instead of refusing the document."""
        self.name = name
        self.problems: list[str] = []
        check_container(data, name)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            raise DraftingError(f"{name}: not a DOCX file (not a valid zip archive)") from None
        check_sizes(self.zip, name)
        self.names = set(self.zip.namelist())
        self.main = self._main_part()
        self.document = self.xml(self.main)
        # the main part's relationships, read once: (Id, Type, Target) of each internal one
        self.main_rels = self._relationships(self.main)
        rels = {rel_type: target for _id, rel_type, target in self.main_rels}
        self.parts = {key: None for key in REL_TYPES}
        for rel_type, target in rels.items():
            for key, suffix in REL_TYPES.items():
                if rel_type.endswith(suffix) and not rel_type.endswith("/commentsExtended"):
                    part = posixpath.normpath(posixpath.join(posixpath.dirname(self.main), target))
                    if part in self.names:
                        self.parts[key] = self._optional(key, part, lenient)
        self.custom = self.xml("docProps/custom.xml") if "docProps/custom.xml" in self.names else None

    def _optional(self, key: str, part: str, lenient: tuple[str, ...]):
        if key not in lenient:
            return self.xml(part)
        try:
            return self.xml(part)
        except DraftingError as exc:
            self.problems.append(f"{part} is damaged and was read as absent ({exc})")
            return None

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
        return {rel_type: target for _id, rel_type, target in self._relationships(part)}

    def _relationships(self, part: str) -> list[tuple[str | None, str, str]]:
        rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels_name not in self.names:
            return []
        root = self.xml(rels_name)
        return [(rel.get("Id"), rel.get("Type", ""), rel.get("Target", ""))
                for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship") if rel.get("TargetMode") != "External"]

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
        return self._page_parts("header")

    def footer_parts(self) -> list:
        """Parsed footer parts, the first-page footer first (the job number is printed there)."""
        return self._page_parts("footer")

    def _page_parts(self, kind: str) -> list:
        by_id = {rel_id: target for rel_id, rel_type, target in self.main_rels if rel_type.endswith("/" + kind)}
        refs = list(self.document.iter(w(kind + "Reference")))
        refs.sort(key=lambda ref: ref.get(w("type")) != "first")
        out, seen = [], set()
        for ref in refs:
            target = by_id.get(ref.get(f"{{{R_NS}}}id"))
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


# -- writing ---------------------------------------------------------------------------------

FIRST_PARTS = ("[Content_Types].xml", "_rels/.rels")


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """The one timestamp of every entry: SOURCE_DATE_EPOCH (reproducible builds' convention)
    or 1980-01-01 00:00, the earliest a zip can hold."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        stamp = time.gmtime(max(int(epoch), 315532800))   # not before 1980
        if stamp.tm_year <= 2107:
            return stamp[:6]
    return (1980, 1, 1, 0, 0, 0)


def write_package(members: dict[str, bytes]) -> bytes:
    """The zip bytes of a package: content types and package relationships first (some readers
    look for them there), the other parts by name, each with the same timestamp."""
    stamp = zip_timestamp()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        order = [n for n in FIRST_PARTS if n in members] + sorted(
            n for n in members if n not in FIRST_PARTS)
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, members[name])
    return buf.getvalue()


def xml_bytes(root) -> bytes:
    """A part as Word writes it: declaration, UTF-8, standalone."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def with_relationship(rels_xml: bytes, rel_type: str, target: str) -> tuple[bytes, str]:
    """Add a relationship unless one of that type exists; returns (xml, its id)."""
    rels = etree.fromstring(rels_xml)
    for rel in rels:
        if rel.get("Type") == rel_type:
            return rels_xml, rel.get("Id")
    ids = {rel.get("Id") for rel in rels}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=f"rId{n}", Type=rel_type,
                     Target=target)
    return xml_bytes(rels), f"rId{n}"


def relationship_target(rels_xml: bytes, rel_type: str) -> str | None:
    for rel in etree.fromstring(rels_xml):
        if rel.get("Type") == rel_type:
            return rel.get("Target")
    return None


def with_content_types(ct_xml: bytes, overrides: dict[str, str], defaults: dict[str, str] = {}) -> bytes:
    """Content types with these part overrides and extension defaults added where missing."""
    types = etree.fromstring(ct_xml)
    present = {o.get("PartName") for o in types if o.get("PartName")}
    extensions = {d.get("Extension", "").lower() for d in types if d.get("Extension")}
    for ext, ctype in defaults.items():
        if ext.lower() not in extensions:
            types.insert(0, etree.Element(f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype))
    for part, ctype in overrides.items():
        if part not in present:
            etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=part, ContentType=ctype)
    return xml_bytes(types)
