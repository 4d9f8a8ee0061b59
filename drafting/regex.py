"""Regular expressions compiled when first used, not when their module is imported.

Python's regular-expression compiler is written in Python: a pattern with a large character
class (the CJK ideographs) or a long alternation takes a millisecond or more to compile, and a
command uses only some of the patterns of the modules it loads (a comparison of two Word files
needs none of the OCR repairs). ``lazy_compile(...)`` stands for ``re.compile(...)`` at module
level; ``LazyPattern(build)`` for a pattern a function builds from data (the locale's words).
Either is used like the compiled pattern (``NUMBER.match(text)``, ``NUMBER.pattern``); after the
first use its methods are the compiled pattern's own, so a call costs what it costs on the
compiled pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property, partial

# What a caller may ask of a compiled pattern: set on the lazy pattern at its first use.
_ATTRIBUTES = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split",
               "scanner", "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """A regular expression built by ``build`` (returning a compiled pattern) when first used."""

    def __init__(self, build: Callable[[], re.Pattern]) -> None:
        self._build = build

    def __getattr__(self, name: str):
        # called only until the first use: the attributes set then are found before it
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    @cached_property
    def compiled(self) -> re.Pattern:
        """The compiled pattern itself (for an API that wants a ``re.Pattern``)."""
        compiled = self._build()
        for name in _ATTRIBUTES:
            setattr(self, name, getattr(compiled, name))
        return compiled


def lazy_compile(pattern: str, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return LazyPattern(partial(re.compile, pattern, flags))
