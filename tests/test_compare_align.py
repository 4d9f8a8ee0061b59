"""The aligner on the real corpus: generated edit scripts with known truth, and the rules that
make a comparison right for UN documents (numbers are metadata, footnotes are atomic, formatting
is not text)."""

from __future__ import annotations

import copy
import random

import pytest

from drafting.compare.align import align_documents
from editscript import OPERATIONS, edit_document, insert_one_paragraph
from drafting.compare.inline import anchors, inline_diff
from drafting.compare.items import is_note, items_of
from drafting.model.akn import first, q, xp

SCRIPTS_PER_DOCUMENT = 40          # x 5 corpus documents = 200 generated scripts


def _pairs(alignment):
    return {(p.kind, tuple(p.old_eids), tuple(p.new_eids)) for p in alignment.pairs}


def test_precision_and_recall_over_200_generated_scripts(seeds):
    donors = {k: [i.plain for i in items_of(r.root)] for k, r in seeds.items()}
    tp = fp = fn = scripts = 0
    ctp = cfp = cfn = 0                  # the same, counting only the changes (not unchanged/renumbered)
    kinds_seen = set()
    for key, result in seeds.items():
        others = [t for k, texts in donors.items() if k != key for t in texts]
        for seed in range(SCRIPTS_PER_DOCUMENT):
            edited = edit_document(result.root, random.Random(f"{key}-{seed}"), donors=others)
            got, truth = _pairs(align_documents(result.root, edited.root)), set(edited.truth)
            tp += len(got & truth)
            fp += len(got - truth)
            fn += len(truth - got)
            got_c = {p for p in got if p[0] not in ("unchanged", "renumbered")}
            truth_c = {p for p in truth if p[0] not in ("unchanged", "renumbered")}
            ctp += len(got_c & truth_c)
            cfp += len(got_c - truth_c)
            cfn += len(truth_c - got_c)
            kinds_seen.update(k for k, _, _ in truth)
            scripts += 1
    assert scripts == 200
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.98 and recall >= 0.98, (precision, recall)
    change_precision, change_recall = ctp / (ctp + cfp), ctp / (ctp + cfn)
    assert change_precision >= 0.98 and change_recall >= 0.98, (change_precision, change_recall)
    assert ctp >= 600                     # about 4 changes per script were really checked
    # the scripts really exercised every kind of change
    assert {"inserted", "deleted", "moved", "split", "merged", "modified", "renumbered"} <= kinds_seen


@pytest.mark.parametrize("key", ["001", "003"])
def test_pure_renumbering_is_one_insertion_and_no_text_change(seeds, key):
    root = seeds[key].root
    edited = insert_one_paragraph(root, position=2)
    alignment = align_documents(root, edited.root)
    summary = alignment.summary
    numbered_after = sum(1 for k, _, _ in edited.truth if k == "renumbered")
    assert summary["inserted"] == 1
    assert summary["renumbered"] == numbered_after >= 30
    assert "modified" not in summary and "deleted" not in summary
    assert not any(p.text_changed for p in alignment.pairs if p.kind != "inserted")


def test_identical_documents(seeds):
    root = seeds["002"].root
    alignment = align_documents(root, copy.deepcopy(root))
    assert alignment.identical
    assert set(alignment.summary) == {"unchanged"}


def _para(root, num):
    for p in xp(root, "//a:paragraph"):
        n = first(p, "a:num")
        if n is not None and (n.text or "").strip() == num:
            return p
    raise AssertionError(num)


def test_footnote_renumbering_is_not_a_change_but_a_new_footnote_is(seeds):
    """002 has footnotes in its preamble and operative part. A footnote added in operative
    paragraph 1 renumbers the ones after it: only paragraph 1 changes."""
    root = seeds["002"].root
    new = copy.deepcopy(root)
    notes = xp(new, "//a:mainBody//a:authorialNote")
    assert len(notes) >= 2
    with_notes = notes[0].xpath("ancestor::a:paragraph[a:num]/a:num", namespaces={"a": notes[0].nsmap[None]})
    label = with_notes[-1].text.strip().rstrip(".")
    assert label != "1"
    for note in notes:
        note.set("marker", str(int(note.get("marker")) + 1))
    p1 = first(_para(new, "1."), "a:content/a:p")
    sup = p1.makeelement(q("sup"), {})
    note = sup.makeelement(q("authorialNote"), {"marker": "2", "placement": "bottom", "eId": "x_note"})
    body = note.makeelement(q("p"), {})
    body.text = "Voir la résolution 55/25 de l'Assemblée générale."
    note.append(body)
    sup.append(note)
    p1.append(sup)
    alignment = align_documents(root, new)
    changed = [p for p in alignment.pairs if p.kind != "unchanged"]
    assert [p.kind for p in changed] == ["modified"]
    assert changed[0].new[0].label == "1"
    op, text = changed[0].inline[-1]
    assert op == "+" and len(text) == 1 and is_note(text)
    assert [f.kind for f in changed[0].footnotes] == ["inserted"]
    later = next(p for p in alignment.pairs if p.new and p.new[0].label == label)
    assert later.kind == "unchanged"
    assert {f.kind for f in later.footnotes} == {"renumbered"}


def test_footnote_body_change_is_reported_with_its_paragraph(seeds):
    root = seeds["002"].root
    new = copy.deepcopy(root)
    note = xp(new, "//a:mainBody//a:authorialNote/a:p")[0]
    note.text = (note.text or "") + " (révisé)"
    alignment = align_documents(root, new)
    changed = [p for p in alignment.pairs if p.kind != "unchanged"]
    assert len(changed) == 1 and changed[0].kind == "modified"
    assert not changed[0].text_changed               # the paragraph text itself is the same
    modified = [f for f in changed[0].footnotes if f.kind == "modified"]
    assert len(modified) == 1 and ("+", " (révisé)") in modified[0].inline


def test_italics_alone_are_formatting_not_text(seeds):
    """002 operative paragraphs open with an italic verb (*Affirme*); un-italicising it."""
    root = seeds["002"].root
    new = copy.deepcopy(root)
    p = first(_para(new, "1."), "a:content/a:p")
    italic = first(p, "a:i")
    assert italic is not None
    p.text = (p.text or "") + (italic.text or "") + (italic.tail or "")
    p.remove(italic)
    alignment = align_documents(root, new)
    changed = [x for x in alignment.pairs if x.kind != "unchanged"]
    assert len(changed) == 1
    assert changed[0].kind == "modified" and changed[0].formatting and not changed[0].text_changed


def test_inline_diff_is_word_level_and_character_level_for_chinese():
    ops = inline_diff("prie le Secrétariat de faire rapport", "prie instamment le Secrétariat de rendre compte")
    assert ("+", "instamment ") in ops
    assert any(op == "-" and text.strip() == "faire rapport" for op, text in ops)
    zh = inline_diff("请秘书处提交报告", "请秘书长提交报告")
    assert zh == [("=", "请秘书"), ("-", "处"), ("+", "长"), ("=", "提交报告")]


def test_inline_diff_never_times_out_on_a_long_paragraph():
    rng = random.Random(1)
    words = [f"mot{rng.randrange(5000)}" for _ in range(20000)]
    edited = list(words)
    for k in range(0, len(edited), 97):
        edited[k] = "changé"
    ops = inline_diff(" ".join(words), " ".join(edited))
    assert "".join(t for op, t in ops if op != "+") == " ".join(words)
    assert "".join(t for op, t in ops if op != "-") == " ".join(edited)
    assert sum(1 for op, t in ops if op == "+") == len(range(0, len(edited), 97))


def test_anchors_are_the_longest_ordered_run_of_characters_unique_in_both():
    # "a" occurs twice in the second text: never an anchor; "x" and "d" stand in the opposite
    # order in the two texts: only one of them can be kept with "b" and "e"
    assert anchors("abxde", "aabdxe") == [(1, 2), (3, 3), (4, 5)]
    assert anchors("abc", "cba") in ([(0, 2)], [(1, 1)], [(2, 0)])
    assert anchors("", "abc") == []


def test_inline_diff_keeps_a_shared_word_between_two_rewritten_stretches():
    old = "notes the work of the Committee on its agenda, and decides to continue its consideration of the item"
    new = "welcomes the report of the Committee on its agenda, and requests to continue the consideration of the question"
    ops = inline_diff(old, new)
    assert "".join(t for op, t in ops if op != "+") == old
    assert "".join(t for op, t in ops if op != "-") == new
    assert any(op == "=" and "Committee on its agenda, and" in t for op, t in ops)


def test_the_shortcuts_of_the_word_diff_give_the_diff_of_the_whole_texts(seeds):
    # every paragraph of the corpus against itself edited at its start, middle or end (a word
    # changed, a tab or no-break space, Chinese characters): the shared head and tail are cut
    # into the whole texts' tokens, and the diff that looks at the middles alone for anchors
    # is the diff with every anchor of the whole texts
    from drafting.compare.inline import _diff_codes, _encode, _split_tokens
    from drafting.compare.items import tokens_of

    rng = random.Random(7)
    checked = 0
    for result in seeds.values():
        for item in items_of(result.root):
            old = item.plain
            words = old.split(" ")
            if len(words) < 6:
                continue
            at = rng.choice((0, len(words) // 2, len(words) - 1))
            words[at] = rng.choice(("Decides", "\u4e2d\u56fd", "a\tb", "non\u00a0State", "", "x  y"))
            new = " ".join(words)
            if new == old:
                continue
            head, old_mid, new_mid, tail = _split_tokens(old, new)
            assert head + old_mid + tail == tokens_of(old)
            assert head + new_mid + tail == tokens_of(new)
            a, b, _ = _encode(head, old_mid, new_mid, tail)
            assert _diff_codes(a, b, (head + old_mid + tail, head + new_mid + tail)) == _diff_codes(a, b)
            ops = inline_diff(old, new)
            assert "".join(t for op, t in ops if op != "+") == old
            assert "".join(t for op, t in ops if op != "-") == new
            checked += 1
    assert checked > 200


@pytest.mark.parametrize("operation", ["split", "merge", "move"])
def test_each_structural_edit_alone(seeds, operation):
    root = seeds["001"].root
    for seed in range(5):
        edited = edit_document(root, seed, edits=1, operations=[operation])
        assert _pairs(align_documents(root, edited.root)) == set(edited.truth), edited.script


def test_two_documents_with_nothing_in_common(seeds):
    alignment = align_documents(seeds["001"].root, seeds["004"].root)
    kinds = alignment.summary
    assert kinds.get("inserted", 0) >= 20 and kinds.get("deleted", 0) >= 100
    assert kinds.get("modified", 0) + kinds.get("moved", 0) <= 5


def test_operations_cover_the_issue_list():
    assert set(OPERATIONS) == {"insert", "delete", "move", "split", "merge", "reword", "footnote"}


def test_edited_copies_are_valid_akn(seeds):
    """The edited copies stand for real edited documents: they must pass validation like any output."""
    from drafting.model.validate import validate_tree

    for key, result in seeds.items():
        for seed in range(3):
            edited = edit_document(result.root, random.Random(f"valid-{key}-{seed}"), edits=8)
            assert validate_tree(edited.root) == [], (key, seed, edited.script)


def test_longest_run_keeps_the_identical_paragraph_in_place_and_moves_the_edited_one():
    """Two runs as long: the identical paragraph stays, the edited one (weight below 1) moved."""
    from drafting.compare.align import _longest_run

    pairs = [(0, 0, 1.0), (1, 2, 1.0), (2, 1, 0.93), (3, 3, 1.0)]
    assert _longest_run(pairs) == [(0, 0, 1.0), (1, 2, 1.0), (3, 3, 1.0)]
    pairs = [(0, 0, 1.0), (1, 2, 0.93), (2, 1, 1.0), (3, 3, 1.0)]
    assert _longest_run(pairs) == [(0, 0, 1.0), (2, 1, 1.0), (3, 3, 1.0)]


def test_longest_run_is_the_longest_and_heaviest_chain():
    """Against every subset on small random cases: the longest chain increasing on both sides,
    and among those the heaviest."""
    import itertools

    from drafting.compare.align import _longest_run

    rng = random.Random(7)
    for case in range(400):
        n = rng.randrange(1, 8)
        weights = [1.0, 0.85, 0.9] if case % 2 else [1.0]
        pairs = [(i, j, rng.choice(weights)) for i, j in enumerate(rng.sample(range(10), n))]
        chains = (c for r in range(n + 1) for c in itertools.combinations(pairs, r)
                  if all(a[1] < b[1] for a, b in zip(c, c[1:])))
        best = max((len(c), round(sum(p[2] for p in c), 6)) for c in chains)
        got = _longest_run(pairs)
        assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(got, got[1:]))
        assert (len(got), round(sum(p[2] for p in got), 6)) == best
