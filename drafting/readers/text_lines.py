"""First pass over extracted text: page furniture and footnote bodies leave the flow of body lines.

PDF extraction interleaves the body with what is printed around it: running heads (the symbol,
repeated), page numbers, job numbers and barcodes, and the footnotes printed at each page's foot.
This pass takes them out, keeping for every footnote body where it stood, so that the body
paragraphs cut by them can be joined again and a footnote whose reference was lost can be kept
beside the paragraph it was printed under.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafting.model.job_numbers import find_job_number, is_barcode
from drafting.model.symbols import looks_like_symbol
from drafting.readers.text_inline import SUPERSCRIPT_DIGITS, superscript_to_digits

PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Page\s+|page\s+)?\d{1,3}(?:\s*-)?\s*(?:/\s*\d{1,3})?\s*$")  # no UN document reaches page 1000
NOTE_BODY_SUP = re.compile(r"^\s*([" + SUPERSCRIPT_DIGITS + r"]+)\s*(\S.*)$")
NOTE_BODY_CARET = re.compile(r"^\s*\^\{?(\d{1,3})\}?\s+(\S.*)$")
NOTE_BODY_STAR = re.compile(r"^\s*(\*{1,3})\s+(\S.*)$")
NOTE_BODY_PLAIN = re.compile(r"^\s*(\d{1,3})\s{1,6}(?=[A-ZÀ-Ý«“\"(])(\S.*)$")
RECYCLE = re.compile(r"^\s*(Please recycle|Merci de recycler|Sírvase reciclar|♲)\s*$", re.I)


@dataclass
class FootnoteBody:
    marker: str
    text: str
    line: int
    flow_index: int          # index of the body line it was printed after (-1: before any)


@dataclass
class BodyLine:
    no: int                  # 1-based source line
    text: str
    gap_before: bool = False  # blank lines, furniture or footnotes stood between it and the last
    notes_before: list[FootnoteBody] = field(default_factory=list)
    page_break_before: bool = False


@dataclass
class Furniture:
    line: int
    text: str
    kind: str                # page-number, job-number, barcode, running-head, recycle


@dataclass
class SplitText:
    body: list[BodyLine]
    notes: list[FootnoteBody]
    furniture: list[Furniture]
    running_symbol: str | None = None
    job_number: str | None = None


def _is_star_note(text: str) -> bool:
    """``* CTOC/COP/2012/1.`` or a reissue note: a footnote on the symbol, not a bullet."""
    stripped = text.strip().rstrip(".")
    return looks_like_symbol(stripped) or bool(
        re.match(r"(Reissued|Nouveau tirage|Publicado nuevamente|Publié de nouveau|Переиздан)", stripped, re.I)
    )


FURNITURE_TOKEN = re.compile(
    r"^(?:\d{1,4}/\d{1,4}|\d{1,4}|(?:V\.|GE\.|K)?\d{2}-\d{5}|\([EFSRCA]\)|\d{6}|\*\d{7}\*)$"
)


_HAS_JOB_SHAPE = re.compile(r"\d{2}-?\d{5}")


def _is_furniture_line(stripped: str) -> bool:
    """``2/18 17-13704``, ``17-13704 3/18``: page numbers and job numbers side by side."""
    tokens = stripped.split()
    return (len(tokens) >= 2 and all(FURNITURE_TOKEN.match(t) for t in tokens)
            and any(re.match(r"^(?:\d{1,4}/\d{1,4}|(?:V\.|GE\.|K)?\d{2}-\d{5})$", t) for t in tokens))


def _furniture_kind(text: str, repeated: set[str], head_zone: bool) -> str | None:
    stripped = text.strip()
    if not stripped:
        return None
    if PAGE_NUMBER.match(stripped) and len(stripped) <= 12:
        return "page-number"
    if RECYCLE.match(stripped):
        return "recycle"
    if is_barcode(stripped):
        return "barcode"
    job = find_job_number(stripped) if _HAS_JOB_SHAPE.search(stripped) else None
    if job is not None:
        rest = stripped.replace(job.text, "", 1) if job.text in stripped else None
        if rest is not None and (not rest.strip() or PAGE_NUMBER.match(rest) or is_barcode(rest.strip())):
            return "job-number"
    if _is_furniture_line(stripped):
        return "page-number"
    if not head_zone and "/" in stripped and len(stripped) < 80 and looks_like_symbol(stripped.rstrip("*")):
        return "running-head"
    if stripped in repeated:
        return "running-head"
    return None


# A number or label printed alone on its line: PDF extraction breaks the line at the tab that
# follows a paragraph number ("1." then the text), a chapter numeral or a point label.
LONE_LABEL = re.compile(r"^\s*(?:\d{1,4}\.|\d{1,4} -|[IVXL]{1,6}\.|[A-Z]\.|\((?:[a-z]{1,3}|[ivxl]{1,6})\)|(?:[a-z]|[ivx]{1,4})\))\s*$")


def join_lone_labels(lines: list[str]) -> list[str]:
    """Put a number printed alone on its line back in front of the text that follows it.

    The line count stays the same (the label's line becomes blank), so source lines still hold.
    """
    out = list(lines)
    for i, line in enumerate(out):
        if not LONE_LABEL.match(line):
            continue
        j = i + 1
        while j < len(out) and not out[j].strip() and j - i <= 2:
            j += 1
        if j < len(out) and out[j].strip() and not LONE_LABEL.match(out[j]):
            out[j] = line.strip() + " " + out[j].lstrip()
            out[i] = ""
    return out


def split_text(lines: list[str], head_zone_lines: int = 12) -> SplitText:
    """Separate body lines from furniture and footnote bodies."""
    lines = join_lone_labels(lines)
    counts = Counter(l.strip() for l in lines if 0 < len(l.strip()) < 80)
    # A short line printed three times or more is a running head, unless it is a plain word a
    # body could repeat (a heading such as "Sensibilisation" may appear twice, not on every page).
    repeated = {t for t, n in counts.items() if n >= 3 and not t.endswith((".", ":", ";", ","))
                and not re.match(r"^[-•*]", t) and not _starts_block(t)}

    body: list[BodyLine] = []
    notes: list[FootnoteBody] = []
    furniture: list[Furniture] = []
    running_symbol = None
    job_number = None
    pending_notes: list[FootnoteBody] = []
    gap = False
    page_break = False
    in_note: FootnoteBody | None = None
    seen_body_text = 0

    for i, raw in enumerate(lines):
        no = i + 1
        if "\f" in raw:
            # pdftotext ends every page with a form feed: what precedes it is the page's foot.
            _take_page_foot_notes(body, notes, len(body))
            page_break = True
            raw = raw.replace("\f", "")
        text = raw.rstrip()
        if not text.strip():
            gap = True
            in_note = None
            continue
        head_zone = seen_body_text < head_zone_lines
        kind = _furniture_kind(text, repeated, head_zone)
        if kind and kind != "running-head" or (kind and not head_zone):
            _take_page_foot_notes(body, notes, len(body))
            furniture.append(Furniture(no, text.strip(), kind))
            if kind == "running-head" and "/" in text and looks_like_symbol(text.strip().rstrip("*")):
                running_symbol = running_symbol or text.strip().rstrip("*")
            if kind == "job-number" and job_number is None:
                job = find_job_number(text.strip())
                job_number = job.text if job else None
            gap = True
            page_break = page_break or kind in ("page-number", "job-number", "running-head")
            in_note = None
            continue
        m = NOTE_BODY_SUP.match(text) or NOTE_BODY_CARET.match(text)
        star = NOTE_BODY_STAR.match(text)
        if m:
            marker = superscript_to_digits(m.group(1))
            in_note = FootnoteBody(marker, m.group(2).strip(), no, len(body) - 1)
            notes.append(in_note)
            pending_notes.append(in_note)
            gap = True
            continue
        if star and _is_star_note(star.group(2)):
            in_note = FootnoteBody(star.group(1), star.group(2).strip(), no, len(body) - 1)
            notes.append(in_note)
            pending_notes.append(in_note)
            gap = True
            continue
        if in_note is not None and not gap and not _starts_block(text):
            # A footnote body wrapped over several lines (hard-wrapped text).
            in_note.text += " " + text.strip()
            continue
        in_note = None
        body.append(BodyLine(no, text, gap_before=gap, notes_before=pending_notes, page_break_before=page_break))
        seen_body_text += 1
        pending_notes = []
        gap = False
        page_break = False
    _take_page_foot_notes(body, notes, len(body))
    if pending_notes:
        body.append(BodyLine(len(lines) + 1, "", gap_before=True, notes_before=pending_notes))
    return SplitText(body, notes, furniture, running_symbol, job_number)


def _take_page_foot_notes(body: list[BodyLine], notes: list[FootnoteBody], end: int) -> None:
    """At a page's foot, lines ``1 See A/71/PV.65.`` that continue the footnote numbering are
    footnote bodies printed with plain digits (their superscript lost in extraction)."""
    # Footnote numbering runs on from the last numbered footnote seen (a scan from the end stops
    # at the first one, so a long document costs no more per page than a short one).
    last = next((n.marker for n in reversed(notes) if n.marker.isdigit()), "0")
    next_marker = int(last) + 1
    # Walk back over the lines at the foot of the page to the first that starts the run.
    start = end
    while start > 0:
        m = NOTE_BODY_PLAIN.match(body[start - 1].text)
        if not m:
            break
        start -= 1
    markers = []
    for line in body[start:end]:
        markers.append(int(NOTE_BODY_PLAIN.match(line.text).group(1)))
    # keep the longest tail of the run that numbers on from the notes already seen
    for k in range(len(markers)):
        tail = markers[k:]
        if tail and tail[0] == next_marker and tail == list(range(next_marker, next_marker + len(tail))):
            moved = body[start + k:end]
            del body[start + k:end]
            for line in moved:
                m = NOTE_BODY_PLAIN.match(line.text)
                notes.append(FootnoteBody(m.group(1), m.group(2).strip(), line.no, start + k - 1))
            return


def adopt_plain_digit_notes(split: SplitText, referenced: set[str]) -> None:
    """Footnote bodies printed with plain digits (``3 Ibid.``), for referenced markers only.

    Plain digits at a line's start are usually text, so a line counts as a footnote body only
    when a reference with that marker exists and no body carries it yet.
    """
    defined = {n.marker for n in split.notes}
    wanted = referenced - defined
    if not wanted:
        return
    kept: list[BodyLine] = []
    for line in split.body:
        m = NOTE_BODY_PLAIN.match(line.text)
        if m and m.group(1) in wanted and line.gap_before:
            note = FootnoteBody(m.group(1), m.group(2).strip(), line.no, len(kept) - 1)
            split.notes.append(note)
            wanted.discard(m.group(1))
            continue
        kept.append(line)
    split.body = kept


_BLOCK_START = re.compile(
    r"^\s*(?:[-•]\s+)?(?:\d{1,3}[.,]\s|[IVXL]+\.\s|[A-Z]\.\s|\(?[a-z]{1,4}\)\s|[" + SUPERSCRIPT_DIGITS + r"])"
)


def _starts_block(text: str) -> bool:
    return bool(_BLOCK_START.match(text))
