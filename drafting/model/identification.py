"""FRBR identification and references (the <meta> block) built from the masthead facts."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from lxml import etree

from drafting.locale import akn_code
from drafting.model.akn import DOC_ELEMENT, E, q


def symbol_iri_component(symbol: str) -> str:
    """AKN IRI form of a symbol: ``/`` becomes ``-``, a space ``_``; reissue stars are dropped.

    A symbol the grammar rejects (a typing slip in the source) still gets the same mechanical
    form, so that no document is left without an IRI.
    """
    from drafting.errors import DraftingError
    from drafting.model.symbols import parse_symbol

    try:
        return parse_symbol(symbol).iri_component
    except DraftingError:
        return symbol.strip().rstrip("*").replace("/", "-").replace(" ", "_")


@lru_cache(maxsize=4096)   # (the same organ and sponsor names are slugged for the cover, the preface and the references)
def slug(text: str, limit: int = 40) -> str:
    """A lower-case ASCII slug for IRIs and TLC ids."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_text.lower())
    latin = "-".join(words)[:limit].strip("-")
    if latin and len(latin) * 2 >= len(re.sub(r"\W", "", text)):
        return latin
    # Names in Arabic, Chinese or Cyrillic script: a stable id from the text itself.
    import hashlib  # here: loading it (OpenSSL) costs 2 ms, and most documents need no digest

    return "id-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def work_number(symbol: str | None, fallback_text: str) -> str:
    """The work's number in IRIs: the symbol's IRI form, else a stable name from the text."""
    if symbol:
        return symbol_iri_component(symbol)
    import hashlib

    digest = hashlib.sha1(fallback_text.encode("utf-8")).hexdigest()[:10]
    return f"nosymbol-{digest}"


def work_iri(kind: str, date: _dt.date, number: str) -> str:
    element = DOC_ELEMENT.get(kind, "doc")
    return f"/akn/un/{element}/{kind}/{date.isoformat()}/{number}"


def build_meta(
    *,
    kind: str,
    lang: str,
    date: _dt.date,
    date_name: str,
    symbol: str | None,
    number: str,
    organ: str | None,
    parent_symbol: str | None = None,
    parent_relation: str | None = None,
    distribution_kind: str | None = None,
    generated: _dt.date | None = None,
):
    """The <meta> element: FRBR Work/Expression/Manifestation and the TLC references."""
    iso = akn_code(lang)
    work = work_iri(kind, date, number)
    expr = f"{work}/{iso}@{date.isoformat()}"
    generated = generated or date
    author = "#" + (slug(organ) if organ else "un")

    meta = E.meta()
    identification = _add(meta, "identification", source="#drafting")
    work_el = _add(identification, "FRBRWork")
    _add(work_el, "FRBRthis", value=f"{work}/!main")
    _add(work_el, "FRBRuri", value=work)
    if symbol:
        _add(work_el, "FRBRalias", name="symbol", value=symbol)
    _add(work_el, "FRBRdate", date=date.isoformat(), name=date_name)
    _add(work_el, "FRBRauthor", href=author)
    _add(work_el, "FRBRcountry", value="un")
    _add(work_el, "FRBRsubtype", value=kind)
    if symbol:
        _add(work_el, "FRBRnumber", value=number, showAs=symbol)
    expression = _add(identification, "FRBRExpression")
    _add(expression, "FRBRthis", value=f"{expr}/!main")
    _add(expression, "FRBRuri", value=expr)
    _add(expression, "FRBRdate", date=date.isoformat(), name=date_name)
    _add(expression, "FRBRauthor", href="#secretariat")
    _add(expression, "FRBRlanguage", language=iso)
    manifestation = _add(identification, "FRBRManifestation")
    _add(manifestation, "FRBRthis", value=f"{expr}/!main.xml")
    _add(manifestation, "FRBRuri", value=f"{expr}.akn")
    _add(manifestation, "FRBRdate", date=generated.isoformat(), name="generated")
    _add(manifestation, "FRBRauthor", href="#drafting")

    refs = _add(meta, "references", source="#drafting")
    if parent_symbol:
        # The parent's own kind and date are not known here: its IRI names it by symbol alone.
        parent_iri = f"/akn/un/{symbol_iri_component(parent_symbol)}"
        if parent_relation == "addendumOf":
            _add(refs, "attachmentOf", href=parent_iri, showAs=parent_symbol, type="addendumOf")
        else:
            _add(refs, "passiveRef", href=parent_iri, showAs=parent_symbol)
    _add(refs, "TLCOrganization", eId="un", href="/akn/ontology/organization/un/un", showAs="United Nations")
    _add(refs, "TLCOrganization", eId="secretariat", href="/akn/ontology/organization/un/secretariat",
         showAs="Secretariat")
    _add(refs, "TLCOrganization", eId="drafting", href="/akn/ontology/organization/un/drafting",
         showAs="drafting toolkit")
    if organ:
        _add(refs, "TLCOrganization", eId=slug(organ), href=f"/akn/ontology/organization/un/{slug(organ)}",
             showAs=organ)
    _add(refs, "TLCConcept", eId="symbol", href="/akn/ontology/concept/un/symbol", showAs="Document symbol")
    _add(refs, "TLCConcept", eId="unanchored", href="/akn/ontology/concept/un/unanchoredNote",
         showAs="Footnote whose reference was lost")
    _add(refs, "TLCEvent", eId="publicationEvent", href="/akn/ontology/event/un/publication", showAs="Publication")
    if distribution_kind:
        name = "distribution" + distribution_kind.capitalize()
        _add(refs, "TLCConcept", eId=name, href=f"/akn/ontology/concept/un/{name}",
             showAs=distribution_kind.capitalize())
    return meta


def _add(parent, tag: str, **attrs):
    """A child element made in place under its parent: one made apart (``E.x(...)``) starts a
    document of its own and is moved into the tree after, several times the work. Names go to
    lxml as UTF-8 bytes and attributes one ``set`` each: lxml checks a str name, and an attribute
    dict, with more work (an exception raised and cleared inside it for every str name)."""
    el = etree.SubElement(parent, q(tag).encode())
    for name, value in attrs.items():
        el.set(name.encode(), value)
    return el


def component_meta(meta, component: str, kind: str):
    """The <meta> of a document held inside another (a draft quoted in a report, an annex): the
    identification of the containing work, named as its component ``!<component>``, of its own
    subtype. The containing symbol is not the component's, so it is left out; the references
    stay with the containing document (their eIds must be unique in it)."""
    import copy

    identification = copy.deepcopy(meta.find(q("identification")))
    for el in identification.iter():
        if not isinstance(el.tag, str):
            continue
        name = el.tag.rpartition("}")[2]
        if name == "FRBRthis":
            el.set("value", el.get("value").replace("/!main", f"/!{component}"))
        elif name in ("FRBRalias", "FRBRnumber"):
            el.getparent().remove(el)
        elif name == "FRBRsubtype":
            el.set("value", kind)
    return E.meta(identification)
