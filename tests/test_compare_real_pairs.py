"""Compare against the hand-made gold of real pairs (drafts and adopted texts, successive
sessions): ``tests/fixtures/real/pairs/<id>.toml``, written by reading both PDFs.

Each gold file names paragraphs as a reader cites them: ``PP3`` (third preambular paragraph),
``OP5`` (operative paragraph 5), ``ANNEX2`` (annex paragraph 2); it lists the paragraphs that are
identical and every change (modified, inserted, deleted, moved, and ``note`` for a footnote
added, removed or edited). The comparison's pairs are read the same way: a change inside a
paragraph's points or wrap-up is a change of the paragraph; a paragraph whose only changes are
footnotes (a body edited, a call added or removed) is identical, with note changes; a merge is the main paragraph modified and the
others deleted (a split the other way round); a move with its wording changed is a move.
Footnote changes are named by their markers.

Measured from the extracted text (``.pdftotext.txt`` beside each PDF) and from the PDF. The
thresholds are what the comparison reaches with today's readers: what is left comes from reading,
not alignment (a paragraph that a page break cuts after a colon, read as two; a word that plain
``pdftotext`` prints after the next page's running head); they rise with the readers (see the
README's compare section). ``python -m tests.test_compare_real_pairs [--form pdf|pdftotext]``
prints every miss, pair by pair.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from drafting.compare.align import Options, align_items, similarity
from drafting.compare.items import items_of, without_notes
from drafting.readers import read_document

HERE = Path(__file__).parent
GOLD = HERE / "fixtures" / "real" / "pairs"
CORPUS = HERE.parent / "corpus" / "real"
GOLD_FILES = sorted(GOLD.glob("*.toml"))
SUFFIX = ".pdftotext.txt"        # the extracted text beside each PDF

# What the comparison reaches today (see the module docstring): (precision, recall, identical
# paragraphs kept) over the changes, per input form.
FLOORS = {".pdftotext.txt": (0.99, 0.995, 0.998), ".pdf": (0.995, 0.995, 0.999)}


def paragraph_ids(items) -> list[str | None]:
    """The gold's name of the paragraph each item belongs to (its own, or its parent's for a
    point or a wrap-up), None for headings, the formula and what stands outside paragraphs."""
    out: list[str | None] = []
    pp = 0
    current = None
    for item in items:
        if item.kind == "preambular":
            pp += 1
            current = f"PP{pp}"
        elif item.kind == "paragraph" and item.depth == 0 or item.kind == "paragraph" and item.part == "annex":
            label = item.label
            if label and label.isdigit():
                current = f"{'ANNEX' if item.part == 'annex' else 'OP'}{label}"
            else:
                current = None
        elif item.kind in ("point", "wrapUp") or item.kind == "paragraph":
            pass                      # inside the current paragraph
        else:
            current = None
        out.append(current)
    return out


def _notes_only(pair) -> bool:
    """The pair's only changes are footnotes: a body edited, a call added or removed."""
    if pair.formatting:
        return False
    return all(not without_notes(text).strip() for op, text in pair.inline if op != "=")


def observed_changes(alignment) -> tuple[set, set]:
    """(changes, identical) in the gold's terms."""
    old_ids = dict(zip((id(i) for i in alignment.old_items), paragraph_ids(alignment.old_items)))
    new_ids = dict(zip((id(i) for i in alignment.new_items), paragraph_ids(alignment.new_items)))
    top: dict[tuple, str] = {}           # (old id, new id) -> kind
    touched: set[tuple] = set()          # paragraphs whose points or wrap-up changed
    changes: set = set()
    for pair in alignment.pairs:
        olds = [old_ids[id(i)] for i in pair.old]
        news = [new_ids[id(i)] for i in pair.new]
        head = (pair.new or pair.old)[0]
        own = head.kind in ("preambular", "paragraph") and (olds[:1] + news[:1])[0] is not None
        own = own and not (head.kind == "paragraph" and head.depth > 0 and head.part != "annex")
        for f in pair.footnotes:
            if f.kind in ("inserted", "deleted", "modified"):
                changes.add(("note", f.old or "", f.new or ""))
        if pair.kind in ("split", "merged"):
            one, many, ids_one, ids_many = (pair.old, pair.new, olds, news) if pair.kind == "split" \
                else (pair.new, pair.old, news, olds)
            best = max(range(len(many)), key=lambda k: similarity(one[0].words, many[k].words))
            for k, pid in enumerate(ids_many):
                if k == best and (ids_one[0] or pid):     # headings and table rows are no paragraphs
                    key = (ids_one[0], pid) if pair.kind == "split" else (pid, ids_one[0])
                    top[key] = "modified"
                elif k != best and pid:
                    changes.add(("inserted", "", pid) if pair.kind == "split" else ("deleted", pid, ""))
            continue
        if not own:
            if pair.kind not in ("unchanged", "renumbered") and not (pair.kind == "modified" and _notes_only(pair)):
                touched.add((olds[0] if olds else None, news[0] if news else None))
            continue
        key = (olds[0] if olds else "", news[0] if news else "")
        kind = pair.kind
        if kind == "modified" and _notes_only(pair):
            kind = "unchanged"           # only notes changed: the gold lists them as note changes
        top[key] = kind
    identical = set()
    for (o, n), kind in top.items():
        if kind in ("unchanged", "renumbered") and any(t[0] in (o, None) and t[1] in (n, None) and
                                                     (t[0] or t[1]) for t in touched if o and n):
            kind = "modified"
        if kind in ("unchanged", "renumbered"):
            identical.add((o, n))
        elif kind == "moved":
            changes.add(("moved", o, n))
        else:
            changes.add((kind, o or "", n or ""))
    return changes, identical


def gold_of(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def text_path(rel: str, suffix: str = SUFFIX) -> Path:
    """The input beside the PDF ``rel`` (relative to corpus/real): its extracted text, or the
    PDF itself with ``suffix=".pdf"``."""
    return (CORPUS / rel).with_suffix(suffix)


def measure(path: Path, suffix: str = SUFFIX) -> dict:
    gold = gold_of(path)
    old = read_document(text_path(gold["old"], suffix))
    new = read_document(text_path(gold["new"], suffix))
    alignment = align_items(items_of(old.root), items_of(new.root), Options(formatting=False))
    got, identical = observed_changes(alignment)
    truth = {(c["kind"], c.get("old", ""), c.get("new", "")) for c in gold.get("change", [])}
    same = {tuple(x) for x in gold.get("identical", [])}
    return {"tp": len(got & truth), "fp": len(got - truth), "fn": len(truth - got),
            "identical": len(same & identical), "identical_total": len(same),
            "missed": sorted(truth - got), "extra": sorted(got - truth)}


@pytest.mark.skipif(not GOLD_FILES, reason="no gold files for real pairs in tests/fixtures/real/pairs")
@pytest.mark.parametrize("suffix", sorted(FLOORS))
def test_changes_and_identical_paragraphs_of_real_pairs(suffix):
    min_precision, min_recall, min_identical = FLOORS[suffix]
    tp = fp = fn = same = same_total = 0
    for path in GOLD_FILES:
        m = measure(path, suffix)
        tp, fp, fn = tp + m["tp"], fp + m["fp"], fn + m["fn"]
        same, same_total = same + m["identical"], same_total + m["identical_total"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    kept = same / same_total if same_total else 0.0
    assert precision >= min_precision and recall >= min_recall and kept >= min_identical, \
        (suffix, precision, recall, kept)


@pytest.mark.skipif(not GOLD_FILES, reason="no gold files for real pairs in tests/fixtures/real/pairs")
def test_every_report_format_renders_every_real_pair():
    """Real pairs hold what fixtures do not think of (a point paired with a paragraph that lost
    its number, tables read as paragraphs): every report must still render."""
    import json

    from drafting.compare.html_report import html_report
    from drafting.compare.json_report import alignment_json, dumps
    from drafting.compare.text_report import text_report
    from drafting.model.units import masthead

    for path in GOLD_FILES:
        gold = gold_of(path)
        old, new = read_document(text_path(gold["old"])), read_document(text_path(gold["new"]))
        alignment = align_items(items_of(old.root), items_of(new.root), Options(formatting=False))
        a, b = masthead(old.root), masthead(new.root)
        text = text_report(alignment, a, b, "old", "new", typography=True)
        assert text.rstrip().splitlines()[-1].startswith(("summary:", "no differences")), path.name
        assert json.loads(dumps(alignment_json(alignment, a, b)))["pairs"]
        assert html_report(alignment, a, b, "old", "new").count("<tr id=") == len(alignment.pairs)


def test_main_job_compares_each_version_with_the_next(tmp_path):
    """The compare step of ``drafting build``: the versions of each folder of real/pairs/ next to
    the corpus, oldest first, in every format."""
    import shutil
    from types import SimpleNamespace

    from drafting.compare.build import run_build_step

    folder = tmp_path / "corpus" / "real" / "pairs" / "P05"
    folder.mkdir(parents=True)
    for name in ("A_RES_80_57.pdftotext.txt", "A_C.1_80_L.41.pdftotext.txt"):
        shutil.copy(CORPUS / "pairs" / "P05_C1_lethal_autonomous_weapons" / name, folder / name)
    lines: list[str] = []
    run_build_step([SimpleNamespace(source=str(tmp_path / "corpus" / "seed.txt"))], tmp_path / "build", lines.append)
    stem = "A_C.1_80_L.41__A_RES_80_57"               # the draft (older) first
    assert lines[0].startswith(f"compare {stem}: 2 modified ->"), lines
    for ext in ("diff.txt", "diff.json", "diff.html", "redline.docx", "diff.png"):
        assert (tmp_path / "build" / "compare" / f"{stem}.{ext}").stat().st_size > 0


def report(suffixes: list[str]) -> None:
    """Every miss of every pair, and the totals, per input form."""
    for suffix in suffixes:
        tp = fp = fn = same = same_total = 0
        for path in GOLD_FILES:
            m = measure(path, suffix)
            tp, fp, fn = tp + m["tp"], fp + m["fp"], fn + m["fn"]
            same, same_total = same + m["identical"], same_total + m["identical_total"]
            if m["missed"] or m["extra"] or m["identical"] != m["identical_total"]:
                print(f"{suffix} {path.stem}: identical kept {m['identical']}/{m['identical_total']}")
                for change in m["missed"]:
                    print("   missed", change)
                for change in m["extra"]:
                    print("   extra ", change)
        print(f"{suffix}: precision {tp / (tp + fp):.4f} recall {tp / (tp + fn):.4f} "
              f"identical kept {same / same_total:.4f} ({tp} found, {fp} extra, {fn} missed; "
              f"{same}/{same_total} identical)")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Misses of the comparison on the real pairs' gold.")
    parser.add_argument("--form", choices=["pdftotext", "pdf"], action="append",
                        help="input form (both when not given)")
    forms = parser.parse_args().form or ["pdftotext", "pdf"]
    report([".pdftotext.txt" if f == "pdftotext" else ".pdf" for f in forms])
