"""Hostile inputs for the fuzzing campaign and the property tests, by family.

Every generator is a pure function of a ``random.Random``: the same seed gives the same inputs,
so a failure found by the campaign is reproduced by its seed alone. A case is one or more files
(name -> bytes) plus the commands to run on them (argument lists, ``{name}`` standing for the
file's path); a few cases also need the file system itself (a FIFO, a symlink, a read-only
folder), which the campaign sets up from ``Case.setup``.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "templates" / "examples"


@dataclass
class Case:
    family: str
    files: dict[str, bytes]
    commands: list[list[str]]
    setup: list[tuple] = field(default_factory=list)   # ("fifo", name) ("symlink", name, target) ...


def _read(path: Path) -> bytes:
    return path.read_bytes()


def seeds() -> dict[str, list[tuple[str, bytes]]]:
    """Small real inputs of every format, the material truncated, flipped and spliced."""
    text = [(p.name, _read(p)) for p in sorted(CORPUS.glob("*.txt"))][:3]
    text += [(p.name, _read(p)) for p in sorted((FIXTURES / "check").glob("text.*.txt"))]
    md = [(p.name, _read(p)) for p in sorted((FIXTURES / "check").glob("*.md"))]
    md += [(p.name, _read(p)) for p in sorted((FIXTURES / "generate" / "expected").glob("*.en.md"))][:3]
    akn = [(p.name, _read(p)) for p in sorted(CORPUS.glob("00[024]*.xml"))]
    akn += [(p.name, _read(p)) for p in sorted((FIXTURES / "check").glob("*.good.xml"))]
    docx = [(p.name, _read(p)) for p in sorted((FIXTURES / "docx").glob("*.docx")) if not p.name.startswith("bad_")]
    yaml = [(p.name, _read(p)) for p in sorted(EXAMPLES.glob("*.yaml"))]
    pdf = [(p.name, _read(p)) for p in sorted((CORPUS / "real").rglob("*.pdf"), key=lambda p: p.stat().st_size)[:2]]
    return {"txt": text, "md": md, "xml": akn, "docx": docx, "yaml": yaml, "pdf": pdf}


SUFFIX_OF = {"txt": ".txt", "md": ".md", "xml": ".xml", "docx": ".docx", "yaml": ".yaml", "pdf": ".pdf"}
KINDS = ["draft-report", "draft-report-addendum", "draft-resolution", "note", "corrigendum"]
LANGS = ["en", "fr", "es", "ar", "zh", "ru"]


def reader_commands(name: str, rng: random.Random, other: str | None = None) -> list[list[str]]:
    """Every command that reads a document, on the file ``name`` (``other``: a sound second one)."""
    out = rng.choice(["out.xml", "out.md", "out.html", "out.docx"])
    cmds = [
        ["ingest", name, "-o", "ingested.xml"],
        ["show", name],
        ["export", name, "-o", out],
        ["check", name],
    ]
    # one of the commands that write beside the input or keep an index, in turn
    cmds.append(rng.choice([
        ["check", name, "--fix"],
        ["check", name, "-f", rng.choice(["json", "sarif", "github"]), "-o", "report.out"],
        ["corpus", "index", name, *([other] if other else []), "--db", "c.sqlite", "-q"],
    ]))
    if name.endswith(".xml"):
        cmds.append(["validate", name])
    if other:
        cmds += [["diff", other, name], ["diff", name, other, "-f", rng.choice(["json", "html", "docx"]), "-o",
                                           "diff.out"],
                 ["history", other, name], ["align", name, other]]
    return cmds


def session_commands(name: str, rng: random.Random, template: str | None = None) -> list[list[str]]:
    cmd = ["new", rng.choice(KINDS), "--session", name, "--lang", rng.choice(LANGS),
           "-o", "draft" + rng.choice([".xml", ".md", ".docx"])]
    if template:
        cmd += ["--template", template]
    return [cmd]


# --- byte-level damage ------------------------------------------------------------------------

def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def bit_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 5, 20])):
        if out:
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def splice(a: bytes, b: bytes, rng: random.Random) -> bytes:
    return a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1):]


def random_bytes(rng: random.Random) -> bytes:
    n = rng.choice([0, 1, 7, 100, 1000, 5000])
    if rng.random() < 0.5:  # mostly printable, so that it passes the binary sniffing
        alphabet = b"abc ABC 123 .,;:()[]*^#>-_\n\t/\\\"'`|~" + "é€ا中".encode()
        return bytes(rng.choice(alphabet) for _ in range(n))
    return rng.randbytes(n)


# --- text the XML model cannot hold -------------------------------------------------------------

BAD_CHARACTERS = [b"\x00", b"\x01", b"\x08", b"\x0b", b"\x0c", b"\x1b", b"\x1f", b"\x7f",
                  "\ufffe".encode(), "\uffff".encode(), "\U0001fffe".encode(),
                  b"\xed\xa0\x80",            # a lone surrogate, as bytes
                  b"\xff", b"\xc3", b"\x80",  # invalid UTF-8
                  ]


def sprinkle(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 3, 10])):
        i = rng.randrange(len(out) + 1)
        out[i:i] = rng.choice(BAD_CHARACTERS)
    return bytes(out)


# --- pathological text ----------------------------------------------------------------------

RUNS = [" ", "1", ".", ",", "*", "^", "(", ")", "\t", "\u00a0", "\u00b9", "a)", "1.", "(a) ", "[^1]",
        "> ", "- ", "#", "_", "`", "|", "I.", "A/", "A(", "/", "-", "\n", "\n\n1. x", "*a*"]


def pathological(rng: random.Random) -> bytes:
    unit = rng.choice(RUNS)
    n = rng.choice([28, 100, 1000, 10_000])
    body = unit * (n // max(1, len(unit)) or 1)
    prefix = rng.choice(["", "1. ", "Paragraph ", "A/72/L.1\n\n", "(a) "])
    return (prefix + body + rng.choice(["", "\n", " end."])).encode()


def big_structures(rng: random.Random) -> tuple[str, bytes]:
    """Many paragraphs, points or footnotes: the shape of quadratic work."""
    n = rng.choice([2_000, 10_000])  # the longest real documents hold about 2,000 units
    kind = rng.choice(["paras", "points", "notes", "same-number", "md-points", "md-notes"])
    if kind == "paras":
        return ".txt", "".join(f"{i}. Text of paragraph {i}.\n\n" for i in range(1, n + 1)).encode()
    if kind == "same-number":
        return ".txt", "".join("1. Text.\n\n" for _ in range(n)).encode()
    if kind == "points":
        return ".txt", ("1. Decides:\n\n" + "".join(f"(a) point {i};\n\n" for i in range(n))).encode()
    if kind == "notes":
        return ".txt", ("1. Text" + "".join(f"{i} " for i in range(1, n)) + "\n\n"
                        + "".join(f"{i} Footnote {i}.\n" for i in range(1, n))).encode()
    if kind == "md-points":
        return ".md", ("1. Decides:\n\n" + "".join(f"    (a) point {i};\n\n" for i in range(n))).encode()
    return ".md", ("1. Text" + "".join(f"[^{i}]" for i in range(n)) + "\n\n"
                   + "".join(f"[^{i}]: Note {i}.\n" for i in range(n))).encode()


def deep_markdown(rng: random.Random) -> bytes:
    depth = rng.choice([100, 1000, 5000])
    kind = rng.choice(["quote", "list", "emphasis", "link", "ordered"])
    if kind == "quote":
        return (">" * depth + " text\n").encode()
    if kind == "list":
        return "".join("  " * i + "- item\n" for i in range(depth)).encode()
    if kind == "ordered":
        return "".join("   " * i + "1. item\n" for i in range(depth)).encode()
    if kind == "emphasis":
        return ("*_" * depth + "x" + "_*" * depth + "\n").encode()
    return ("[" * depth + "x" + "](u)" * depth + "\n").encode()


# --- XML ----------------------------------------------------------------------------------

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def xml_attack(rng: random.Random) -> bytes:
    kind = rng.choice(["laughs", "xxe", "dtd", "deep", "empty-root", "foreign", "wrong-root", "pi",
                       "huge-attr", "no-doc", "many-eids", "bad-ns"])
    if kind == "laughs":
        ents = "".join(f'<!ENTITY l{i} "&l{i-1};&l{i-1};&l{i-1};&l{i-1};">' for i in range(1, 10))
        return f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l0 "lol">{ents}]><akomaNtoso xmlns="{AKN}">&l9;</akomaNtoso>'.encode()
    if kind == "xxe":
        return f'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><akomaNtoso xmlns="{AKN}">&x;</akomaNtoso>'.encode()
    if kind == "dtd":
        return f'<!DOCTYPE akomaNtoso SYSTEM "http://example.org/x.dtd"><akomaNtoso xmlns="{AKN}"/>'.encode()
    if kind == "deep":
        d = rng.choice([300, 3000, 30000])
        return (f'<akomaNtoso xmlns="{AKN}"><doc name="x"><mainBody>' + "<hcontainer name='x'>" * d
                + "</hcontainer>" * d + "</mainBody></doc></akomaNtoso>").encode()
    if kind == "empty-root":
        return f'<akomaNtoso xmlns="{AKN}"/>'.encode()
    if kind == "foreign":
        return (f'<akomaNtoso xmlns="{AKN}"><act><meta/><body><section eId="s1"><p>x</p>'
                f'</section><unknown/></body></act></akomaNtoso>').encode()
    if kind == "wrong-root":
        return b'<html><body><p>x</p></body></html>'
    if kind == "pi":
        return f'<?xml-stylesheet href="x"?><!-- c --><akomaNtoso xmlns="{AKN}"><![CDATA[x]]></akomaNtoso>'.encode()
    if kind == "huge-attr":
        return f'<akomaNtoso xmlns="{AKN}" x="{"a" * 2_000_000}"/>'.encode()
    if kind == "no-doc":
        return f'<akomaNtoso xmlns="{AKN}"><components/></akomaNtoso>'.encode()
    if kind == "many-eids":
        n = 20_000
        paras = "".join(f'<paragraph eId="para_{i}"><num>{i}.</num><content><p>t</p></content></paragraph>'
                        for i in range(n))
        return (f'<akomaNtoso xmlns="{AKN}"><doc name="report"><meta/><mainBody>{paras}</mainBody></doc>'
                f'</akomaNtoso>').encode()
    return b'<akomaNtoso xmlns="urn:other"><doc/></akomaNtoso>'


# --- DOCX and zip tricks --------------------------------------------------------------------

def _zip(entries: list[tuple[str, bytes]], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


def zip_trick(docx: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["drop-part", "drop-footnotes", "bad-method", "encrypted", "bomb", "traversal",
                       "many-entries", "nested", "dup-names", "truncated-cd", "empty", "bad-xml-part",
                       "huge-part-name"])
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        entries = [(i.filename, z.read(i)) for i in z.infolist()]
    if kind == "drop-part":
        drop = rng.choice(entries)[0]
        return _zip([e for e in entries if e[0] != drop])
    if kind == "drop-footnotes":
        return _zip([e for e in entries if "footnotes" not in e[0]])
    if kind in ("bad-method", "encrypted"):
        data = bytearray(_zip(entries, zipfile.ZIP_STORED))
        # patch every local and central header: compression method 99 or the encryption flag
        for sig, flag_at, method_at in ((b"PK\x03\x04", 6, 8), (b"PK\x01\x02", 8, 10)):
            start = 0
            while (i := data.find(sig, start)) >= 0:
                if kind == "bad-method":
                    data[i + method_at:i + method_at + 2] = (99).to_bytes(2, "little")
                else:
                    data[i + flag_at] |= 1
                start = i + 4
        return bytes(data)
    if kind == "bomb":
        return _zip(entries + [("word/media/bomb.bin", b"\0" * 50_000_000)])
    if kind == "traversal":
        return _zip(entries + [("../../evil.txt", b"x"), ("/abs.txt", b"x")])
    if kind == "many-entries":
        return _zip(entries + [(f"x/{i}", b"") for i in range(20_000)], zipfile.ZIP_STORED)
    if kind == "nested":
        return _zip([("word/document.xml", docx)])
    if kind == "dup-names":
        return _zip(entries + [e for e in entries if e[0] == "word/document.xml"])
    if kind == "truncated-cd":
        return docx[:-rng.randrange(1, 60)]
    if kind == "empty":
        return _zip([])
    if kind == "bad-xml-part":
        return _zip([(n, (d[: len(d) // 2] if n == "word/document.xml" else d)) for n, d in entries])
    return _zip(entries + [("a" * 60_000, b"x")])


def docx_with_text(docx: bytes, text: str) -> bytes:
    """A DOCX whose first text run says ``text`` (hostile characters inside Word's own XML)."""
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        entries = [(i.filename, z.read(i)) for i in z.infolist()]
    out = []
    for name, data in entries:
        if name == "word/document.xml":
            data = data.replace(b"<w:t>", b"<w:t>" + escape(text).encode("utf-8", "surrogatepass"), 1)
        out.append((name, data))
    return _zip(out)


# --- YAML and templates -----------------------------------------------------------------------

def yaml_attack(session: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["digits", "bad-date", "symbol-newline", "flow-deep", "laughs", "python-tag",
                       "nul-escape", "control", "huge-string", "body-deep", "session-big", "dup-key",
                       "not-mapping", "date-types", "list-for-string", "anchor-loop"])
    text = session.decode("utf-8")
    if kind == "digits":
        return text.replace("session: ", "session: " + "9" * 5000 + "\n_: ", 1).encode()
    if kind == "bad-date":
        return ("date: 2011-02-30\n" + text).encode()
    if kind == "symbol-newline":
        return ('symbol: "A/72/L.1\\nA/72/L.2"\n' + text).encode()
    if kind == "flow-deep":
        d = rng.choice([100, 1000, 10_000])
        return ("title: " + "[" * d + "]" * d + "\n" + text).encode()
    if kind == "laughs":
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, 9)]
        return ("\n".join(lines) + "\ntitle: *a8\n" + text).encode()
    if kind == "python-tag":
        return ("title: !!python/object/apply:os.system ['echo pwned']\n" + text).encode()
    if kind == "nul-escape":
        return ('title: "a\\0b\\x01c\\uFFFE"\n' + text).encode()
    if kind == "control":
        return sprinkle(session, rng)
    if kind == "huge-string":
        return ("title: " + "x" * 3_000_000 + "\n" + text).encode()
    if kind == "body-deep":
        return text.replace("body_markdown:", "body_markdown: |\n  " + ">" * 3000 + " x\n_old:", 1).encode()
    if kind == "session-big":
        return ("session: 1e400\n" + text).encode()
    if kind == "dup-key":
        return (text + "\nsymbol: X/1\n").encode()
    if kind == "not-mapping":
        return rng.choice([b"- a\n- b\n", b"just text\n", b"42\n", b"~\n", b"---\n---\n"])
    if kind == "date-types":
        return ("date: 99999-01-01\n" + text).encode()
    if kind == "list-for-string":
        return ("title: [1, 2]\norgan: {a: b}\n" + text).encode()
    return ("x: &x [*x]\n" + text).encode()


TEMPLATE_ATTACKS = [
    "{% for i in range(100000000) %}x{% endfor %}",
    "{{ 'x' * 1000000000 }}",
    "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% include 'self.md.j2' %}",
    "{{ 9 ** 9 ** 9 }}",
    "{{ range(10**9) | list | length }}",
    "{% set x = [] %}{% for i in range(10**8) %}{% set _ = x.append(i) %}{% endfor %}",
    "{{ lipsum(100000) }}",
    "{% extends 'self.md.j2' %}",
    "{{ '%s' % ('x' * 10**8) }}",
    "\x00{{ symbol }}\x01",
    "{{ symbol",
    "{{ (' ' * 100000) }}1. x",
]


def template_attack(rng: random.Random) -> bytes:
    return ("---\nkind: note\n---\n" + rng.choice(TEMPLATE_ATTACKS) + "\n").encode()


# --- the campaign's cases -------------------------------------------------------------------

def cases(rng: random.Random, material: dict | None = None):
    """An endless stream of hostile cases, every family in turn."""
    material = material or seeds()
    families = [
        _random_bytes, _truncated, _bit_flipped, _spliced, _sprinkled, _pathological, _big,
        _deep_md, _xml, _zip_tricks, _docx_text, _yaml, _template, _paths,
    ]
    while True:
        for family in families:
            yield family(rng, material)


def _pick(material, rng, kinds=("txt", "md", "xml", "docx")):
    kind = rng.choice(kinds)
    name, data = rng.choice(material[kind])
    return kind, name, data


def _sound(material, rng) -> tuple[str, bytes]:
    name, data = material["txt"][0]
    return "sound.txt", data


def _doc_case(family: str, suffix: str, data: bytes, rng, material) -> Case:
    name = "in" + suffix
    other, other_data = _sound(material, rng)
    return Case(family, {name: data, other: other_data}, reader_commands(name, rng, other))


def _random_bytes(rng, material):
    return _doc_case("random bytes", rng.choice([".txt", ".md", ".xml", ".docx", ".pdf"]), random_bytes(rng), rng,
                     material)


def _truncated(rng, material):
    kind, _, data = _pick(material, rng, ("txt", "md", "xml", "docx", "pdf"))
    return _doc_case(f"truncated {kind}", SUFFIX_OF[kind], truncate(data, rng), rng, material)


def _bit_flipped(rng, material):
    kind, _, data = _pick(material, rng, ("txt", "md", "xml", "docx", "pdf"))
    return _doc_case(f"bit-flipped {kind}", SUFFIX_OF[kind], bit_flip(data, rng), rng, material)


def _spliced(rng, material):
    kind, _, a = _pick(material, rng)
    _, b = rng.choice(material[rng.choice(["txt", "md", "xml"])])
    return _doc_case(f"spliced {kind}", SUFFIX_OF[kind], splice(a, b, rng), rng, material)


def _sprinkled(rng, material):
    kind, _, data = _pick(material, rng, ("txt", "md"))
    return _doc_case(f"controls/invalid bytes in {kind}", SUFFIX_OF[kind], sprinkle(data, rng), rng, material)


def _pathological(rng, material):
    return _doc_case("pathological text", rng.choice([".txt", ".md"]), pathological(rng), rng, material)


def _big(rng, material):
    suffix, data = big_structures(rng)
    name = "in" + suffix
    return Case("big structures", {name: data}, [["ingest", name, "-o", "out.xml"],
                                                  ["export", name, "-o", "out.md"]])


def _deep_md(rng, material):
    return _doc_case("deep Markdown", ".md", deep_markdown(rng), rng, material)


def _xml(rng, material):
    return _doc_case("XML attacks", ".xml", xml_attack(rng), rng, material)


def _zip_tricks(rng, material):
    _, docx = rng.choice(material["docx"])
    return _doc_case("zip tricks", ".docx", zip_trick(docx, rng), rng, material)


def _docx_text(rng, material):
    _, docx = rng.choice(material["docx"])
    text = rng.choice(["\x00", "\x01x", "\ufffe", "\U0010ffff", "a" * 100_000, "(" * 10_000, "1." * 5000])
    try:
        data = docx_with_text(docx, text)
    except ValueError:
        data = docx
    return _doc_case("DOCX text", ".docx", data, rng, material)


def _yaml(rng, material):
    _, session = rng.choice(material["yaml"])
    return Case("YAML attacks", {"s.yaml": yaml_attack(session, rng)}, session_commands("s.yaml", rng))


def _template(rng, material):
    _, session = rng.choice(material["yaml"])
    return Case("template attacks", {"s.yaml": session, "t.md.j2": template_attack(rng)},
                session_commands("s.yaml", rng, "t.md.j2"))


PATH_TRICKS = ["empty-output", "under-file", "long-name", "out-is-input-link", "same-stem", "fifo",
               "dev-zero", "folder-input", "symlink-out", "missing", "readonly-dir", "dev-null-out",
               "signal", "dash-input", "hardlink-out", "kill-9"]


def _paths(rng, material):
    _, data = material["txt"][-1]
    kind = rng.choice(PATH_TRICKS)
    files = {"in.txt": data}
    cmd = ["ingest", "in.txt", "-o", "out.xml"]
    setup: list[tuple] = []
    if kind == "empty-output":
        cmd = rng.choice([["ingest", "in.txt", "-o", ""], ["export", "in.txt", "-o", ""],
                          ["diff", "in.txt", "in.txt", "-o", ""]])
    elif kind == "under-file":
        cmd = ["export", "in.txt", "-o", "in.txt/out.md"]
    elif kind == "long-name":
        cmd = ["ingest", "in.txt", "-o", "x" * 300 + ".xml"]
    elif kind == "out-is-input-link":
        setup = [("symlink", "link.xml", "in.txt")]
        cmd = ["ingest", "in.txt", "-o", "link.xml"]
    elif kind == "same-stem":
        files = {"a/x.txt": data, "b/x.txt": data}
        cmd = ["ingest", "a/x.txt", "b/x.txt", "--out-dir", "o"]
    elif kind == "fifo":
        setup = [("fifo", "pipe.txt")]
        cmd = ["ingest", "pipe.txt", "-o", "out.xml"]
    elif kind == "dev-zero":
        cmd = ["ingest", rng.choice(["/dev/zero", "/dev/urandom"]), "--format-in", "text", "-o", "out.xml"]
    elif kind == "folder-input":
        files = {"d/in.txt": data}
        cmd = rng.choice([["ingest", "d", "-o", "out.xml"], ["diff", "d", "d"], ["show", "d"]])
    elif kind == "symlink-out":
        setup = [("symlink", "out.xml", "/tmp/drafting-fuzz-outside.xml")]
    elif kind == "missing":
        cmd = ["show", "nothing.txt"]
    elif kind == "readonly-dir":
        setup = [("readonly", "ro")]
        cmd = ["ingest", "in.txt", "-o", "ro/out.xml"]
    elif kind == "dev-null-out":
        cmd = ["ingest", "in.txt", "-o", "/dev/null"]
    elif kind == "signal":
        setup = [("signal",)]
        cmd = ["export", "in.txt", "-o", rng.choice(["out.docx", "out.md", "out.html"])]
    elif kind == "kill-9":
        setup = [("signal", "KILL")]
        cmd = ["export", "in.txt", "-o", rng.choice(["out.docx", "out.md", "out.html", "out.xml"])]
    elif kind == "dash-input":
        cmd = ["ingest", "-", "--format-in", "text"]
    elif kind == "hardlink-out":
        setup = [("hardlink", "hl.txt", "in.txt")]
        cmd = ["export", "in.txt", "--to", "md", "-o", "hl.txt"]
    return Case(f"path tricks: {kind}", files, [cmd], setup)
