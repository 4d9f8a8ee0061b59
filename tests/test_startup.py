"""What a command pays before its work: patterns compiled when first used, the locale's parsed
data kept between runs (used only while its TOML file is unchanged), command families imported
only when named."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import drafting.locale as locale
from drafting.regex import LazyPattern, lazy_compile

ROOT = Path(__file__).resolve().parent.parent


def _passes_in_a_fresh_process(code: str) -> None:
    """Run ``code`` in a new interpreter (nothing imported or compiled yet) and assert it passed."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr


# --- patterns compiled on first use ----------------------------------------------------------


def test_a_lazy_pattern_answers_as_the_compiled_pattern():
    source, flags = r"(?P<num>\d+)\.\s+(?P<rest>\S.*)", re.IGNORECASE
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    text = "12. Requests the Secretary-General; 13. Decides"
    assert lazy.match(text).groupdict() == compiled.match(text).groupdict()
    assert lazy.search("x 4. y").span() == compiled.search("x 4. y").span()
    assert lazy.sub(r"<\g<num>>", text) == compiled.sub(r"<\g<num>>", text)
    assert lazy.findall(text) == compiled.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == \
        (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
    assert lazy.compiled is compiled  # re's own cache: the same object


def test_a_lazy_pattern_is_built_once_and_only_when_used():
    built = []

    def build():
        built.append(1)
        return re.compile("a+")

    lazy = LazyPattern(build)
    assert built == []
    assert lazy.fullmatch("aaa") and not lazy.fullmatch("ab") and lazy.sub("-", "baab") == "b-b"
    assert built == [1]
    # the second use goes straight to the compiled pattern's method
    assert lazy.match.__self__ is lazy.compiled


def test_importing_the_readers_compiles_the_patterns_they_rarely_need_only_when_used():
    code = ("import re\nfrom drafting.readers import text_masthead\n"
            "from drafting.regex import LazyPattern\n"
            "p = text_masthead.PLACE_DATES\n"
            "assert isinstance(p, LazyPattern) and 'compiled' not in vars(p)\n"
            "assert p.match('Geneva, 12 October 2011')\n"
            "assert 'compiled' in vars(p)\n")
    _passes_in_a_fresh_process(code)


def test_comparing_texts_without_cjk_characters_never_compiles_the_large_cjk_classes():
    code = ("from drafting.compare import items\n"
            "assert items.tokens_of('Decides to remain seized,') == "
            "['Decides', ' ', 'to', ' ', 'remain', ' ', 'seized', ',']\n"
            "assert items.words_of('Urges States\U00100001 to act') >= {'urges', 'states', 'to', 'act'}\n"
            "assert not {items._TOKEN_PATTERN, items._WORD_PATTERN} & set(items._compiled)\n"
            "assert items.tokens_of('大会决定 A/80') == ['大', '会', '决', '定', ' ', 'A', '/', '80']\n"
            "assert items.words_of('大会决定') == {'大', '会', '决', '定', '大 会', '会 决', '决 定'}\n"
            "assert {items._TOKEN_PATTERN, items._WORD_PATTERN} <= set(items._compiled)\n")
    _passes_in_a_fresh_process(code)


def test_the_word_writer_does_not_load_the_html_entity_tables():
    code = "import sys, drafting.writers.docx, drafting.compare.redline_docx\nassert 'html' not in sys.modules\n"
    _passes_in_a_fresh_process(code)


def test_reading_a_word_file_loads_no_yaml_and_measures_width_without_a_class_of_the_cjk_blocks():
    """A line's printed width counts its wide characters through a pattern over UTF-8 bytes: a
    class of characters over the CJK blocks costs re a bitmap of 53,000 code points to compile
    (a tenth of a Word redline command)."""
    code = ("import re, sys\nfrom drafting.readers.docx import read\n"
            "from drafting.readers.passes import text\n"
            "from drafting.writers.docx import write\nfrom drafting.readers import read_document\n"
            "root = read_document('corpus/real/pairs/P05_C1_lethal_autonomous_weapons/A_RES_80_57.pdftotext.txt').root\n"
            "read(write(root), 'x.docx')\n"
            "assert 'yaml' not in sys.modules\n"
            "assert isinstance(text.WIDE_UTF8.pattern, bytes)\n"
            "assert text.printed_width('“a” – b') == 7 and text.printed_width('大会 a') == 6\n")
    _passes_in_a_fresh_process(code)


def test_printed_width_counts_every_wide_code_point_once():
    """Every code point (lone surrogates too) is as wide as the class of the wide ranges says."""
    from drafting.readers.passes.text import WIDE_RANGES, printed_width

    wide = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in WIDE_RANGES) + "]")
    assert [cp for cp in range(0x110000) if printed_width(chr(cp)) != 1 + bool(wide.match(chr(cp)))] == []
    line = "第十五条 «A» — 대한민국 ＡＢ\ud800 ﬁ"
    assert printed_width(line) == len(line) + len(wide.findall(line))


# --- the locale's parsed data kept between runs ----------------------------------------------


def _fresh_read(name, monkeypatch, tmp_path, write=True):
    """Read a data file as a new process would, with bytecode (and the kept data) under tmp_path."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", not write)
    return locale._read(name)


def test_the_parsed_data_is_kept_and_used_while_the_file_is_the_same(monkeypatch, tmp_path):
    import tomllib

    source = locale._DATA / "en.toml"
    expected = tomllib.loads(source.read_text("utf-8"))
    assert _fresh_read("en", monkeypatch, tmp_path) == expected
    kept = locale._kept_path(source)
    assert kept.is_file() and str(kept).startswith(str(tmp_path))
    assert locale._kept(kept, source.read_bytes()) == expected
    # kept data parsed from other bytes (the file was edited since) is not used, and is replaced
    assert locale._kept(kept, source.read_bytes() + b"\n# edited\n") is None
    kept.write_bytes(__import__("marshal").dumps((b"old bytes", {"stale": True})))
    assert _fresh_read("en", monkeypatch, tmp_path) == expected
    assert locale._kept(kept, source.read_bytes()) == expected


def test_damaged_or_unwritable_kept_data_only_costs_a_parse(monkeypatch, tmp_path):
    source = locale._DATA / "fr.toml"
    expected = _fresh_read("fr", monkeypatch, tmp_path)
    kept = locale._kept_path(source)
    kept.write_bytes(b"\x00garbage")
    assert _fresh_read("fr", monkeypatch, tmp_path) == expected
    # nothing written where Python writes no bytecode
    other = tmp_path / "other"
    assert _fresh_read("fr", monkeypatch, other, write=False) == expected
    assert not other.exists()


# --- the program's own process ---------------------------------------------------------------


def test_the_program_runs_the_cycle_collector_less_often_and_the_library_leaves_it_alone():
    """``drafting`` (and ``python -m drafting``) sets the collector's thresholds for its own
    process before its first import; importing the readers, writers and command line does not."""
    _passes_in_a_fresh_process(
        "import gc, sys\n"
        "default = gc.get_threshold()\n"
        "import drafting.cli, drafting.readers.text, drafting.readers.docx, drafting.writers.docx\n"
        "assert gc.get_threshold() == default, gc.get_threshold()\n"
        "sys.argv = ['drafting', '--version']\n"
        "from drafting.launch import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert gc.get_threshold()[0] >= 100_000, gc.get_threshold()\n")
    entry = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'drafting = "drafting.launch:main"' in entry
    assert "from drafting.launch import main" in (ROOT / "drafting" / "__main__.py").read_text(encoding="utf-8")


def _program(prelude: str, *args: str) -> subprocess.CompletedProcess:
    code = (f"import atexit, sys\n{prelude}\n"
            "atexit.register(lambda: print('torn down', file=sys.stderr))\n"
            f"sys.argv = ['drafting', *{list(args)!r}]\n"
            "from drafting.launch import main\nmain()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)


def test_the_program_ends_without_tearing_the_interpreter_down_its_output_whole():
    """A command's output is written whole and its exit status kept, and the interpreter is not
    torn down (an exit handler does not run); where a module whose exit handlers matter was
    imported (logging, worker pools, Dask), Python exits the usual way."""
    text = sorted((ROOT / "corpus" / "real" / "pairs").glob("*/*.pdftotext.txt"))[0]
    shown = _program("", "show", str(text))
    assert shown.returncode == 0 and shown.stdout.count("\n") > 20 and shown.stdout.endswith("\n")
    assert "torn down" not in shown.stderr
    usual = _program("import logging", "show", str(text))
    assert usual.returncode == 0 and usual.stdout == shown.stdout and "torn down" in usual.stderr
    for prelude in ("", "import logging"):
        wrong = _program(prelude, "show", "no-such-file.txt")
        assert wrong.returncode == 2 and "drafting: error:" in wrong.stderr and wrong.stdout == ""
    differs = _program("", "diff", str(text), str(sorted(text.parent.glob("*.pdftotext.txt"))[-1]), "-f", "json")
    assert differs.returncode == 1 and differs.stdout.rstrip().endswith("}")


def test_every_dataclass_says_what_it_is_so_that_importing_it_reads_no_signature():
    """A dataclass without a docstring has one made from ``inspect.signature`` of the class when
    it is defined (36 classes: every command paid for it at start): each class says what it is."""
    import dataclasses
    import importlib
    import inspect
    import pkgutil

    import drafting

    made = []
    for info in pkgutil.walk_packages(drafting.__path__, "drafting."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__ \
                    and (obj.__doc__ or "").startswith(f"{name}("):
                made.append(f"{module.__name__}.{name}")
    assert made == []


def test_reading_texts_prints_no_date_so_babel_is_not_loaded(tmp_path):
    """The readers find dates (a masthead's, an Official Records report's bracketed one, a
    session's range) but print none: reading loads no babel, even where no month names are kept
    (an empty bytecode folder, nothing written: a read-only installation)."""
    code = ("import sys\nfrom pathlib import Path\n"
            "from drafting.readers.text import read\n"
            "for stem in ('E_2025_28-E_CN.7_2025_11', 'A_80_42', 'A_RES_79_129'):\n"
            "    path = next(Path('corpus/real').glob(f'**/{stem}.pdftotext.txt'))\n"
            "    read(path.read_bytes(), name=str(path))\n"
            "assert 'babel' not in sys.modules, 'babel loaded'\n")
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert done.returncode == 0, done.stderr
