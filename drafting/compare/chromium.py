"""Headless Chromium: the screenshot of an HTML report and its DOM after scripts ran.

Used by the build step (a picture of the comparison kept in ``build/compare``) and by the tests
that check the HTML report in a real browser. Each call uses its own throw-away profile, so
parallel runs never fight over a profile lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafting.errors import DraftingError

CANDIDATES = ["chromium", "chromium-browser", "google-chrome", "chrome"]


def chromium_path() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise DraftingError("headless Chromium is not installed (apt-get install chromium)")


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="drafting-chromium-") as profile:
        cmd = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-extensions", "--disable-background-networking",
               f"--user-data-dir={profile}", *args]
        return subprocess.run(cmd, capture_output=True, timeout=timeout, env={**os.environ, "HOME": profile})


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1400,
               height: int = 1000, timeout: float = 60) -> Path:
    """Render ``html_path`` and write a PNG (written next to the target, then renamed)."""
    target = Path(png_path).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp.png")
    proc = _run([f"--window-size={width},{height}", f"--screenshot={tmp}",
                 Path(html_path).resolve().as_uri()], timeout)
    if proc.returncode != 0 or not tmp.exists():
        raise DraftingError(f"chromium could not render {html_path}: {proc.stderr.decode(errors='replace')[-300:]}")
    os.replace(tmp, target)
    return target


def dump_dom(html_path: str | os.PathLike, fragment: str = "", timeout: float = 60) -> str:
    """The document as the browser holds it after loading and running its scripts."""
    url = Path(html_path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    proc = _run(["--dump-dom", "--virtual-time-budget=2000", url], timeout)
    if proc.returncode != 0:
        raise DraftingError(f"chromium could not load {html_path}: {proc.stderr.decode(errors='replace')[-300:]}")
    return proc.stdout.decode("utf-8")
