"""The readers measured against the facts of the real documents, written by reading the PDFs.

For every fact file under tests/fixtures/real and every input form that exists beside the PDF
(pdftotext, pdftotext -layout, and the PDF itself once a PDF reader is registered), the share of
facts the reading gets right and the share of input words it keeps. ``pytest -s`` prints the
table. Each form must hold at least its threshold below: the thresholds are today's measured
level, so a reader that regresses fails here; raise them as the readers improve (the goal is every
fact from the PDF and 98% from the two text forms).
"""

from __future__ import annotations

import pytest

from tests import real_facts

# Minimum share of facts right, and minimum mean word coverage, per input form: today's measure
# less 0.1 point (facts) and 0.05 point (words). Raise them whenever a reader gets better.
THRESHOLDS = {"pdftotext": 0.9944, "layout": 0.9977, "pdf": 0.999}
WORD_THRESHOLDS = {"pdftotext": 0.9995, "layout": 0.9995, "pdf": 0.9909}

FILES = real_facts.fact_files()


def test_fact_files_are_complete():
    """Every fact file names an existing PDF, a known kind and the facts every kind has."""
    assert len(FILES) >= 30
    for path in FILES:
        facts = real_facts.load_facts(path)
        assert (real_facts.CORPUS / facts["source"]).is_file(), path
        assert path.with_suffix("").relative_to(real_facts.FACTS).as_posix() == facts["source"][:-4]
        assert facts["kind"] in real_facts.KINDS, path
        for key in ("symbol", "lang", "title", "footnotes", "furniture"):
            assert key in facts, (path, key)
        if facts["kind"] in ("resolution", "draft-resolution"):
            assert facts["preambular"] == len(facts["preambular_openers"]), path


@pytest.fixture(scope="module")
def measured():
    rows = {}
    for form in real_facts.forms_available():
        for path in FILES:
            facts, checked, coverage, _ = real_facts.measure(path, form)
            rows[(real_facts.doc_name(path), form)] = (checked, coverage)
    return rows


def test_real_facts(measured):
    forms = real_facts.forms_available()
    names = sorted({name for name, _ in measured})
    width = max(len(n) for n in names)
    print()
    print(f"{'document':{width}}  " + "  ".join(f"{form:>16}" for form in forms))
    totals = {form: [0, 0, 0.0] for form in forms}
    for name in names:
        cells = []
        for form in forms:
            checked, coverage = measured[(name, form)]
            ok = sum(f.ok for f in checked)
            totals[form][0] += ok
            totals[form][1] += len(checked)
            totals[form][2] += coverage
            cells.append(f"{ok:3}/{len(checked):3} w{coverage:7.2%}")
        print(f"{name:{width}}  " + "  ".join(f"{c:>16}" for c in cells))
    shares = {}
    for form, (ok, n, cov) in totals.items():
        shares[form] = (ok / n, cov / len(names))
        print(f"{'TOTAL ' + form:{width}}  facts {ok}/{n} = {ok / n:.1%}, mean word coverage {cov / len(names):.2%}")
    for form in forms:
        checked_lists = [measured[(name, form)][0] for name in names]
        print(f"{'by fact ' + form:{width}}  {real_facts.format_groups(real_facts.group_totals(checked_lists))}")
    for form, (share, coverage) in shares.items():
        assert share >= THRESHOLDS[form], f"{form}: {share:.1%} of facts right, below {THRESHOLDS[form]:.1%}"
        assert coverage >= WORD_THRESHOLDS[form], (
            f"{form}: mean word coverage {coverage:.1%}, below {WORD_THRESHOLDS[form]:.1%}")


def test_check_facts_catches_a_wrong_reading():
    """The measure itself can fail: a reading of another document gets its facts wrong."""
    from drafting.readers import read_document

    first, second = FILES[0], FILES[-1]
    facts = real_facts.load_facts(first)
    other = read_document(real_facts.input_of(real_facts.load_facts(second), "pdftotext"))
    checked = real_facts.check_facts(other, facts)
    assert not next(f for f in checked if f.name == "symbol").ok
    assert all(len(tuple(f)) == 4 for f in checked)


def test_a_correct_reading_holds_every_fact():
    """A reading written as the profile wants it (tests/fixtures/real_facts_A_RES_80_57.xml)
    holds every fact of A/RES/80/57; one preambular paragraph fewer breaks the counts."""
    from lxml import etree

    from drafting.readers import ReadResult

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(real_facts.ROOT / "tests/fixtures/real_facts_A_RES_80_57.xml"), parser).getroot()
    facts = real_facts.load_facts(real_facts.FACTS / "pairs/P05_C1_lethal_autonomous_weapons/A_RES_80_57.toml")
    checked = real_facts.check_facts(ReadResult(root=root), facts)
    assert [f for f in checked if not f.ok] == []
    assert len(checked) >= 20
    preamble = root.find(".//{*}preamble")
    preamble.remove(preamble.findall("{*}container")[2])
    failed = {f.name for f in real_facts.check_facts(ReadResult(root=root), facts) if not f.ok}
    assert {"preambular", "preambular_openers", "footnote 1"} <= failed


def test_word_coverage_sees_a_lost_paragraph():
    """Word coverage counts words with their multiplicity: a paragraph taken out of a reading
    shows as lost words, even though most of its words occur elsewhere in the document."""
    from drafting.readers import read_document

    facts = real_facts.load_facts(real_facts.FACTS / "pairs/P05_C1_lethal_autonomous_weapons/A_RES_80_57.toml")
    source = real_facts.input_of(facts, "pdftotext")
    text = source.read_text(encoding="utf-8")
    result = read_document(source)
    whole, _ = real_facts.word_coverage(text, result)
    paragraph = result.root.find(".//{*}mainBody/{*}paragraph")
    paragraph.getparent().remove(paragraph)
    cut, _ = real_facts.word_coverage(text, result)
    assert cut < whole - 0.02
