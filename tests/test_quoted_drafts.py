"""The drafts a report recommends are read as documents of their own inside the report.

A/79/437/Add.4 (Second Committee) reproduces under its paragraph 19 the draft resolution it
recommends: title, ``The General Assembly,``, 32 preambular paragraphs, operative paragraphs
1-43 with footnotes numbered afresh. E/2025/28 (a commission's report) recommends two draft
decisions, each under its label ``Draft decision I`` / ``II``, then goes on with its section B.
"""

from __future__ import annotations

import pytest

from drafting.model.akn import doc_element, text_content, xp
from drafting.model.units import body_units
from drafting.model.validate import validate_tree
from drafting.readers import read_document
from tests.real_facts import CORPUS

ADD4 = CORPUS / "reports" / "A_79_437_Add.4"
ECOSOC = CORPUS / "reports" / "E_2025_28-E_CN.7_2025_11"


@pytest.mark.parametrize("suffix", [".pdf", ".pdftotext.txt", ".layout.txt"])
def test_recommended_draft_is_its_own_document(suffix):
    root = read_document(str(ADD4) + suffix).root
    assert validate_tree(root) == []
    doc = doc_element(root)
    # the report's own paragraphs stop at 19: the draft's 1-43 are inside paragraph 19
    own = [text_content(n) for n in xp(doc, "a:mainBody//a:paragraph[not(ancestor::a:embeddedStructure)]/a:num")]
    assert own[-1] == "19." and len(own) == 19
    (draft,) = xp(doc, ".//a:paragraph[a:num='19.']/a:content/a:p/a:embeddedStructure/a:statement")
    assert draft.get("name") == "resolutionDraft"
    assert " ".join(text_content(draft.find(".//{*}docTitle")).split()) == \
        "Protection of global climate for present and future generations of humankind"
    assert text_content(xp(draft, "a:preamble/a:formula")[0]).strip() == "The General Assembly,"
    assert len(xp(draft, "a:preamble/a:container")) == 32
    assert [text_content(n) for n in xp(draft, "a:mainBody/a:paragraph/a:num")] == [f"{n}." for n in range(1, 44)]
    # paragraph 19's own text is the recommendation alone
    units = body_units(root)
    para19 = next(u for u in units if u.num == "19.")
    assert para19.text.endswith("the adoption of the following draft resolution:")
    quoted = units[units.index(para19) + 1]
    assert (quoted.kind, quoted.level) == ("heading", "embeddedStructure")
    assert sum(1 for u in units if u.kind == "preambular") == 32


def test_drafts_under_their_labels_and_the_report_goes_on():
    root = read_document(str(ECOSOC) + ".pdf").root
    assert validate_tree(root) == []
    doc = doc_element(root)
    drafts = xp(doc, ".//a:embeddedStructure/a:statement")
    assert [d.get("name") for d in drafts] == ["decisionDraft", "decisionDraft"]
    labels = [" ".join(text_content(d.find(".//{*}docType")).split()) for d in drafts]
    assert labels == ["Draft decision I", "Draft decision II"]
    assert "Report of the International Narcotics Control Board" in text_content(drafts[1].find(".//{*}docTitle"))
    # section B and its paragraph 2 are the report's again
    assert xp(doc, "a:mainBody//a:section[not(ancestor::a:embeddedStructure)]/a:num")
    nums = [text_content(n) for n in xp(doc, "a:mainBody//a:paragraph[not(ancestor::a:embeddedStructure)]/a:num")]
    assert nums[:2] == ["1.", "2."]


def test_a_paragraph_naming_a_draft_mid_sentence_quotes_nothing():
    """``... retain operative paragraph 16 of draft resolution A/C.2/79/L.21/Rev.1 ... as
    follows:`` introduces a vote, not a draft: the paragraphs after it stay the report's."""
    root = read_document(str(ADD4) + ".pdf").root
    para15 = xp(doc_element(root), ".//a:paragraph[a:num='15.']")[0]
    assert not xp(para15, ".//a:embeddedStructure")


def test_the_drafts_end_where_the_reports_numbering_goes_on():
    """Where a reading lost the report's headings, its next paragraph (the number after the
    recommending one's) still closes the quoted drafts; a draft's own numbers that run into it
    do not."""
    from drafting.model.blocks import DocumentBlocks, Heading, Para
    from drafting.readers.passes.quoted import quote_drafts

    doc = DocumentBlocks(kind="report", lang="en")
    doc.body = [
        Para("1.", ["The Commission recommends to the Economic and Social Council the adoption "
                    "of the following draft decision:"]),
        Heading("crossHeading", None, ["Draft decision"]),
        Heading("crossHeading", None, ["Report of the International Narcotics Control Board"]),
        Para(None, ["The Economic and Social Council takes note of the report of the Board."]),
        Para("2.", ["The following resolutions are brought to the attention of the Council:"]),
    ]
    quote_drafts(doc)
    assert [p.num for p in doc.body] == ["1.", "2."]
    (draft,) = doc.body[0].quoted
    assert draft.kind == "decisionDraft" and len(draft.body) == 1

    doc = DocumentBlocks(kind="report", lang="en")
    doc.body = [Para("1.", ["The Committee recommends to the General Assembly the adoption of the "
                            "following draft resolution:"]),
                Heading("crossHeading", None, ["Title"]),
                Para(None, ["The General Assembly,"]),
                Para(None, ["Recalling its resolutions,"]),
                Para("1.", ["Decides one;"]), Para("2.", ["Decides two."])]
    quote_drafts(doc)
    assert [p.num for p in doc.body] == ["1."]
    assert [p.num for p in doc.body[0].quoted[0].body] == ["1.", "2."]
