"""The checker on documents of other languages and layouts: no false findings where the
document follows its own language's forms (Arabic labels, tables, annexes)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES

TEXT = FIXTURES / "text"


def rules_found(path):
    proc = subprocess.run([sys.executable, "-m", "drafting.cli", "check", "--format", "json", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return {f["rule"] for f in json.loads(proc.stdout)["findings"]}


def test_arabic_point_labels_count_in_the_abjad_order():
    assert "UN103" not in rules_found(TEXT / "ar_report.txt")


def test_a_table_is_not_a_paragraph_that_lost_its_number_and_annexes_number_afresh():
    found = rules_found(TEXT / "en_report_tables_annex.txt")
    assert not found & {"UN101", "UN102"}


def test_a_lost_number_is_still_found(tmp_path):
    text = (TEXT / "en_report_tables_annex.txt").read_text(encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(text.replace("- 2. The present report", "- The present report"), encoding="utf-8")
    assert "UN102" in rules_found(broken)


def test_chinese_and_arabic_versions_align_by_structure():
    from drafting.compare.languages import align_languages
    from drafting.readers import read_document

    zh = read_document(TEXT / "zh_report.txt").root
    ar = read_document(TEXT / "ar_report.txt").root
    result = align_languages(zh, ar)
    # 一. / أولا -, A. / ألف -, (a) / (أ): the same structure under different numerals
    assert all(p.method == "number" for p in result.pairs if p.a and p.b)
    assert not [m for m in result.mismatches if m.kind.startswith("missing")]
    # the Arabic version lacks the Chinese version's footnote: a language unit must fix that
    assert [m.kind for m in result.mismatches] == ["footnotes"]
