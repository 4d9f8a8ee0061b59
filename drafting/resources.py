"""Where the toolkit's own files are: the templates and the reference DOCX.

In a checkout (and an editable install) they are in ``templates/`` beside the package; an
installed wheel carries them as data files under ``<prefix>/share/drafting/templates``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def templates_dir() -> Path:
    beside = Path(__file__).resolve().parents[1] / "templates"
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "drafting" / "templates"
