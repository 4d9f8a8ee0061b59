"""An installed toolkit carries every file it reads: package data and the templates."""

from __future__ import annotations

import fnmatch
import tomllib

from conftest import ROOT


def test_every_data_file_of_the_package_is_declared():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    patterns = config["package-data"]["*"]
    data = [p for p in (ROOT / "drafting").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data, "the package has data files (locale, check word lists)"
    missing = [str(p.relative_to(ROOT)) for p in data if not any(fnmatch.fnmatch(p.name, pat) for pat in patterns)]
    assert missing == []


def test_every_template_is_shipped_as_data_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    globs = [g for group in config["data-files"].values() for g in group]
    templates = [p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts]
    assert "templates/reference.docx" in templates
    missing = [t for t in templates if not any(fnmatch.fnmatch(t, g) for g in globs)]
    assert missing == []
