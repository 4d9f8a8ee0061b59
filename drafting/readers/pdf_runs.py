"""The characters of a PDF page as runs: text with one font, one size and one baseline.

PDFium (through pypdfium2's raw API) knows every character: its unicode, origin, box, and the text
object that drew it (which carries the font, its size and its render mode). Calling PDFium once per
character and property would cost most of the reading time, so each character costs two calls
(origin and text object), the page's text comes in one call, and everything that belongs to a text
object (font name, weight, italic flag, size, render mode) is asked once per object.

Characters that PDFium generates (a space where a gap separates words, a line break) have no text
object: they end a run and mark the next one as preceded by a space.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from dataclasses import field

import pypdfium2.raw as pdfium_c

from drafting.records import record

TEXT_RENDER_INVISIBLE = 3        # PDF text render mode 3: the OCR layer of a scanned page
PAGEOBJ_TEXT, PAGEOBJ_PATH, PAGEOBJ_IMAGE = 1, 2, 3
DRAWN = 6.0                      # points: a path this wide and high is an area, not a rule
FONT_FLAG_ITALIC = 1 << 6        # PDF font descriptor flag 7
BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold")
ITALIC_WORDS = ("italic", "oblique", "-it", ",it")


def _fast(fn, restype, *argtypes):
    """The same PDFium entry point with plain argument types: ctypes checks less on each call."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


def _bare(fn, restype):
    """The entry point for the calls made once per character, text or page object, cheaper: it
    has no argument types, so ctypes passes the arguments as they are (a ``_Handle`` or a
    ``c_void_p`` for a pointer, an int for an index, ``byref`` for an output) instead of
    converting each through its type's ``from_param``; and it keeps the GIL across the call
    (``PYFUNCTYPE``), which costs as much to release and take back as these accessors take to
    run. Together about half the cost of a call."""
    return ctypes.PYFUNCTYPE(restype)(ctypes.cast(fn, ctypes.c_void_p).value)


class _Handle(ctypes.c_void_p):
    """A pointer PDFium returns and takes back: a subclass, so that ctypes keeps it as a ctypes
    object (passed on as it is) instead of making it an int (which ``_bare`` entry points would
    pass as a 32-bit int)."""


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_char_origin = _bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_text_object = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)   # an int: objects compare
_char_box = _bare(pdfium_c.FPDFText_GetCharBox, ctypes.c_int)
_char_angle = _bare(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float)
_page_object = _bare(pdfium_c.FPDFPage_GetObject, _Handle)
_object_type = _bare(pdfium_c.FPDFPageObj_GetType, _INT)
_object_bounds = _bare(pdfium_c.FPDFPageObj_GetBounds, _INT)
_object_matrix = _bare(pdfium_c.FPDFPageObj_GetMatrix, _INT)
_font_size = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_obj_font = _bare(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)      # an int: fonts are keys
_obj_render_mode = _bare(pdfium_c.FPDFTextObj_GetTextRenderMode, _INT)
_font_name = _fast(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _VP, ctypes.c_char_p, ctypes.c_size_t)
_font_flags = _fast(pdfium_c.FPDFFont_GetFlags, _INT, _VP)
_font_weight = _fast(pdfium_c.FPDFFont_GetWeight, _INT, _VP)


@record(slots=True)
class Run:
    """Characters drawn by one text object on one baseline, without a gap."""

    text: str
    x0: float                 # left of the first character (PDF points, origin bottom left)
    x1: float                 # right of the last character
    y: float                  # baseline
    size: float
    italic: bool
    bold: bool
    space_before: bool        # a space (real or generated) separates it from the previous run
    top: float = 0.0          # top of the tallest character box
    rotated: bool = False     # printed at an angle (a symbol up the margin, a column head)
    # where its first character stands in the page's text, which PDFium gives in reading order
    # (a right-to-left line reordered logically): ``space_before`` speaks of the run before in
    # this order, which is the run to the right on a right-to-left line
    index: int = -1


@record
class PageText:
    """A PDF page's text as runs of characters with their font, size and position, and its short
    rules."""

    number: int               # 1-based
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)   # (x0, x1, y) short lines
    invisible_chars: int = 0  # characters drawn in render mode 3 (an OCR layer)
    chars: int = 0
    images: int = 0           # image objects covering most of the page
    # drawn areas at least a type size wide and high (the bars and frame of a chart, a box):
    # (x0, y0, x1, y1); figures printed over one are a chart's labels, not a table's cells
    drawings: list[tuple[float, float, float, float]] = field(default_factory=list)


@record(slots=True)
class _Style:
    """What a run's characters look like: size, italic, bold, drawn invisible (OCR), rotated."""

    size: float
    italic: bool
    bold: bool
    invisible: bool
    rotated: bool


def _font_style(obj: int, textpage, index: int, fonts: dict, buf) -> _Style:
    size = _font_size(textpage, index)
    obj = ctypes.c_void_p(obj)
    font = _obj_font(obj)
    italic, bold = fonts.get(font) or fonts.setdefault(font, _font_kind(font, buf))
    invisible = _obj_render_mode(obj) == TEXT_RENDER_INVISIBLE
    angle = _char_angle(textpage, index) % (2 * math.pi)
    rotated = min(angle, 2 * math.pi - angle) > 0.05
    if rotated and _slanted(obj):
        # a word processor's italic for a font without one (Chinese, Arabic): the upright
        # letters slanted on a level baseline, not text turned at an angle
        rotated, italic = False, True
    return _Style(round(size, 1), italic, bold, invisible, rotated)


def _slanted(obj) -> bool:
    """Does the text object draw on a level baseline with its letters slanted (a matrix that
    shears, ``[a 0 c d]`` with ``c`` non-zero), which PDFium reports as an angle?"""
    matrix = pdfium_c.FS_MATRIX()
    if not _object_matrix(obj, ctypes.byref(matrix)):
        return False
    return matrix.a > 0 and abs(matrix.b) < 0.01 * matrix.a and matrix.c != 0


def _font_kind(font: int | None, buf) -> tuple[bool, bool]:
    """(italic, bold) of a font, from its descriptor flags, weight and name."""
    if not font:
        return False, False
    length = _font_name(font, buf, len(buf))
    name = buf.value.decode("latin-1", "replace").lower() if length else ""
    italic = bool(_font_flags(font) & FONT_FLAG_ITALIC) or any(w in name for w in ITALIC_WORDS)
    bold = _font_weight(font) >= 600 or any(w in name for w in BOLD_WORDS)
    return italic, bold


def page_runs(page, number: int) -> PageText:
    """The runs and the short horizontal rules of one pypdfium2 page."""
    width, height = page.get_size()
    result = PageText(number, width, height)
    textpage = page.get_textpage()
    try:
        _read_chars(textpage.raw, result)
    finally:
        textpage.close()
    _read_objects(page.raw, result)
    return result


def _page_string(tp, count: int) -> str:
    buf = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(tp, 0, count, buf)
    text = ctypes.string_at(buf, count * 2).decode("utf-16-le", "replace")
    if len(text) != count:    # characters outside the BMP: one code point per character index
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i)) for i in range(count))
    # a substitution and a replace run in C, where str.translate looks every character of a page
    # holding any non-ASCII one up in its table (several times slower)
    if _TO_SPACE.search(text):
        text = _TO_SPACE.sub(" ", text)
    return text.replace("\ufffe", "-")


# PDFium gives U+FFFE for a hyphen printed at the end of a line (``capacity-`` / ``building``):
# it is the printed hyphen. Control characters, which XML cannot hold, become spaces (one
# character for one, so that character indexes stay valid).
_TO_SPACE = re.compile("[\x00-\x08\x0a-\x1f\uffff]")


def _read_chars(tp, result: PageText) -> None:
    """Runs from the characters grouped by the text object that drew them.

    A text object draws one string with one font state on one baseline, so which object drew
    each character is all that is asked of most characters (``_char_objects``); positions are
    asked at the ends of each group. Only a group drawn right to left (an RTL script in logical
    order) is split character by character.
    """
    count = pdfium_c.FPDFText_CountChars(tp)
    if count <= 0:
        return
    text = _page_string(tp, count)
    handle = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
    objects = _char_objects(handle, text)
    reader = _RunReader(handle, text, result)
    index = 0
    for obj, group in itertools.groupby(objects):
        size = len(list(group))
        if obj is None:                       # generated by PDFium: a space or a line break
            reader.space = True
        else:
            reader.group(obj, index, index + size)
        index += size
    result.chars = count
    result.invisible_chars = reader.invisible


# The letters of right-to-left scripts (bidirectional classes R and AL, whose whole blocks are
# taken, and the right-to-left mark): PDFium reorders a line holding any of them.
_RTL = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]")
_SPACE = re.compile(" ")
_EDGE = object()          # the start or end of the page, where no space bounds a word


def _char_objects(handle, text: str) -> list:
    """The text object that drew each character of the page (None: a space or line break that
    PDFium generated), asked of PDFium as few times as the page allows.

    Asked for every character, this was most of the reading's calls. PDFium appends the
    characters of each text object one after the other; the only characters without an object
    are the spaces and line breaks it generates (spaces in ``text``); and only the reordering of a
    line holding right-to-left letters puts one object's characters on both sides of another's.
    So on a page without such letters only the spaces are asked: the word between two spaces of
    one object belongs to that object. For any other word its two ends are asked, and when they
    differ (a call printed against its word) each of its characters.
    """
    count = len(text)
    if _RTL.search(text):
        return list(map(_text_object, itertools.repeat(handle, count), range(count)))
    spaces = [m.start() for m in _SPACE.finditer(text)]
    at_spaces = list(map(_text_object, itertools.repeat(handle, len(spaces)), spaces))
    objects: list = []
    start, left = 0, _EDGE
    for space, right in zip(spaces, at_spaces):
        if space > start:
            objects.extend(_word_objects(handle, start, space, left, right))
        objects.append(right)
        start, left = space + 1, right
    if count > start:
        objects.extend(_word_objects(handle, start, count, left, _EDGE))
    return objects


def _word_objects(handle, start: int, end: int, left, right) -> list:
    if left is not None and left is not _EDGE and left == right:
        return [left] * (end - start)
    first = _text_object(handle, start)
    if end - start == 1:
        return [first]
    if first is not None and first == _text_object(handle, end - 1):
        return [first] * (end - start)
    return list(map(_text_object, itertools.repeat(handle, end - start), range(start, end)))


class _RunReader:
    def __init__(self, handle, text: str, result: PageText) -> None:
        self.handle, self.text, self.runs = handle, text, result.runs
        self.styles: dict[int, _Style] = {}
        self.fonts: dict[int, tuple[bool, bool]] = {}
        self.space = False
        self.invisible = 0
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.xy_refs = (ctypes.byref(self.x), ctypes.byref(self.y))
        self.box = [ctypes.c_double() for _ in range(4)]
        self.box_refs = [ctypes.byref(v) for v in self.box]
        self.name = ctypes.create_string_buffer(128)

    def origin(self, i: int) -> tuple[float, float]:
        _char_origin(self.handle, i, *self.xy_refs)
        return self.x.value, self.y.value

    def group(self, obj: int, start: int, end: int) -> None:
        style = self.styles.get(obj)
        if style is None:
            style = self.styles[obj] = _font_style(obj, self.handle, start, self.fonts, self.name)
        if style.invisible:
            self.invisible += end - start
        if end - start > 1 and not style.rotated and self.origin(end - 1)[0] < self.origin(start)[0] - 0.5:
            for i in range(start, end):       # drawn right to left: one run per character
                self.piece(style, i, i + 1)
            return
        self.piece(style, start, end)

    def piece(self, style: _Style, start: int, end: int) -> None:
        """Runs of text[start:end], split at tabs, without leading or trailing spaces."""
        text = self.text
        i = start
        while i < end:
            while i < end and text[i] in " \t":
                self.space = True
                i += 1
            j = text.find("\t", i, end)       # in C: a Python loop here cost a step a character
            if j < 0:
                j = end
            if j > i:
                self.run(style, i, j)
            i = j

    def run(self, style: _Style, start: int, end: int) -> None:
        last = end - 1
        while last > start and self.text[last] == " ":
            last -= 1                          # a trailing space would widen the run
        left, right, _, top = self.box
        _char_box(self.handle, last, *self.box_refs)
        x1 = right.value
        _char_box(self.handle, start, *self.box_refs)
        x0, y = self.origin(start)
        x0 = min(left.value, x0)
        self.runs.append(Run(self.text[start:end], x0, max(x1, x0), y, style.size, style.italic,
                             style.bold, self.space, top.value, style.rotated, start))
        self.space = self.text[end - 1] == " "


def _read_objects(page_raw, result: PageText) -> None:
    """Short horizontal lines (the footnote rule), drawn areas and page-size images (a scan)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    area = result.width * result.height
    page = ctypes.c_void_p(ctypes.cast(page_raw, ctypes.c_void_p).value)
    for i in range(pdfium_c.FPDFPage_CountObjects(page_raw)):
        obj = _page_object(page, i)
        kind = _object_type(obj)
        if kind != PAGEOBJ_PATH and kind != PAGEOBJ_IMAGE:
            continue
        if not _object_bounds(obj, *refs):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        if kind == PAGEOBJ_IMAGE:
            if w * h > 0.5 * area:
                result.images += 1
        elif h < 2.0 and 20.0 < w < 0.6 * result.width:
            result.rules.append((left.value, right.value, (top.value + bottom.value) / 2))
        elif w >= DRAWN and h >= DRAWN and w * h < 0.5 * area:
            result.drawings.append((left.value, bottom.value, right.value, top.value))
