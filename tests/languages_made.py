"""UN documents in the six languages as a UN office prints them, made at test time.

Each source is an AKN tree: a draft made by ``drafting new`` from every worked example of
templates/examples/ in each language, and this toolkit's reading of the real documents in other
languages than English (corpus/real/languages/). Each is exported to DOCX by this toolkit,
printed to PDF by LibreOffice (``soffice --headless --convert-to pdf``, one call for every file
not yet made) and extracted by ``pdftotext`` and ``pdftotext -layout``, as users do.

The files are kept in build/languages/, named by the hash of the DOCX (delete the folder to
remake them): a change of the writer or of a source makes new ones, nothing else does.

``facts_of`` states the facts of a source tree in the words of the real-document fact files
(tests/fixtures/real/README.md), so that ``tests.real_facts.check_facts`` measures a reading of
any of its printed forms against the source.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from drafting.model.akn import doc_element, first, local, text_content, xp
from drafting.model.units import masthead

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "languages"
EXAMPLES = ROOT / "templates" / "examples"
REAL_LANGUAGES = ROOT / "corpus" / "real" / "languages"
LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")

# The printed forms of a PDF read back: the PDF itself, and what pdftotext extracts from it.
FORMS = {"pdf": ".pdf", "pdftotext": ".pdftotext.txt", "layout": ".layout.txt"}


@dataclass
class Made:
    name: str          # what the source is ("draft-resolution.zh", "S_2023_664__es")
    lang: str          # the language of its text
    root: object       # the source AKN tree
    stem: Path         # build/languages/<name>.<hash>: + .docx, .pdf, .pdftotext.txt, .layout.txt

    def path(self, form: str) -> Path:
        return self.stem.with_name(self.stem.name + FORMS[form])


def example_sources() -> list[tuple[str, str, object]]:
    """(name, lang, AKN root) of every worked example in every language."""
    from drafting.generate import generate

    out = []
    for session in sorted(EXAMPLES.glob("*.yaml")):
        for lang in LANGUAGES:
            out.append((f"{session.stem}.{lang}", lang, generate(session.stem, session, lang).root))
    return out


def real_sources() -> list[tuple[str, str, object]]:
    """(name, lang, AKN root) of the real documents in other languages, as this toolkit reads
    their PDFs (a document of several languages counts as its last: the language it adds)."""
    from drafting.readers import read_document

    out = []
    for pdf in sorted(REAL_LANGUAGES.glob("*.pdf")):
        lang = pdf.stem.rpartition("__")[2].split("-")[-1]
        out.append((pdf.stem, lang, read_document(pdf).root))
    return out


def make_all(sources: list[tuple[str, str, object]], folder: Path = BUILD) -> list[Made]:
    """Export every source to DOCX and print it to PDF with its two text extractions (only what
    is not in ``folder`` yet)."""
    from drafting.writers.docx import write

    folder.mkdir(parents=True, exist_ok=True)
    made, todo = [], []
    for name, lang, root in sources:
        data = write(root)
        stem = folder / f"{name}.{hashlib.sha1(data).hexdigest()[:10]}"
        item = Made(name, lang, root, stem)
        made.append(item)
        if not item.path("layout").exists():
            stem.with_name(stem.name + ".docx").write_bytes(data)
            todo.append(item)
    if todo:
        staging = folder / "printing"
        staging.mkdir(exist_ok=True)
        # one LibreOffice for every file: starting it costs more than printing a page
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{staging / 'profile'}",
                        "--convert-to", "pdf", "--outdir", str(staging),
                        *[str(m.stem.with_name(m.stem.name + ".docx")) for m in todo]],
                       check=True, capture_output=True, timeout=1200)
        for m in todo:
            shutil.move(staging / (m.stem.name + ".pdf"), m.path("pdf"))
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(m.path("pdf")), str(m.path("pdftotext"))],
                           check=True, timeout=120)
            subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(m.path("pdf")), str(m.path("layout"))],
                           check=True, timeout=120)
        shutil.rmtree(staging)
    return made


# -- the facts of a source tree, in the words of the fact files ---------------------------------

def facts_of(root) -> dict:
    """What a reading of a printed form of ``root`` must find again: its kind, symbol, title,
    formula, preamble, operative numbers, points, and every footnote with the paragraph holding
    it (``tests/real_facts.py`` names each)."""
    from tests import real_facts as rf

    doc = doc_element(root)
    head = masthead(root)
    kind = next((k for k, (element, name) in rf.KINDS.items() if element == local(doc)
                 and (name == doc.get("name") or isinstance(name, tuple) and doc.get("name") in name)), "other")
    facts: dict = {"kind": kind, "symbol": rf.norm(head["symbol"]), "title": rf.norm(head["title"])}
    formula = first(doc, "a:preamble/a:formula")
    if formula is not None:
        facts["formula"] = rf.norm(text_content(formula))
    preamble = rf._preamble_containers(doc)
    if preamble or formula is not None:
        facts["preambular"] = len(preamble)
    main = first(doc, "a:mainBody")
    paragraphs = rf._body_paragraphs(main) if main is not None else []
    facts["operative"] = [rf._label(rf._num(p)) for p in paragraphs if rf._num(p)]
    points: dict = {}
    for p in paragraphs:
        if rf._num(p):
            rf._points_of(p, rf._label(rf._num(p)), points)
    facts["points"] = points
    annexes = rf._annexes(doc)
    facts["footnotes"] = [
        {"marker": rf.norm(note.get("marker", "")), "host": rf._host(note, doc, preamble, annexes),
         "starts": rf.norm(" ".join(text_content(p) for p in xp(note, "a:p")))[:30]}
        for note in xp(doc, ".//a:authorialNote")]
    return facts


def measure(made: Made, form: str) -> tuple[list, float]:
    """The facts of ``made`` checked on a reading of its printed ``form``, and the word coverage
    of that reading."""
    from drafting.readers import read_document
    from tests import real_facts as rf

    path = made.path(form)
    result = read_document(path)
    checked = rf.check_facts(result, facts_of(made.root), form)
    text = path.read_text(encoding="utf-8") if form != "pdf" else made.path("pdftotext").read_text(encoding="utf-8")
    coverage, _lost = rf.word_coverage(text, result)
    return checked, coverage


def main(argv=None) -> int:
    """``python -m tests.languages_made [-v] [FILTER]``: the facts reached per document and form."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("filter", nargs="?", default="")
    args = parser.parse_args(argv)
    made = [m for m in make_all(example_sources() + devset_sources() + real_sources()) if args.filter in m.name]
    for m in made:
        for form in FORMS:
            checked, coverage = measure(m, form)
            ok = sum(f.ok for f in checked)
            print(f"{m.name:45} {form:10} {ok:3}/{len(checked):3}  w{coverage:7.2%}")
            if args.verbose:
                for f in checked:
                    if not f.ok:
                        print(f"    {f.name}: want {str(f.expected)[:100]!r}\n{'':8}got  {str(f.got)[:100]!r}")
    return 0



# -- a resolution of real paragraphs in six languages (the UN Parallel Corpus) --------------------

DEVSET = ROOT / "corpus" / "real" / "parallel" / "un-parallel-corpus-v1.0-devset"
DEVSET_FACTS = Path(__file__).resolve().parent / "fixtures" / "languages" / "devset_resolution.toml"
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def devset_facts() -> dict:
    import tomllib

    with open(DEVSET_FACTS, "rb") as fh:
        return tomllib.load(fh)


def devset_resolution(lang: str, markdown: bool = False) -> str:
    """The draft resolution of ``devset_resolution.toml`` in ``lang`` as a drafter types it:
    the title, the formula, the preambular paragraphs, the operative paragraphs numbered 1 to 6
    in the line's own form and digits; in Markdown the first preambular paragraph calls a
    footnote."""
    import re

    facts = devset_facts()
    lines = (DEVSET / f"{lang}.txt").read_text(encoding="utf-8").split("\n")
    out = [facts[lang]["title"], facts[lang]["formula"]]
    for k, no in enumerate(facts["preambular_lines"]):
        text = lines[no - 1].strip()
        if markdown and k == 0:
            text = text[:-1] + "[^1]" + text[-1]
        out.append(text)
    for k, no in enumerate(facts["operative_lines"], 1):
        m = re.match(r"(\d+|[٠-٩]+)(\.| -) (.*)", lines[no - 1].strip())
        number = str(k).translate(ARABIC_DIGITS) if m.group(1)[0] in "٠١٢٣٤٥٦٧٨٩" else str(k)
        out.append(f"{number}{m.group(2)} {m.group(3)}")
    if markdown:
        out.append(f"[^1]: {facts['note']}")
    return "\n\n".join(out) + "\n"


def devset_docx(folder: Path = BUILD / "devset") -> dict[tuple[str, str], Path]:
    """(way, lang) -> the Word file made of the devset resolution by pandoc (from its Markdown,
    the note a real footnote) and by LibreOffice (from its text, a Word paragraph a paragraph)."""
    folder.mkdir(parents=True, exist_ok=True)
    out, todo = {}, []
    for lang in LANGUAGES:
        for way in ("pandoc", "libreoffice"):
            text = devset_resolution(lang, markdown=way == "pandoc")
            key = hashlib.sha1(text.encode()).hexdigest()[:10]
            path = folder / f"devset.{lang}.{key}.{way}.docx"
            out[(way, lang)] = path
            if path.exists():
                continue
            if way == "pandoc":
                subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", str(path)],
                               input=text.encode("utf-8"), check=True, timeout=120)
            else:
                path.with_suffix(".txt").write_text(text, encoding="utf-8")
                todo.append(path)
    if todo:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder / 'profile'}",
                        "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML",
                        "--outdir", str(folder), *[str(p.with_suffix(".txt")) for p in todo]],
                       check=True, capture_output=True, timeout=1200)
        for p in todo:
            p.with_suffix(".txt").unlink()
    return out


def devset_sources() -> list[tuple[str, str, object]]:
    """(name, lang, AKN root) of the devset resolution in every language, as this toolkit reads
    pandoc's Word file of it (its facts checked against the official lines by
    tests/test_languages_word.py)."""
    from drafting.readers.docx import read as read_docx

    made = devset_docx()
    return [(f"devset-resolution.{lang}", lang, read_docx(made[("pandoc", lang)].read_bytes(),
                                                           made[("pandoc", lang)].name).root)
            for lang in LANGUAGES]


if __name__ == "__main__":
    raise SystemExit(main())
