"""Everything that touches files: reading inputs safely and writing outputs atomically.

Inputs are never trusted: encodings are detected, binary files and oversized files are refused,
XML is parsed without DTDs, entities or network. Outputs are written into an unnamed file of the
target folder (a named temporary one where the system has none) and named or renamed into place
only once complete, so a failure or a kill never leaves half a file, and an output path that
names an input is refused before anything is written.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import DraftingError, environment_error
from drafting.regex import lazy_compile

if TYPE_CHECKING:
    from lxml import etree

    from drafting.model.blocks import Diagnostic

MAX_INPUT_BYTES = 20 * 1024 * 1024  # larger inputs are almost surely not one UN document

# How much one document may hold. The longest real UN documents hold about 2,000 paragraphs,
# points and notes together; the limits are far above that and keep every command within about a
# gigabyte of memory. A document beyond one is refused with one line, before it is built.
MAX_PARAGRAPHS = 100_000
MAX_POINTS = 100_000
MAX_NOTES = 50_000
# Checked on the text before any reader runs, in one linear pass and no memory: a line that opens
# a paragraph, a point or a note ("12.", "(a)", "[^3]:", "3 " at the foot of a page) is one unit
# at most, so a text with more such lines than the three limits together is refused at once.
MAX_UNIT_LINES = MAX_PARAGRAPHS + MAX_POINTS + MAX_NOTES
_UNIT_LINE = lazy_compile(r"^[ \t>]*(?:\d|\(|\[\^|[a-z]{1,4}\)|[-•–·▪◦][ \t])", re.MULTILINE)
# The same after a line break, the break first: a search skips from break to break (a line start
# tried at every character was the slow part); no unit's opening holds a line break.
_UNIT_AFTER_BREAK = lazy_compile(r"\n[ \t>]*(?:\d|\(|\[\^|[a-z]{1,4}\)|[-•–·▪◦][ \t])")

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of one input, never more than ``max_bytes``.

    Only regular files are read (``-`` is standard input): a device (``/dev/zero``) or a FIFO
    has no size to check and may never end. The limit is enforced on the bytes read, not on the
    size the file system reports, so a file that grows or lies about its size is stopped too.
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_size(len(data), max_bytes, "standard input")
        if not data.strip():
            raise DraftingError("standard input is empty")
        return data
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise DraftingError(f"{p}: no such file") from None
    except NotADirectoryError:
        raise DraftingError(f"{p}: no such file (a part of the path is a file, not a folder)") from None
    except OSError as exc:
        raise DraftingError(f"{p}: cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise DraftingError(f"{p}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise DraftingError(f"{p}: not a regular file (a device, FIFO or socket); "
                            f"to read a stream, give - and pipe it to standard input")
    _check_size(st.st_size, max_bytes, str(p))
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise DraftingError(f"{p}: cannot read: {exc.strerror}") from None
    _check_size(len(data), max_bytes, str(p))
    if not data.strip():
        raise DraftingError(f"{p}: the file is empty")
    return data


def check_unit_lines(text: str, name: str) -> None:
    """Refuse a text that opens more units than a document may hold, before it is read."""
    if text.count("\n") < MAX_UNIT_LINES:
        return  # each unit opens a line: a text of fewer lines holds fewer units (a count in C)
    count = 1 if _UNIT_LINE.match(text) else 0
    for _ in _UNIT_AFTER_BREAK.finditer(text):
        count += 1
        if count > MAX_UNIT_LINES:
            raise DraftingError(
                f"{name}: more than {MAX_UNIT_LINES:,} lines open a paragraph, point or note; a "
                f"document holds at most {MAX_PARAGRAPHS:,} paragraphs, {MAX_POINTS:,} points and "
                f"{MAX_NOTES:,} notes (split it)")


def check_counts(paragraphs: int, points: int, notes: int, name: str = "") -> None:
    """Refuse a document beyond the limits (``MAX_PARAGRAPHS``, ``MAX_POINTS``, ``MAX_NOTES``)."""
    for count, limit, what in ((paragraphs, MAX_PARAGRAPHS, "paragraphs"), (points, MAX_POINTS, "points"),
                               (notes, MAX_NOTES, "footnotes")):
        if count > limit:
            where = f"{name}: " if name else ""
            raise DraftingError(f"{where}{count:,} {what} is more than the {limit:,} one document may "
                                f"hold (split it)")


def check_block_counts(blocks) -> None:
    """``check_counts`` on what a reader recognised, before the AKN tree is built."""
    from drafting.model.blocks import NoteRef, Para, Point, Styled

    paragraphs = points = notes = 0
    inlines: list = []
    stack = list(blocks.preamble) + list(blocks.body) + list(blocks.conclusions)
    while stack:  # a stack, not recursion: nesting is as deep as the input makes it
        item = stack.pop()
        if isinstance(item, Para):
            paragraphs += 1
            inlines.append(item.text)
            if item.wrap_up:
                inlines.append(item.wrap_up)
            for row in item.table or ():
                inlines.extend(row)
        elif isinstance(item, Point):
            points += 1
            inlines.append(item.text)
        else:
            inlines.append(getattr(item, "text", None) or [])
        stack.extend(getattr(item, "points", None) or ())
    while inlines:
        for x in inlines.pop():
            if isinstance(x, NoteRef):
                notes += 1
                inlines.extend(x.body or ())
            elif isinstance(x, Styled):
                inlines.append(x.children)
    check_counts(paragraphs, points, notes, blocks.source_name)


def check_tree_counts(root, name: str) -> None:
    """``check_counts`` on an AKN tree read from a file."""
    from drafting.model.akn import AKN_NS

    counts = {"paragraph": 0, "point": 0, "authorialNote": 0}
    tags = {f"{{{AKN_NS}}}{t}": t for t in counts}
    for el in root.iter(*tags):
        counts[tags[el.tag]] += 1
    check_counts(counts["paragraph"], counts["point"], counts["authorialNote"], name)


def _check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise DraftingError(
            f"{name}: {size / 1e6:.1f} MB or more is larger than the {max_bytes / 1e6:.1f} MB limit "
            f"for one document (split it, or raise the limit with --max-mb)"
        )


# What the XML model cannot hold: C0 controls but tab, line feed, carriage return (and the form
# feed, a page break the text reader reads), lone surrogates (an undecodable byte becomes one,
# see ``decode_report``), and the Unicode non-characters. One character class: linear time.
_NON_CHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_CONTROLS = "\x00-\x08\x0b\x0e-\x1f"
_UNDECODED = "\udc80-\udcff"          # a byte that was not valid UTF-8 (surrogateescape)
_UNHOLDABLE = lazy_compile(f"[{_CONTROLS}\x0c\ud800-\udfff{_NON_CHARACTERS}]")
_UNHOLDABLE_KEEP_FF = lazy_compile(f"[{_CONTROLS}\ud800-\udfff{_NON_CHARACTERS}]")
# The same classes without the non-characters of the planes above the BMP, for a text that has
# no character up there (nearly every text): a class of a few BMP ranges scans ten times faster.
_BMP_NON_CHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
_UNHOLDABLE_BMP = lazy_compile(f"[{_CONTROLS}\x0c\ud800-\udfff{_BMP_NON_CHARACTERS}]")
_UNHOLDABLE_KEEP_FF_BMP = lazy_compile(f"[{_CONTROLS}\ud800-\udfff{_BMP_NON_CHARACTERS}]")


def _has_astral(text: str) -> bool:
    """Does the text hold a character above the BMP? Such a character takes two UTF-16 code
    units: the length of its UTF-16 form tells, an encoding in C ten times faster than a search."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _where(text: str, positions: list[int]) -> str:
    lines = sorted({_line_of(text, p) for p in positions[:5]})
    more = ", ..." if len(positions) > 5 else ""
    return ("line " if len(lines) == 1 and not more else "lines ") + ", ".join(map(str, lines)) + more


def clean_text(text: str, keep_form_feed: bool = True) -> tuple[str, list[Diagnostic]]:
    """Replace or drop what the XML model cannot hold, with one diagnostic per kind, counted.

    A byte that was not UTF-8 becomes U+FFFD (visible, so that an editor finds it); a control
    character becomes a space (NUL, usually the debris of UTF-16, is dropped); a lone surrogate
    or a non-character is dropped.
    """
    if _has_astral(text):
        pattern = _UNHOLDABLE_KEEP_FF if keep_form_feed else _UNHOLDABLE
    else:
        pattern = _UNHOLDABLE_KEEP_FF_BMP if keep_form_feed else _UNHOLDABLE_BMP
    found: dict[str, list[int]] = {"byte": [], "control": [], "other": []}
    for m in pattern.finditer(text):
        c = m.group()
        kind = "byte" if "\udc80" <= c <= "\udcff" else ("control" if c < " " else "other")
        found[kind].append(m.start())
    if not any(found.values()):
        return text, []
    # imported here: reading a clean file does not load the model
    from drafting.model.blocks import Diagnostic

    notes = []
    if found["byte"]:
        n = len(found["byte"])
        notes.append(Diagnostic("warning", f"{n} byte{'s' * (n > 1)} not valid UTF-8 replaced by "
                                f"U+FFFD ({_where(text, found['byte'])}); save the file as UTF-8",
                                _line_of(text, found["byte"][0]), "encoding"))
    if found["control"]:
        n = len(found["control"])
        notes.append(Diagnostic("warning", f"{n} control character{'s' * (n > 1)} (U+0000-U+001F) that "
                                f"XML cannot hold replaced by a space, NUL dropped ({_where(text, found['control'])})",
                                _line_of(text, found["control"][0]), "invalid-character"))
    if found["other"]:
        n = len(found["other"])
        notes.append(Diagnostic("warning", f"{n} lone surrogate{'s' * (n > 1)} or Unicode non-character"
                                f"{'s' * (n > 1)} removed ({_where(text, found['other'])})",
                                _line_of(text, found["other"][0]), "invalid-character"))

    def replace(m):
        c = m.group()
        if "\udc80" <= c <= "\udcff":
            return "\ufffd"
        if c == "\x00" or c >= "\ud800":
            return ""
        return " "
    text = pattern.sub(replace, _UNDECODED_RUN.sub(lambda m: m.group()[0], text))
    return text, notes


def decode_report(data: bytes, name: str = "input", keep_form_feed: bool = True) -> tuple[str, list[Diagnostic]]:
    """Decode text whatever its encoding and clean it for the model, with what was done said.

    BOMs first; UTF-16 without a BOM is recognised by its zero bytes; then UTF-8, where a few
    bytes that are not UTF-8 in a UTF-8 file are replaced (a warning gives their lines); a file
    whose non-ASCII bytes are mostly not UTF-8 is read as Windows-1252 (and said so). A file
    with many control characters or zero bytes is binary and refused.
    """
    notes: list[Diagnostic] = []
    text = None
    utf8 = None   # the bytes the text was decoded from where they were valid UTF-8
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise DraftingError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}") from None
            if encoding == "utf-8":
                utf8 = data[len(bom):]
            break
    if text is None and b"\x00" in data[:4096]:
        text = _utf16_without_bom(data, name)
    if text is None:
        try:
            text = data.decode("utf-8")
            utf8 = data
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="surrogateescape")
            bad_bytes = len(_BAD_BYTES.findall(text))
            good = sum(1 for c in text if c > "\x7f") - bad_bytes
            damaged = len(_BAD_RUN.findall(text))  # a run of bad bytes: one damaged character
            if good < damaged:  # the non-ASCII letters are mostly not UTF-8: an 8-bit encoding
                from drafting.model.blocks import Diagnostic

                text = data.decode("cp1252", errors="replace")
                notes.append(Diagnostic("warning", "not UTF-8: read as Windows-1252 (save the file as UTF-8 "
                                        "if letters look wrong)", None, "encoding"))
    # Valid UTF-8 without a byte of a control character, and without a lead byte of a
    # non-character (U+FDD0-U+FDEF, U+FFFE, U+FFFF: EF ...; those of the planes above: F0-F4 ...),
    # decodes to a text that holds nothing ``clean_text`` or ``_reject_binary`` counts: the bytes
    # tell so in one pass in C (most texts), where the patterns would scan every character.
    clean = utf8 is not None and not utf8.translate(None, _HOLDABLE_BYTES_FF if keep_form_feed else _HOLDABLE_BYTES)
    text = _reject_binary(text, name, counted=not clean)
    if not text or text.isspace():  # no-break spaces, ideographic spaces, line separators only
        raise DraftingError(f"{name}: the file is empty (white space only)")
    check_unit_lines(text, name)
    if clean:
        return text, notes
    text, cleaned = clean_text(text, keep_form_feed)
    return text, notes + cleaned


# The bytes deleted from valid UTF-8 to see whether anything of ``_UNHOLDABLE`` (with or without
# the form feed) can be in its text: every byte but the C0 controls (tab, line feed, carriage
# return kept; the form feed kept where it is kept) and the lead bytes EF-F4.
_HOLDABLE_BYTES = bytes(b for b in range(256) if not (b < 0x20 and b not in (0x09, 0x0A, 0x0D) or 0xEF <= b <= 0xF4))
_HOLDABLE_BYTES_FF = _HOLDABLE_BYTES + b"\x0c"


_BAD_BYTES = lazy_compile(f"[{_UNDECODED}]")
_BAD_RUN = lazy_compile(f"[{_UNDECODED}]+")
_UNDECODED_RUN = lazy_compile(f"[{_UNDECODED}]{{2,}}")  # one U+FFFD for a run: one damaged character


def _utf16_without_bom(data: bytes, name: str) -> str | None:
    """UTF-16 recognised by its zero bytes; None when the zero bytes are a few stray NULs."""
    sample = data[:4096]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) / 2
    for zeros, encoding in ((odd_zeros, "utf-16-le"), (even_zeros, "utf-16-be")):
        if zeros > 0.3 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    if sample.count(0) > 0.01 * len(sample):
        raise DraftingError(f"{name}: a binary file, not text (convert it to text, DOCX or AKN first)")
    return None


def decode_text(data: bytes, name: str = "input", keep_form_feed: bool = True) -> str:
    """The text of ``data``, cleaned for the model (``decode_report`` without the diagnostics)."""
    return decode_report(data, name, keep_form_feed)[0]


# The control characters below U+0020 that text does not use (all but \t \n \v \f \r)
_BINARY_CONTROLS = lazy_compile("[\x00-\x08\x0e-\x1f]")


def _reject_binary(text: str, name: str, counted: bool = True) -> str:
    """``text`` with its line ends made line feeds, refused where it looks binary (``counted``:
    False where the text is known to hold no control character and no undecoded byte)."""
    sample = text[:8192]
    controls = len(_BINARY_CONTROLS.findall(sample)) if counted else 0  # (a scan in C, not a loop per character)
    undecoded = len(_BAD_BYTES.findall(sample)) if counted else 0
    if sample and (controls + undecoded) / len(sample) > 0.01 or "\ufffd" * 3 in sample:
        raise DraftingError(f"{name}: a binary file, not text (convert it to text, DOCX or AKN first)")
    if "\r" in text:   # (one scan for the common case, a text of line feeds only)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.lstrip("\ufeff")


def read_text(path: str | os.PathLike, max_bytes: int = MAX_INPUT_BYTES) -> str:
    return decode_text(read_bytes(path, max_bytes), str(path))


# One parser per thread, made when first needed (making one costs about 50 microseconds, and a
# Word file is a dozen XML parts); a parser may parse one document after another, never two at
# once in two threads.
_PARSERS = threading.local()


def safe_parser() -> etree.XMLParser:
    """An XML parser that never loads DTDs, resolves entities or reaches the network."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        # lxml imported here: a command that reads no XML (help, a text file) does not load it
        from lxml import etree

        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
            huge_tree=False, remove_blank_text=False,
        )
    return parser


def _declares_a_dtd(head: bytes) -> bool:
    """Does ``head`` hold ``<!DOCTYPE`` or ``<!ENTITY``, in any case? (Each ``<!`` looked at,
    most parts have none: not the whole head upper-cased, a copy of 64 KB for every part.)"""
    at = head.find(b"<!")
    while at != -1:
        word = head[at + 2:at + 9].upper()
        if word == b"DOCTYPE" or word.startswith(b"ENTITY"):
            return True
        at = head.find(b"<!", at + 2)
    return False


def parse_xml(data: bytes, name: str = "input"):
    """Parse untrusted XML; a document type declaration (DTD, entities) is refused outright."""
    if _declares_a_dtd(data[:65536]):
        raise DraftingError(f"{name}: XML with a document type declaration (DTD or entities) is refused")
    from lxml import etree

    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise DraftingError(f"{name}: not well-formed XML: {exc}") from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.system_url:
        raise DraftingError(f"{name}: XML with a document type declaration is refused")
    return tree


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    pa, pb = Path(a), Path(b)
    try:
        if pa.exists() and pb.exists():
            return os.path.samefile(pa, pb)
    except OSError:
        pass
    return pa.resolve() == pb.resolve()


def check_output(out: str | os.PathLike, inputs) -> None:
    """Refuse an output path that names one of the inputs (an input is never overwritten), or
    that could not be written safely (``output_path``): before any work is done."""
    output_path(out)
    for inp in inputs:
        if same_file(out, inp):
            raise DraftingError(f"{out}: the output would overwrite the input {inp}; choose another path")


def check_distinct(targets, inputs) -> None:
    """Two inputs may not write one output (``a/x.txt`` and ``b/x.txt`` into one folder)."""
    seen: dict = {}
    for target, source in zip(targets, inputs):
        if target is None:
            continue
        key = os.path.normcase(os.path.abspath(target))
        if key in seen:
            raise DraftingError(f"{seen[key]} and {source} would both be written to {target}; "
                                f"give them different names or read them in two runs")
        seen[key] = source


_SIGNALS = tuple(s for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT) if s is not None)


@contextmanager
def _signals_held():
    """Hold termination signals while a temporary file is created and recorded for removal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


NAME_MAX = 255


def output_path(path: str | os.PathLike) -> Path:
    """Where an output really goes, refused when writing there would do harm.

    Refused: an empty name, a folder, a device, FIFO or socket (renaming over ``/dev/null`` as
    root would replace the device), a name longer than the file system allows, a path through a
    regular file, and a symbolic link that leads out of its own folder. A link to a file in the
    same folder is followed, so that the file it names is the one replaced.
    """
    if str(path).strip() == "" or str(path) in (".", ".."):
        raise DraftingError("the output file name is empty; give a file name (or leave -o out to print)")
    target = Path(path)
    if len(target.name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        raise DraftingError(f"{str(target)[:60]}...: the file name is longer than {NAME_MAX} bytes")
    for parent in list(reversed(target.parents))[1:]:
        if parent.exists() and not parent.is_dir():
            raise DraftingError(f"{target}: {parent} is a file, not a folder")
    if target.is_symlink():
        resolved = target.resolve()
        if resolved.parent != target.parent.resolve():
            raise DraftingError(f"{target}: a symbolic link out of its folder (to {os.readlink(target)}); "
                                f"not followed: give the real path")
        target = resolved
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise DraftingError(f"{target}: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise DraftingError(f"{target}: is a folder; give a file name")
    if not stat.S_ISREG(st.st_mode):
        raise DraftingError(f"{target}: not a regular file (a device, FIFO or socket): it is never "
                            f"replaced; write to a file, or leave -o out to print")
    return target


def write_atomic(path: str | os.PathLike, data: bytes | str | Iterable[bytes],
                 like: str | os.PathLike | None = None) -> None:
    """Write ``data`` (bytes, text, or chunks of bytes as they are made) to ``path`` so that the
    path holds the old file or the whole new one, never a part, with the mode a copy would have
    (cp): a file replaced keeps its mode, a new file gets the umask's; ``like`` gives the mode and
    owner of another file (an in-place fix's backup, the file itself).

    On Linux the data go into an unnamed file of the target's folder (``O_TMPFILE``), named only
    once complete and synced: a process killed in the middle, even by SIGKILL, leaves nothing. Where
    the system or file system has no unnamed files, a named temporary ``.NAME.XXXX.tmp`` beside the
    target is used instead, removed on every way out a process can catch: an error, Ctrl-C,
    SIGTERM or SIGHUP (the CLI turns those into an exception). Failures of the file system (disk
    full, read-only, no permission) are user errors, one line.
    """
    target = output_path(path)
    if isinstance(data, str):
        chunks: Iterable[bytes] = [data.encode("utf-8")]
    elif isinstance(data, (bytes, bytearray, memoryview)):
        chunks = [data]
    else:
        chunks = data
    fd, tmp = None, None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _signals_held():
            fd = _open_unnamed(target.parent)
            unnamed = fd is not None
            if not unnamed:
                import tempfile  # only where the system has no unnamed files

                fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:100]}.", suffix=".tmp", dir=target.parent)
        with open(fd, "wb", closefd=False) as fh:
            for chunk in chunks:
                fh.write(chunk)
        os.fsync(fd)
        _give_mode(fd, like if like is not None else target)
        if unnamed:
            with _signals_held():
                tmp = _name_unnamed(fd, target)
        if tmp is not None:
            os.replace(tmp, target)
            tmp = None
    except OSError as exc:
        error = environment_error(exc)
        if error is None:
            raise
        raise DraftingError(f"{path}: cannot write: {exc.strerror}"
                            + (" (the disk is full)" if exc.errno == 28 else "")) from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


# An unnamed file is named through its /proc/self/fd link (linkat with AT_SYMLINK_FOLLOW), which
# needs no privilege, unlike linkat(AT_EMPTY_PATH).
_PROC_FD = "/proc/self/fd"
# open(O_TMPFILE) where unnamed files are not to be had: a file system without them (EOPNOTSUPP),
# a kernel older than 3.11 (which reads the flag as O_DIRECTORY: EISDIR), or EINVAL from either.
_NO_UNNAMED_FILES = frozenset({errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL})


def _open_unnamed(folder: Path) -> int | None:
    """A new file in ``folder`` with no name yet (``O_TMPFILE``), or None where there is none."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return None
    try:
        fd = os.open(folder, flag | os.O_WRONLY | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno in _NO_UNNAMED_FILES:
            return None
        raise
    if not os.path.exists(f"{_PROC_FD}/{fd}"):  # no /proc: the file could never be named
        os.close(fd)
        return None
    return fd


def _name_unnamed(fd: int, target: Path) -> str | None:
    """Give the complete unnamed file ``fd`` its name: ``target`` itself when there is no file
    there (None is returned), else a fresh temporary name beside it, returned for the caller to
    rename over the target. ``link`` never replaces nor follows what is already at a name."""
    source = f"{_PROC_FD}/{fd}"
    # linkat(AT_SYMLINK_FOLLOW) needs a folder descriptor here: os.link without one calls link(),
    # which would link the /proc entry itself (EXDEV) instead of the file it stands for
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        if not os.path.lexists(target):
            try:
                os.link(source, target.name, dst_dir_fd=folder, follow_symlinks=True)
                return None
            except FileExistsError:
                pass  # made meanwhile: replaced below, as any existing file
        for _ in range(100):
            name = f".{target.name[:100]}.{os.urandom(4).hex()}.tmp"  # as secrets.token_hex(4)
            try:
                os.link(source, name, dst_dir_fd=folder, follow_symlinks=True)
                return str(target.parent / name)
            except FileExistsError:
                continue
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))
    finally:
        os.close(folder)


def _give_mode(fd: int, reference: str | os.PathLike) -> None:
    """The mode (and owner, as root) of ``reference`` if it exists, else a new file's."""
    if os.path.exists(reference):  # keep the permissions of the file replaced
        st = os.stat(reference)
        os.fchmod(fd, stat.S_IMODE(st.st_mode))
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            pass  # only root gives a file away; the mode is kept all the same
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
