"""Where the Word files made elsewhere still differ from the text they were made from.

Run ``python -m tests.docx_differences [WAY ...] [--filter TEXT]``: per way of making the Word
file and per fact, the documents whose fact differs, with the text reading's value and the Word
file's (a fact the way cannot carry, ``not_carried``, is listed apart). The files are those of
``tests/test_docx_made_elsewhere.py`` (made once into build/docx_in/).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def _short(value, other) -> str:
    """A value as printed, a list of numbers cut to where it parts from the other's."""
    if isinstance(value, list) and isinstance(other, list):
        k = next((k for k, (a, b) in enumerate(zip(value, other)) if a != b), min(len(value), len(other)))
        return f"{len(value)} items, from #{k}: {value[k:k + 6]}"
    return repr(value)


def main(argv: list[str] | None = None) -> int:
    from docx_made_elsewhere import WAYS, make_all
    from test_docx_made_elsewhere import SOURCES, facts, not_carried

    from drafting.readers import read_document
    from drafting.readers.docx import read as read_docx

    parser = argparse.ArgumentParser()
    parser.add_argument("ways", nargs="*", default=list(WAYS))
    parser.add_argument("--filter", default="")
    args = parser.parse_args(argv)
    sources = [s for s in SOURCES if args.filter in str(s)]
    made = make_all(sources, ROOT / "build" / "docx_in")
    expected = {src: facts(read_document(src).root) for src in sources}
    for way in args.ways:
        reached = dict.fromkeys(next(iter(expected.values())), 0)
        lines = []
        for src, want in expected.items():
            path = made[(way, src)]
            got = facts(read_docx(path.read_bytes(), path.name).root)
            lacking = not_carried(way, src)
            for key in want:
                if got[key] == want[key]:
                    reached[key] += key not in lacking
                else:
                    tag = " (not carried)" if key in lacking else ""
                    name = src.relative_to(ROOT / "corpus" / "real") if src.is_relative_to(ROOT / "corpus" / "real") else src
                    lines.append(f"  {key:10} {name}{tag}\n      text: {_short(want[key], got[key])}"
                                 f"\n      docx: {_short(got[key], want[key])}")
        print(f"{way}: " + ", ".join(f"{k} {v}" for k, v in reached.items()) + f" (of {len(sources)})")
        print("\n".join(sorted(lines)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
