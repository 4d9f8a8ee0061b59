"""Akoma Ntoso 3.0 namespace, element construction and look-up helpers.

Every module that touches the XML goes through these few names so that the namespace is
written once and XPath expressions stay short (prefix ``a``).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.builder import ElementMaker

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NSMAP = {None: AKN_NS}
XP_NS = {"a": AKN_NS}

E = ElementMaker(namespace=AKN_NS, nsmap=NSMAP)

# Document types of the UN profile and the AKN element that carries each.
DOC_ELEMENT = {
    "resolution": "statement",
    "resolutionDraft": "statement",
    "decision": "statement",
    "decisionDraft": "statement",
    "report": "debateReport",
    "reportDraft": "debateReport",
}


def q(tag: str) -> str:
    """Clark name of an AKN element: ``q('p')`` -> ``{ns}p``."""
    return f"{{{AKN_NS}}}{tag}"


def local(el) -> str:
    """Local name of an element (``p`` for ``{ns}p``); '' for comments and PIs."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def xp(el, path: str, **variables):
    """XPath with the AKN namespace bound to ``a``."""
    return _compiled(path)(el, **variables)


@lru_cache(maxsize=1024)  # the expressions are the code's own: a few hundred at most
def _compiled(path: str) -> etree.XPath:
    # Compiled once per expression: ``el.xpath(path)`` compiles it again at every call, which
    # cost more than the search itself on the small elements rules and writers ask about.
    # (An XPath object serialises its own evaluations, so threads may share it.)
    return etree.XPath(path, namespaces=XP_NS)


def first(el, path: str, **variables):
    found = xp(el, path, **variables)
    return found[0] if found else None


def doc_element(root):
    """The document element under <akomaNtoso> (statement, debateReport, doc, ...)."""
    for child in root:
        if isinstance(child.tag, str):
            return child
    raise ValueError("empty akomaNtoso element")


def paragraphs_of(el) -> list:
    """The ``p`` elements inside ``el`` that are not footnote bodies, in document order; the
    paragraphs of a document quoted inside ``el`` (a draft in a report's paragraph) are that
    document's, not ``el``'s, and the ``p`` that only holds the quoted document is none."""
    depth = len(xp(el, "ancestor-or-self::a:embeddedStructure"))
    return xp(el, ".//a:p[not(ancestor::a:authorialNote)][not(a:embeddedStructure)]"
                  "[count(ancestor::a:embeddedStructure) = $n]", n=depth)


def quoted_documents(el) -> list:
    """The documents quoted whole in a paragraph (``content/p/embeddedStructure/*``)."""
    return xp(el, "a:content/a:p/a:embeddedStructure/*")


# Elements that hold a whole other document (a draft quoted in a report): its text is its own
# units', never part of the paragraph that introduces it.
QUOTED_DOCUMENTS = ("embeddedStructure",)


def text_content(el, skip_notes: bool = True, skip_quoted: bool = True) -> str:
    """Plain text of an element; footnote bodies and documents quoted inside it (a draft
    resolution in a report's paragraph) are left out unless asked for."""
    parts: list[str] = []

    def walk(node):
        name = local(node)
        if (skip_notes and name == "authorialNote") or (skip_quoted and node is not el and name in QUOTED_DOCUMENTS):
            if node.tail:
                parts.append(node.tail)
            return
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tail and node is not el:
            parts.append(node.tail)

    walk(el)
    return "".join(parts)


def tostring(root, pretty: bool = True) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=pretty)
