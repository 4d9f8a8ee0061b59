"""Check (not a test) that a speed change keeps every reader's output byte for byte.

Run: .venv/bin/python -m tests.bench.same_output [REF]   (REF: the code to compare against; by
default the last commit of ``main`` this branch is built on, ``git merge-base HEAD main``)

Every input of corpus/real (PDF, pdftotext, -layout, Markdown), the seeds of corpus/ (text and
their AKN) and the Word and Markdown fixtures is read with the code at REF (a ``git archive`` of it,
imported ahead of the working tree) and with the working tree; the AKN and the diagnostics of each
must be the same bytes. REF's outputs are kept in build/same_output/REF_SHA/ so that each later
check reads only with the working tree. Exit 1 and the list of differing inputs when any differ.

The compare outputs are checked the same way: every real pair of the redline benchmark (each
version of a folder of corpus/real/pairs and sessions against the next), as Word files made by
pandoc from the extracted text and from the Markdown export, diffed into the tracked-changes DOCX,
the JSON and the HTML report (the Word files are made once, into build/same_output/pairs/).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "same_output"


def inputs() -> list[Path]:
    files = [p for p in sorted((ROOT / "corpus" / "real").rglob("*"))
             if p.suffix in (".pdf", ".txt") or (p.suffix == ".md" and p.name != "MANIFEST.md")]
    files += sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.xml"))
    files += [p for p in sorted((ROOT / "tests" / "fixtures" / "docx").glob("*.docx"))
              if not p.name.startswith("bad_")]
    files += sorted((ROOT / "tests" / "fixtures" / "markdown").glob("*.md"))
    return [p.relative_to(ROOT) for p in files]


# Runs in a fresh process whose sys.path starts with the code to measure.
WORKER = r"""
import sys
from pathlib import Path
from drafting.errors import DraftingError
from drafting.readers import read_document
from drafting.writers.akn import write
out = Path(sys.argv[1])
for name in sys.argv[2:]:
    try:
        result = read_document(name)
        data = write(result.root) + b"\n<!-- diagnostics -->\n" + "\n".join(
            d.format(result.source) for d in result.diagnostics).encode("utf-8")
    except DraftingError as exc:
        data = f"error: {exc}".encode("utf-8")
    target = out / (name.replace("/", "__") + ".out")
    target.write_bytes(data)
"""


# Diffs each pair (OLD NEW in turn) as ``drafting diff OLD NEW -f FMT`` does once loaded.
PAIR_WORKER = r"""
import sys
from pathlib import Path
from drafting.commands.compare import compare_options, load, render_diff
from drafting.compare.align import align_items
out = Path(sys.argv[1])
names = sys.argv[2:]
for old_name, new_name in zip(names[::2], names[1::2]):
    old, new = load(old_name), load(new_name)
    alignment = align_items(old.items, new.items, compare_options([old, new], frozenset()))
    for fmt in ("docx", "json", "html"):
        data = render_diff(alignment, old, new, fmt)
        data = data if isinstance(data, bytes) else data.encode("utf-8")
        stem = Path(old_name).name + "--" + Path(new_name).name
        (out / (stem + "." + fmt)).write_bytes(data)
"""


def pair_inputs() -> list[tuple[Path, Path]]:
    """(OLD, NEW) Word files of every pair the redline benchmark times, made once by pandoc."""
    from tests.bench.bench_redline import KINDS, real_pairs, word_files

    pairs = real_pairs()
    where = BUILD / "pairs"
    listed = where / "pairs.txt"
    if not listed.exists():
        sources = sorted({p for _, old, new in pairs for p in (old, new)})
        docx = word_files(sources, where)
        lines = [f"{docx[(kind, old)]}\t{docx[(kind, new)]}" for _, old, new in pairs for kind in KINDS]
        listed.write_text("\n".join(lines), encoding="utf-8")
    return [tuple(map(Path, line.split("\t"))) for line in listed.read_text(encoding="utf-8").splitlines()]


def diff_all(code: Path | None, out: Path, pairs: list[tuple[Path, Path]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env_path = [str(code)] if code else []
    command = [sys.executable, "-c", "import sys; sys.path[:0] = %r; exec(%r)" % (env_path, PAIR_WORKER),
               str(out), *(str(p) for pair in pairs for p in pair)]
    subprocess.run(command, cwd=ROOT, check=True)


def pair_outputs(pairs: list[tuple[Path, Path]]) -> list[str]:
    return [f"{old.name}--{new.name}.{fmt}" for old, new in pairs for fmt in ("docx", "json", "html")]


def read_all(code: Path | None, out: Path, files: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env_path = [str(code)] if code else []
    command = [sys.executable, "-c", "import sys; sys.path[:0] = %r; exec(%r)" % (env_path, WORKER),
               str(out), *map(str, files)]
    subprocess.run(command, cwd=ROOT, check=True)


def unpack_drafting(ref: str, into: Path) -> Path:
    """The ``drafting`` package of commit ``ref`` and its templates, unpacked under ``into`` (the
    benchmarks that compare with a commit import it ahead of the working tree)."""
    archive = subprocess.run(["git", "archive", ref, "drafting", "templates"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def reference(ref: str, files: list[Path]) -> Path:
    sha = subprocess.run(["git", "rev-parse", ref], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    out = BUILD / sha
    code = BUILD / f"{sha}.src"
    if not (out / "done").exists():
        if not code.exists():
            unpack_drafting(sha, code)
        print(f"reading {len(files)} inputs with {ref} ({sha[:10]})", flush=True)
        read_all(code, out, files)
        (out / "done").write_text("\n".join(map(str, files)), encoding="utf-8")
    if not (out / "pairs-done").exists():
        if not code.exists():
            unpack_drafting(sha, code)
        pairs = pair_inputs()
        print(f"diffing {len(pairs)} pairs of Word files with {ref} ({sha[:10]})", flush=True)
        diff_all(code, out / "pairs", pairs)
        (out / "pairs-done").write_text("done", encoding="utf-8")
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "(missing)"


def main(argv: list[str]) -> int:
    ref = argv[0] if argv else subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT,
                                              capture_output=True, text=True, check=True).stdout.strip()
    files = inputs()
    expected = reference(ref, files)
    actual = BUILD / "work"
    print(f"reading {len(files)} inputs with the working tree", flush=True)
    read_all(None, actual, files)
    differ = [f for f in files if digest(expected / (str(f).replace("/", "__") + ".out"))
              != digest(actual / (str(f).replace("/", "__") + ".out"))]
    for f in differ:
        print(f"differs: {f}  (diff {expected}/{str(f).replace('/', '__')}.out {actual}/...)")
    print(f"{len(files) - len(differ)} of {len(files)} inputs give the same AKN and diagnostics")
    pairs = pair_inputs()
    print(f"diffing {len(pairs)} pairs of Word files with the working tree", flush=True)
    diff_all(None, actual / "pairs", pairs)
    outputs = pair_outputs(pairs)
    differ_pairs = [name for name in outputs
                    if digest(expected / "pairs" / name) != digest(actual / "pairs" / name)]
    for name in differ_pairs:
        print(f"differs: {name}  (cmp {expected}/pairs/{name} {actual}/pairs/{name})")
    print(f"{len(outputs) - len(differ_pairs)} of {len(outputs)} diffs of real pairs (DOCX, JSON, HTML) "
          "are the same bytes")
    return 1 if differ or differ_pairs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
