"""Settings: ``[tool.drafting.check]`` in pyproject.toml or ``[check]`` in drafting.toml.

The file is found by walking up from the first checked path (the nearest folder that has
either file wins; a pyproject.toml without the table is passed over). Command-line options
override it. A bad value is an error naming the key and the file.
"""

from __future__ import annotations

from pathlib import Path

from drafting.check.document import Config
from drafting.check.findings import SEVERITIES
from drafting.errors import DraftingError

FRENCH_SPACING = ("vienna", "modern", "auto")
QUOTE_PROFILES = ("vienna", "new-york", "auto")
KEYS = ("select", "ignore", "severity", "french-spacing", "quotes", "word-limit", "word-limits",
        "lang", "per-file-ignores", "include")


def find_config(paths) -> Path | None:
    """The nearest drafting.toml, or pyproject.toml with [tool.drafting.check], above ``paths``."""
    starts = [Path(p).resolve() for p in paths] or [Path.cwd()]
    start = starts[0] if starts[0].is_dir() else starts[0].parent
    for folder in (start, *start.parents):
        own = folder / "drafting.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _table(pyproject) is not None:
            return pyproject
    return None


def _read(path: Path) -> dict:
    import tomllib
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DraftingError(f"{path}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftingError(f"{path}: cannot read: {exc}") from None


def _table(path: Path) -> dict | None:
    data = _read(path)
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("drafting", {}).get("check")
    return data.get("check", {k: v for k, v in data.items() if k in KEYS})


def load_config(path: Path | None) -> Config:
    config = Config()
    if path is None:
        return config
    path = Path(path)
    if not path.is_file():
        raise DraftingError(f"{path}: no such configuration file")
    table = _table(path)
    where = "[tool.drafting.check]" if path.name == "pyproject.toml" else "[check]"
    if table is None:
        if path.name == "pyproject.toml":
            return config
        table = {}
    if not isinstance(table, dict):
        raise DraftingError(f"{path}: {where} must be a table")
    config.source = str(path)
    for key, value in table.items():
        apply_setting(config, key, value, f"{path}: {where} {key}")
    return config


def _rule_list(value, where: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DraftingError(f"{where}: expected a list of rule ids or prefixes, got {value!r}")
    out = [v.strip() for v in value if v.strip()]
    from drafting.check.registry import RULES, all_rules
    rules = all_rules()
    names = {r.name for r in rules.values()} | {r.family for r in rules.values()}
    for v in out:
        known = v.upper() == "ALL" or v in names or (
            v.upper().startswith("UN") and any(rid.startswith(v.upper()) for rid in RULES))
        if not known:
            raise DraftingError(f"{where}: unknown rule {v!r} (see drafting check --list-rules)")
    return out


def _positive_int(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise DraftingError(f"{where}: expected a positive whole number of words, got {value!r}")
    return value


def apply_setting(config: Config, key: str, value, where: str) -> None:
    """Set one setting, checking its value; ``where`` names the key and its file in errors."""
    key = key.replace("_", "-")
    if key == "select":
        config.select = _rule_list(value, where)
    elif key == "ignore":
        config.ignore = _rule_list(value, where)
    elif key == "severity":
        if not isinstance(value, dict):
            raise DraftingError(f"{where}: expected a table of rule id = severity")
        from drafting.check.registry import all_rules
        rules = all_rules()
        for rid, sev in value.items():
            if rid.upper() not in rules:
                raise DraftingError(f"{where}.{rid}: unknown rule id")
            if sev not in SEVERITIES:
                raise DraftingError(f"{where}.{rid}: severity {sev!r} is not one of "
                                    f"{', '.join(SEVERITIES)}")
            config.severity[rid.upper()] = sev
    elif key == "french-spacing":
        if value not in FRENCH_SPACING:
            raise DraftingError(f"{where}: {value!r} is not one of {', '.join(FRENCH_SPACING)}")
        config.french_spacing = value
    elif key == "quotes":
        value = value.replace("_", "-") if isinstance(value, str) else value
        if value not in QUOTE_PROFILES:
            raise DraftingError(f"{where}: {value!r} is not one of {', '.join(QUOTE_PROFILES)}")
        config.quotes = value
    elif key == "word-limit":
        config.word_limits["default"] = _positive_int(value, where)
    elif key == "word-limits":
        if not isinstance(value, dict):
            raise DraftingError(f"{where}: expected a table of document kind = words")
        for kind, limit in value.items():
            config.word_limits[kind] = _positive_int(limit, f"{where}.{kind}")
    elif key == "per-file-ignores":
        if not isinstance(value, dict):
            raise DraftingError(f"{where}: expected a table of path pattern = [rule ids]")
        from drafting.check.suppress import known_pattern
        for pattern, rules in value.items():
            if isinstance(rules, str):
                rules = rules.split(",")
            if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                raise DraftingError(f"{where}.{pattern!r}: expected a list of rule ids or prefixes")
            rules = [r.strip() for r in rules if r.strip()]
            for r in rules:
                if not known_pattern(r):
                    config.warnings.append(f"{where}.{pattern!r}: unknown rule {r!r}")
            config.per_file_ignores[pattern] = [r for r in rules if known_pattern(r)]
    elif key == "include":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DraftingError(f"{where}: expected a list of path patterns")
        config.include = list(value)
    elif key == "lang":
        from drafting.locale import LANGS
        if value not in LANGS:
            raise DraftingError(f"{where}: {value!r} is not one of {', '.join(LANGS)}")
        config.lang = value
    else:
        raise DraftingError(f"{where}: unknown setting (known: {', '.join(KEYS)})")
