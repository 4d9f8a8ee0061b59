"""One document -> plain data: its facts and its paragraphs with normalised text and signature.

This runs in worker processes (local or on a Dask cluster): it takes a path and returns only
plain values (str, int, bytes, lists, dicts), because lxml trees do not pickle.
"""

from __future__ import annotations

import hashlib

from drafting.corpus.signatures import band_keys_of, normalise, signatures, to_blob

TEXT_UNITS = {"preambular", "paragraph", "point"}


def kind_of_symbol(symbol: str | None, fallback: str) -> str:
    """resolution (``A/RES/79/129``), draft (``A/C.2/80/L.37``: the L series is the draft
    series of every organ) or the document's own kind (report, letter...)."""
    if symbol:
        from drafting.errors import DraftingError
        from drafting.model.symbols import parse_symbol

        try:
            parsed = parse_symbol(symbol)
        except DraftingError:
            parsed = None
        if parsed is not None and parsed.doc_type == "RES":
            return "resolution"
        if parsed is not None and parsed.doc_type == "L":
            return "draft"
    return fallback or "document"


def paragraphs_of(root) -> list[dict]:
    """The text-bearing units of a document in reading order, with part and number.

    part: ``preamble`` for the preamble, and for unnumbered paragraphs before the first numbered
    one (a preamble the reader did not mark as one); ``annex`` inside an annex; else
    ``operative``. number: the printed number (``5``, ``5 (a)`` for a point), or for a
    preambular paragraph its position in the preamble (``3``: PP3), as drafters cite them.
    """
    from drafting.model.units import body_units

    out = []
    numbers: dict[str, str] = {}
    annexes: set[str] = set()
    preamble = 0
    seen_numbered = False
    for unit in body_units(root):
        if unit.kind == "heading" and unit.level == "annex" and unit.eid:
            annexes.add(unit.eid)
        if unit.kind not in TEXT_UNITS or not unit.text.strip():
            continue
        number = unit.number
        if unit.chapter_eid in annexes:
            part = "annex"
        elif unit.kind == "preambular" or (unit.kind == "paragraph" and number is None
                                           and unit.depth == 0 and not seen_numbered):
            part = "preamble"
        else:
            part = "operative"
        if part == "preamble":
            preamble += 1
            number = str(preamble)
        elif unit.kind == "point":
            parent = numbers.get(unit.parent_eid or "", "")
            number = f"{parent} ({number})".strip() if number else parent or None
        elif number is not None and unit.depth == 0:
            seen_numbered = True
        if unit.eid and number:
            numbers[unit.eid] = number
        norm = normalise(unit.text)
        if not norm:
            continue
        out.append({"part": part, "number": number, "eid": unit.eid, "text": unit.text, "norm": norm})
    return out


def signed(paragraphs: list[dict]) -> list[dict]:
    """Each paragraph with its MinHash signature (bytes) and LSH band keys."""
    sigs = signatures([p["norm"] for p in paragraphs])
    keys = band_keys_of(sigs)
    for para, sig, row in zip(paragraphs, sigs, keys):
        para["sig"] = to_blob(sig)
        para["keys"] = row.tolist()
    return paragraphs


def file_digest(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def document_record(source, fmt: str | None = None, lang: str | None = None) -> dict:
    """Everything the index stores about one document (DraftingError when it cannot be read).
    ``source``: a path, or ``(name, bytes)`` (see ``batch``)."""
    from drafting.corpus.batch import source_bytes
    from drafting.model.units import document_language, masthead
    from drafting.readers import format_of, reader_for

    name, data = source_bytes(source)
    fmt = format_of(name, fmt)
    result = reader_for(fmt).read(data, name=name, lang=lang)
    facts = masthead(result.root)
    symbol = facts.get("symbol")
    return {
        "name": name,
        "hash": file_digest(data),
        "symbol": symbol,
        "language": document_language(result.root),
        "date": facts.get("date"),
        "kind": kind_of_symbol(symbol, facts.get("kind") or ""),
        "title": facts.get("title"),
        "paragraphs": signed(paragraphs_of(result.root)),
    }
