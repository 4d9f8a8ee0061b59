"""FRBR identification and references (the <meta> block) built from the masthead facts."""

from __future__ import annotations

import datetime as _dt
import re

from drafting.locale import akn_code
from drafting.model.akn import DOC_ELEMENT, E


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

    work_children = [
        E.FRBRthis(value=f"{work}/!main"),
        E.FRBRuri(value=work),
    ]
    if symbol:
        work_children.append(E.FRBRalias(name="symbol", value=symbol))
    work_children += [
        E.FRBRdate(date=date.isoformat(), name=date_name),
        E.FRBRauthor(href=author),
        E.FRBRcountry(value="un"),
        E.FRBRsubtype(value=kind),
    ]
    if symbol:
        work_children.append(E.FRBRnumber(value=number, showAs=symbol))
    identification = E.identification(
        E.FRBRWork(*work_children),
        E.FRBRExpression(
            E.FRBRthis(value=f"{expr}/!main"),
            E.FRBRuri(value=expr),
            E.FRBRdate(date=date.isoformat(), name=date_name),
            E.FRBRauthor(href="#secretariat"),
            E.FRBRlanguage(language=iso),
        ),
        E.FRBRManifestation(
            E.FRBRthis(value=f"{expr}/!main.xml"),
            E.FRBRuri(value=f"{expr}.akn"),
            E.FRBRdate(date=generated.isoformat(), name="generated"),
            E.FRBRauthor(href="#drafting"),
        ),
        source="#drafting",
    )
    refs = []
    if parent_symbol:
        # The parent's own kind and date are not known here: its IRI names it by symbol alone.
        parent_iri = f"/akn/un/{symbol_iri_component(parent_symbol)}"
        if parent_relation == "addendumOf":
            refs.append(E.attachmentOf(href=parent_iri, showAs=parent_symbol, type="addendumOf"))
        else:
            refs.append(E.passiveRef(href=parent_iri, showAs=parent_symbol))
    refs += [
        E.TLCOrganization(eId="un", href="/akn/ontology/organization/un/un", showAs="United Nations"),
        E.TLCOrganization(
            eId="secretariat", href="/akn/ontology/organization/un/secretariat", showAs="Secretariat"
        ),
        E.TLCOrganization(
            eId="drafting", href="/akn/ontology/organization/un/drafting", showAs="drafting toolkit"
        ),
    ]
    if organ:
        refs.append(
            E.TLCOrganization(
                eId=slug(organ), href=f"/akn/ontology/organization/un/{slug(organ)}", showAs=organ
            )
        )
    refs += [
        E.TLCConcept(eId="symbol", href="/akn/ontology/concept/un/symbol", showAs="Document symbol"),
        E.TLCConcept(
            eId="unanchored",
            href="/akn/ontology/concept/un/unanchoredNote",
            showAs="Footnote whose reference was lost",
        ),
        E.TLCEvent(eId="publicationEvent", href="/akn/ontology/event/un/publication", showAs="Publication"),
    ]
    if distribution_kind:
        name = "distribution" + distribution_kind.capitalize()
        refs.append(
            E.TLCConcept(eId=name, href=f"/akn/ontology/concept/un/{name}", showAs=distribution_kind.capitalize())
        )
    return E.meta(identification, E.references(*refs, source="#drafting"))


def component_meta(meta, component: str, kind: str):
    """The <meta> of a document held inside another (a draft quoted in a report, an annex): the
    identification of the containing work, named as its component ``!<component>``, of its own
    subtype. The containing symbol is not the component's, so it is left out; the references
    stay with the containing document (their eIds must be unique in it)."""
    import copy

    identification = copy.deepcopy(meta.find(E.identification().tag))
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
