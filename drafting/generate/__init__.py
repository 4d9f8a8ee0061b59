"""Generate: a session file and a template -> a draft in the Markdown dialect -> the AKN model.

``drafting new KIND --session S.yaml --lang fr -o build/x.xml`` checks the session file against
the schema of ``keys``, renders the KIND's template (Jinja2, sandboxed) into the Markdown drafting
dialect, reads that with the Markdown reader (which localises masthead and preface through the
locale package and numbers paragraphs the UN way) and leaves writing to the chosen writer.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from drafting import locale
from drafting.errors import DraftingError
from drafting.model.session_keys import KEYS, KINDS, check_keys, load_mapping, resolve_language
from drafting.generate.render import TEMPLATES_DIR, render
from drafting.io import decode_report, read_bytes, read_text
from drafting.locale import languages
from drafting.records import record

EXAMPLES_DIR = TEMPLATES_DIR / "examples"
OUTPUT_FORMATS = {".xml": "akn", ".akn": "akn", ".md": "md", ".docx": "docx"}


@record
class Generated:
    """A generated document: its AKN tree, the Markdown the template rendered, and what was
    reported."""

    root: object
    markdown: str                        # the rendered template, in the dialect
    diagnostics: list = field(default_factory=list)


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise DraftingError(f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
    return kind


def check_lang(lang: str) -> str:
    if lang not in languages():
        raise DraftingError(f"unknown language {lang!r}; use one of: {', '.join(languages())}")
    return lang


def template_for(kind: str) -> Path:
    return TEMPLATES_DIR / f"{kind}.md.j2"


def load_session(path: str | Path, kind: str) -> tuple[dict, object]:
    """The session file's checked values (dates as dates) and their located mapping."""
    text, notes = decode_report(read_bytes(path), str(path), keep_form_feed=False)
    located = load_mapping(text, str(path))
    located.notes[:0] = notes
    return check_keys(located, kind, "session"), located


def context_for(values: dict, kind: str, lang: str) -> dict:
    """Every key of the schema (None when absent) in the language asked for, plus kind and lang."""
    resolved = resolve_language(values, lang)
    context = {k.name: None for k in KEYS}
    context.update(resolved)
    context["kind"] = kind
    context["lang"] = lang
    context["body_markdown"] = (resolved.get("body_markdown") or "").strip("\n")
    # the marks ending the organ line, preambular and operative paragraphs (Arabic ، ؛)
    context["punctuation"] = locale.resolution_punctuation(lang)
    if context.get("organ"):
        context["formula"] = context.get("formula") or locale.enacting_formula(context["organ"], lang)
    context["formula_in_body"] = opens_with_formula(context["body_markdown"], context.get("formula"),
                                                    context.get("organ"))
    return context


def opens_with_formula(body: str, formula: str | None, organ: str | None) -> bool:
    """The body's first paragraph is the formula already (``*The General Assembly*,``): the
    template does not print it a second time."""
    first = body.strip().split("\n\n", 1)[0] if body else ""
    words = " ".join(first.replace("*", "").split()).rstrip(",،，:").strip().casefold()
    if not words or len(words) > 300:
        return False
    names = {n.casefold() for n in (formula, organ) if n}
    return words in names or any(words.endswith(" " + n) for n in names if organ and n == organ.casefold())


def generate(kind: str, session: str | Path, lang: str, template: str | Path | None = None,
             generated_on=None) -> Generated:
    from drafting.readers.markdown import read_text as read_markdown

    check_kind(kind)
    check_lang(lang)
    values, located = load_session(session, kind)
    template_path = Path(template) if template else template_for(kind)
    if not template_path.is_file():
        raise DraftingError(f"{template_path}: no such template")
    markdown = render(template_path, context_for(values, kind, lang))
    result = read_markdown(markdown, f"{template_path.name} (rendered from {session})", lang,
                           generated=generated_on or values.get("date"))
    to_session = body_line_map(markdown, context_for(values, kind, lang)["body_markdown"],
                               body_markdown_line(located, lang))
    for d in result.diagnostics:
        d.line = to_session(d.line)
    errors = [d for d in result.diagnostics if d.level == "error"]
    if errors:
        where = f"{session}:{errors[0].line}" if errors[0].line else str(session)
        raise DraftingError(f"{where}: body_markdown: {errors[0].message}")
    return Generated(root=result.root, markdown=markdown, diagnostics=located.notes + result.diagnostics)


def body_markdown_line(located, lang: str) -> int | None:
    """The session file line where the body_markdown text for ``lang`` starts."""
    import yaml

    from drafting.model.session_keys import yaml_loader

    try:
        node = yaml.compose(read_text(located.source), Loader=yaml_loader())  # libyaml: a 3 MB value took 9 s
    except (yaml.YAMLError, DraftingError):
        return None
    for key, value in node.value:
        if key.value != "body_markdown":
            continue
        if isinstance(value, yaml.MappingNode):
            chosen = [v for k, v in value.value if k.value == lang] or \
                [v for k, v in value.value if k.value == located.values.get("original")]
            if not chosen:
                return None
            value = chosen[0]
        # a block scalar (| or >) starts on the line after its indicator
        return value.start_mark.line + (2 if value.style in ("|", ">") else 1)
    return None


def body_line_map(markdown: str, body: str, session_line: int | None):
    """Lines of the rendered draft -> lines of the session file, for lines of body_markdown."""
    at = markdown.find(body) if body else -1
    if at < 0 or session_line is None:
        return lambda line: line
    first = markdown.count("\n", 0, at) + 1
    last = first + body.count("\n")

    def to_session(line):
        if line and first <= line <= last:
            return session_line + (line - first)
        return line
    return to_session


def output_format(out: str | Path) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise DraftingError(f"{out}: cannot tell the output format from {suffix or '(no extension)'}; "
                            f"use one of: {', '.join(OUTPUT_FORMATS)}")
    return OUTPUT_FORMATS[suffix]


def write_output(root, fmt: str, **options) -> bytes:
    from drafting.writers import writer_for

    try:
        writer = writer_for(fmt)
    except ModuleNotFoundError as exc:
        raise DraftingError(f"the {fmt} writer is not available: {exc}") from None
    return writer.write(root, **options)
