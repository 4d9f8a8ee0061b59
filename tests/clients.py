"""The real clients of the writers' files (pandoc, chromium), run as a user would and kept.

A client's output is kept under ``build/clients/`` named by the digest of its input and the
command, so that a run of the suite converts only what changed; the runs that are left go two at
a time (the machine's cores), each a process of its own as a user starts it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
KEPT = ROOT / "build" / "clients"

# pandoc's Markdown sets typography (its "smart" extension, on by default): straight quotes turn
# curly, "..." an ellipsis, "--" a dash; a text is compared in these folded forms (a soft hyphen
# is no letter: pandoc writes it as Word's own, which holds no text; nor are the direction marks
# pdftotext puts around a line that runs right to left)
FOLDS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                       "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00ad": None,
                       **{chr(c): None for c in (*range(0x202A, 0x202F), 0x200E, 0x200F, *range(0x2066, 0x206A))}})

QUOTE_SPACE = re.compile(r" ?(['\"]) ?")
DOT_LEADER = re.compile(r"\.(?: ?\.)+")


def fold(text: str) -> str:
    """A text as compared across clients: typography folded, one space between words."""
    text = unicodedata.normalize("NFC", text).translate(FOLDS)
    # (and pairs the quotes, closing up a space the text had inside one: 'Life ".' -> 'Life".')
    text = QUOTE_SPACE.sub(r"\1", re.sub(r"\s+", " ", text))
    # (a contents line's dot leaders: as many dots as fit the printed line)
    return DOT_LEADER.sub("...", text).strip()


def kept_runs(jobs: list[tuple], input_suffix: str = ".src") -> list[Path]:
    """Run each job (input bytes, command, output suffix) once: ``{input}`` and ``{output}`` in
    the command's arguments are the input file (named with ``input_suffix``: a browser knows a
    page by it) and the output file; ``{input}.profile`` is a folder of the run's own (a browser's
    profile, so that two run at once), removed after it. The outputs, in the jobs' order."""
    KEPT.mkdir(parents=True, exist_ok=True)
    outputs, todo = [], []
    for data, command, suffix in jobs:
        key = hashlib.sha1(data + "\0".join(command + [suffix, input_suffix]).encode()).hexdigest()[:16]
        source, output = KEPT / f"{key}{input_suffix}", KEPT / f"{key}{suffix}"
        outputs.append(output)
        if not output.exists():
            todo.append((data, command, source, output))

    def run(job) -> None:
        data, command, source, output = job
        source.write_bytes(data)
        partial = output.with_name(output.stem + ".part" + output.suffix)
        argv = [a.replace("{input}", str(source)).replace("{output}", str(partial)) for a in command]
        subprocess.run(argv, check=True, capture_output=True, timeout=600)
        partial.replace(output)       # a run cut short leaves no output behind to be trusted
        source.unlink()
        shutil.rmtree(source.with_name(source.name + ".profile"), ignore_errors=True)  # a browser's

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(run, todo))
    return outputs


def _drop_keeping_tail(el) -> None:
    """Take an element out of its tree, the text after it kept where it stood."""
    parent, previous, tail = el.getparent(), el.getprevious(), el.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


# -- the text each kind of file shows, body and notes apart ----------------------------------------

def html_text(path: Path) -> tuple[str, str, etree._Element]:
    """(body text, notes text, tree) of an HTML page of pandoc's: its notes are its ``footnotes``
    section, its calls links of class ``footnote-ref``."""
    tree = html.fromstring(path.read_bytes())
    notes = tree.xpath("//*[contains(concat(' ', @class, ' '), ' footnotes ')]")
    note_text = " ".join(_blocks_text(n, HTML_BLOCKS) for n in notes)
    calls = tree.xpath("//*[contains(concat(' ', @class, ' '), ' footnote-ref ')]")
    for n in notes + calls:     # (a call's number is no word of its paragraph)
        _drop_keeping_tail(n)
    body = tree.xpath("//body")
    return fold(_blocks_text(body[0], HTML_BLOCKS) if body else ""), fold(note_text), tree


HTML_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div", "section", "header",
               "blockquote", "br", "tr", "table", "ol", "ul", "dd", "dt"}


def _blocks_text(root, blocks) -> str:
    """The text of a tree, its runs joined as they stand and its blocks apart."""
    parts = []

    def walk(el) -> None:
        name = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if name in blocks:
            parts.append("\n")
        parts.append(el.text or "" if isinstance(el.tag, str) else "")
        for child in el:
            walk(child)
        if name in blocks:
            parts.append("\n")
        parts.append(el.tail or "")

    walk(root)
    return "".join(parts)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> tuple[str, str]:
    """(body text, notes text) of a Word file: its paragraphs' ``w:t``, then its footnotes'."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml")) if "word/footnotes.xml" in z.namelist() else None

    def text(root) -> str:
        return " ".join("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p"))

    return fold(text(body)), fold(text(notes) if notes is not None else "")


TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt_text(path: Path) -> tuple[str, str]:
    """(body text, notes text) of an OpenDocument text: its notes are inside the paragraphs."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("content.xml"))
    notes = root.findall(f".//{{{TEXT_NS}}}note")
    for space in root.iter(f"{{{TEXT_NS}}}s", f"{{{TEXT_NS}}}tab", f"{{{TEXT_NS}}}line-break"):
        space.text = " " * int(space.get(f"{{{TEXT_NS}}}c", "1"))
    note_text = " ".join(_blocks_text(b, ODT_BLOCKS) for n in notes for b in n.iter(f"{{{TEXT_NS}}}note-body"))
    for n in notes:
        _drop_keeping_tail(n)
    body = root.find(f".//{{{'urn:oasis:names:tc:opendocument:xmlns:office:1.0'}}}body")
    return fold(_blocks_text(body, ODT_BLOCKS)), fold(note_text)


ODT_BLOCKS = {"p", "h", "list-item", "table-cell", "note-body"}


def missing_in_order(texts: list[str], shown: str) -> list[str]:
    """The texts (folded) not found in ``shown`` one after the other, in order."""
    missing, at = [], 0
    for text in texts:
        want = fold(text)
        if not want:
            continue
        found = shown.find(want, at)
        if found < 0:
            missing.append(text)
        else:
            at = found + len(want)
    return missing


# a footnote's call printed after a word, before its punctuation: "2024" printed "20242",
# "enfants," printed "enfants1,"
CALL = r"(?:\d{1,3}|\*{1,3}|[a-z])"
WORD_END = re.compile(r"([,.;:)\]]*)$")


def _same_word(word: str, printed: str) -> bool:
    if word == printed:
        return True
    core = WORD_END.split(word, maxsplit=1)[0]
    tail = word[len(core):]
    if printed.startswith(word) and re.fullmatch(CALL, printed[len(word):]):
        return True        # "Children,1": the call after the punctuation
    return (printed.startswith(core) and printed.endswith(tail) and len(printed) > len(word)
            and re.fullmatch(CALL, printed[len(core): len(printed) - len(tail)]) is not None)


def _unhyphenated(text: str) -> list[str]:
    """The words without their hyphens: a print's text joins a word broken at a line's end
    ("sixty-" / "ninth" -> "sixtyninth")."""
    return [w for w in text.replace("-", "").split() if w]


def missing_words_in_order(texts: list[str], shown: str) -> list[str]:
    """The texts not found one after the other in ``shown``, word by word, a printed word
    allowed its footnote call (the printed page's calls are raised text beside the word)."""
    words, missing, at = _unhyphenated(shown), [], 0
    for text in texts:
        want = _unhyphenated(fold(text))
        if not want:
            continue
        start = at
        found = -1
        while start + len(want) <= len(words):
            if _same_word(want[0], words[start]) and all(
                    _same_word(w, p) for w, p in zip(want[1:], words[start + 1:start + len(want)])):
                found = start
                break
            start += 1
        if found < 0:
            missing.append(text)
        else:
            at = found + len(want)
    return missing


def letters_only(text: str) -> list[str]:
    """A text's words by their letters alone: a print's text may glue a footnote's call to a word
    ("Children,1"), join a word broken at a line's end, or place a hanging number apart."""
    words = ("".join(c for c in w if c.isalpha()) for w in fold(text).replace("-", "").split())
    return [w for w in words if w]


def words_not_printed(texts: list[str], printed: str) -> Counter:
    """The words of the texts that the print holds fewer times than the texts do."""
    want = Counter(w for t in texts for w in letters_only(t))
    have = Counter(letters_only(printed))
    return Counter({w: n - have[w] for w, n in want.items() if have[w] < n})


def letters(text: str) -> str:
    """A text's letters alone, one after the other."""
    return "".join(c for c in fold(text) if c.isalpha())
