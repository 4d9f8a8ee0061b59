"""The schema's child order: an element added where Word expects it, not merely appended.

WordprocessingML properties are ``xsd:sequence``s: Word refuses a file whose ``w:rPr`` holds
``w:i`` before ``w:b``, or whose ``w:sectPr`` holds ``w:bidi`` before ``w:pgMar``. python-docx's
oxml classes declare, per element, the names that may follow a child (``ZeroOrOne(...,
successors=...)``) and insert before the first successor present; this module keeps the same
idea as data: one ordered list of child names per parent, from ECMA-376 Part 1 (transitional).
"""

from __future__ import annotations

from lxml import etree

from drafting.ooxml.names import local_name, w

_RPR_BASE = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
             "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
             "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath")

SEQUENCES: dict[str, tuple[str, ...]] = {
    "pPr": tuple(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
        "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
        "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
        "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
        "rPr sectPr pPrChange".split()),
    # a run's properties; a paragraph mark's rPr starts with its own revision marks
    "rPr": tuple(("ins del moveFrom moveTo " + _RPR_BASE + " rPrChange").split()),
    "sectPr": tuple(
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
        "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
        "docGrid printerSettings sectPrChange".split()),
    "footnotePr": tuple("pos numFmt numStart numRestart footnote".split()),
    "style": tuple(
        "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed "
        "qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr "
        "tblStylePr".split()),
    "tblPr": tuple(
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange".split()),
    "trPr": tuple(
        "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
        "tblCellSpacing jc hidden ins del trPrChange".split()),
    "settings": tuple(
        "writeProtection view zoom removePersonalInformation removeDateAndTime "
        "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
        "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
        "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
        "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
        "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
        "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
        "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
        "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting "
        "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
        "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
        "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
        "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
        "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
        "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
        "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
        "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace "
        "updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr "
        "attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
        "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
        "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator".split()),
}
# An element's properties come before all its content (CT_R, CT_P, CT_Tbl, CT_Row, CT_Tc).
PROPERTIES_FIRST = {"r": "rPr", "p": "pPr", "tbl": "tblPr", "tr": "trPr", "tc": "tcPr"}
_RANK = {parent: {name: i for i, name in enumerate(names)} for parent, names in SEQUENCES.items()}


def insert_in_order(parent, child) -> None:
    """Put ``child`` into ``parent`` before the first sibling the schema places after it.

    A parent or child the table does not know is appended (the schema allows it at the end, or
    the caller owns the order)."""
    if PROPERTIES_FIRST.get(local_name(parent.tag)) == local_name(child.tag):
        parent.insert(0, child)
        return
    ranks = _RANK.get(local_name(parent.tag))
    rank = ranks.get(local_name(child.tag)) if ranks else None
    if rank is None:
        parent.append(child)
        return
    # a repeatable child (headerReference, footnote) goes after the last one of its name
    for sibling in parent:
        other = ranks.get(local_name(sibling.tag))
        if other is not None and other > rank:
            sibling.addprevious(child)
            return
    parent.append(child)


def get_or_add(parent, tag: str, **attrs: str):
    """The child ``w:tag`` of ``parent``, created at its place in the sequence if missing.

    ``attrs`` (local names in the w: namespace) are set on the child either way, so that
    ``get_or_add(ppr, 'jc', val='center')`` reads as the property it sets."""
    child = parent.find(w(tag))
    if child is None:
        child = etree.Element(w(tag))
        insert_in_order(parent, child)
    for key, value in attrs.items():
        child.set(w(key), value)
    return child


def add(parent, tag: str, **attrs: str):
    """A new child ``w:tag`` at its place, even if one exists (repeatable children)."""
    child = etree.Element(w(tag))
    insert_in_order(parent, child)
    for key, value in attrs.items():
        child.set(w(key), value)
    return child
