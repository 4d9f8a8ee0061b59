"""The foundation issue's expectations on the five seed documents, asserted on the AKN."""

from __future__ import annotations

from drafting.model.akn import xp
from drafting.model.units import all_notes, body_units, masthead
from drafting.model.validate import validate_tree


def numbers(result, kind="paragraph"):
    return [u.number for u in body_units(result.root) if u.kind == kind and u.num]


def codes(result, code):
    return [d for d in result.diagnostics if d.code == code]


def test_every_seed_is_valid_against_the_strict_schema_and_profile(seeds):
    for key, result in seeds.items():
        assert validate_tree(result.root) == [], key


def test_seed_000_draft_report_addendum(seeds):
    r = seeds["000"]
    m = masthead(r.root)
    assert m["kind"] == "reportDraft"
    assert m["doc_type"] == ["Projet de rapport", "Additif"]
    assert m["distribution"] == "Distr. limitée"
    assert m["date"] == "2011-10-12"
    assert m["expression_language"] == "fra"
    assert m["original"] == "anglais"
    assert m["session"] == "Quatrième session" and m["session_number"] == "4"
    assert m["place_dates"] == "Vienne, 10-12 octobre 2011"
    assert m["body"] == "Groupe de travail sur la traite des personnes"
    chapters = [u.num for u in body_units(r.root) if u.level == "chapter"]
    assert chapters == ["VI."]
    assert numbers(r) == ["1", "2", "3", "4", "5"]
    points = [u for u in body_units(r.root) if u.kind == "point"]
    assert len(points) == 16
    assert [p.number for p in points] == [str(n) for n in [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4]]
    cross = [u.text for u in body_units(r.root) if u.kind == "crossHeading"]
    assert cross == ["Coopération internationale", "Sensibilisation", "Offre et demande"]
    # "4^e" is an ordinal, not a footnote
    assert all_notes(r.root) == []
    assert xp(r.root, "count(//a:sup[.='e'])") == 2
    # the quotation set off under paragraph 1 is a quotation paragraph, not paragraph 2
    assert xp(r.root, "count(//a:paragraph[not(a:num)]//a:blockContainer)") == 1


def test_seed_001_report_numbering_and_footnotes(seeds):
    r = seeds["001"]
    m = masthead(r.root)
    assert m["kind"] == "report"
    assert m["distribution"] == "Distr. générale"
    assert m["date"] == "2010-02-17"
    assert m["original"] == "anglais" and m["language"] == "Français"
    assert numbers(r) == [str(n) for n in range(1, 116)]
    chapters = [u.num for u in body_units(r.root) if u.level == "chapter"]
    assert chapters == ["I.", "II.", "III.", "IV."]
    # "1. Recommandations générales" is a heading, not paragraph 1
    subsections = [u.text for u in body_units(r.root) if u.level == "subsection"]
    assert "Recommandations générales" in subsections
    inferred = sorted(int(d.message.split()[2]) for d in codes(r, "inferred-number") if d.message.startswith("paragraph"))
    assert inferred == [1, 82, 83]
    notes = all_notes(r.root)
    assert len(notes) == 15
    assert sorted(int(n.marker) for n in notes if n.anchored) == list(range(2, 16))
    lost = [n for n in notes if not n.anchored]
    assert [n.marker for n in lost] == ["1"] and "Recueil des Traités" in lost[0].text
    assert len(codes(r, "unanchored-note")) == 1
    units = {u.number: u for u in body_units(r.root) if u.kind == "paragraph" and u.num}
    # the footnote whose reference is printed as plain digits after a closing quote
    assert [n.marker for n in units["84"].notes] == ["15"]
    assert "parlementaires\"" in units["84"].text and " 15;" not in units["84"].text
    # two notes at one point
    assert [n.marker for n in units["50"].notes] == ["8", "9"]
    # paragraphs 82 and 84 continue after a footnote block
    assert "criminalité organisée et des outils de l'UNODC" in units["82"].text
    assert "appeler l'attention sur la tragédie des enfants soldats" in units["84"].text
    assert "Concernant le principal mandat" in units["83"].text
    # M^{me} is not a footnote
    assert xp(r.root, "count(//a:sup[.='me'])") >= 5
    # the nested agenda of paragraph 67: items 1-8 with a) and b) under item 1
    agenda = [u for u in body_units(r.root) if u.kind == "point" and u.parent_eid and "para_67" in u.parent_eid]
    assert [u.number for u in agenda] == ["1", "a", "b", "2", "3", "4", "5", "6", "7", "8"]


def test_seed_002_draft_resolution(seeds):
    r = seeds["002"]
    m = masthead(r.root)
    assert m["kind"] == "resolutionDraft"
    assert m["distribution"] == "Distr. limitée"
    assert m["date"] == "2008-10-15"
    assert m["agenda_item"] == "2 d)"
    assert m["sponsors"] == ["Groupe des 77 et Chine"]
    assert m["doc_type"] == ["projet de résolution"]
    assert m["title"] == "Traite des êtres humains"
    units = body_units(r.root)
    assert [u.kind for u in units[:1]] == ["formula"]
    preambular = [u for u in units if u.kind == "preambular"]
    assert len(preambular) == 8
    assert preambular[0].element.get("name") == "recalling"
    # the 6th preambular paragraph is cut by a page break and footnote 1: joined again
    assert "additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée" in preambular[5].text
    assert numbers(r) == [str(n) for n in range(1, 16)]
    para = {u.number: u for u in units if u.kind == "paragraph"}
    assert "que présidera un membre du Bureau" in para["9"].text
    points = [u.number for u in units if u.kind == "point" and u.parent_eid and u.parent_eid.endswith("para_10")]
    assert points == ["a", "b", "c", "d"]
    assert len(all_notes(r.root)) == 4 and all(n.anchored for n in all_notes(r.root))
    # operative verbs stay italic
    assert xp(r.root, "string(//a:paragraph[a:num='1.']//a:i[1])") == "Affirme"


def test_seed_003_ocr_report(seeds):
    r = seeds["003"]
    assert numbers(r) == [str(n) for n in range(1, 40)]
    units = body_units(r.root)
    assert [u.num for u in units if u.level == "chapter"] == ["I.", "II.", "III."]
    assert [u.num for u in units if u.level == "section"] == ["A.", "B.", "C.", "D.", "E."]
    repairs = codes(r, "ocr-repair")
    assert any("'[11.' read as 'III.'" in d.message for d in repairs)
    assert any("'|' read as 'l'" in d.message for d in repairs)
    assert any("'&' read as 'à'" in d.message for d in repairs)
    assert any("'4,' read as '4.'" in d.message for d in repairs)
    text = " ".join(u.text for u in units)
    assert "|'" not in text and "|’" not in text and " & " not in text
    assert "l’Office des Nations Unies contre la drogue" in text
    # the agenda footnote on the symbol
    star = [n for n in all_notes(r.root) if n.marker == "*"]
    assert len(star) == 1 and star[0].text == "CTOC/COP/2012/1."
    # page furniture dropped from the body and listed
    furniture = [d.message for d in codes(r, "furniture")]
    assert any("V.12-54630" in f for f in furniture) and any("CTOC/COP/2012/2" in f for f in furniture)
    assert "V.12-54630" not in text
    # hard-wrapped lines are unwrapped: paragraph 1 is one paragraph across the blank line
    p1 = next(u for u in units if u.number == "1")
    assert "établi conformément a la résolution 5/2 de la Conférence des Parties à la Convention" in p1.text


def test_seed_004_note_without_masthead(seeds):
    r = seeds["004"]
    assert masthead(r.root)["kind"] == "note"
    assert xp(r.root, "count(//a:coverPage)") == 0
    assert len(codes(r, "no-masthead")) == 1
    units = body_units(r.root)
    headings = [u.text for u in units if u.kind == "heading"]
    assert headings[:2] == ["CONTEXTE", "BESOIN D'UNE RÉPONSE PLUS ADÉQUATE"]
    assert numbers(r) == []
    bullets = [u for u in units if u.kind == "point"]
    assert len(bullets) == 9 and bullets[0].text.startswith("Principes directeurs")
    assert "Ce document n'a pas été revu par les services d'édition." in units[-1].text


def test_no_body_text_is_lost(seeds):
    """Every word of every seed ends up in the XML (furniture aside)."""
    import re

    for key, result in seeds.items():
        source = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", " ", open(result.source, encoding="utf-8").read())
        xml_text = " ".join(result.root.itertext())
        furniture = {d.message.split(": ", 1)[1] for d in result.diagnostics if d.code == "furniture"}
        xml_words = set(re.findall(r"\w+", xml_text))
        for word in set(re.findall(r"\w{4,}", source)):
            if any(word in f for f in furniture):
                continue
            assert word in xml_words or key == "003", (key, word)
