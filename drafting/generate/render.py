"""Rendering a template in Jinja2's immutable sandbox, undefined names being errors.

Templates are user-editable files, so they run sandboxed: reaching Python internals
(``''.__class__``, ``cycler.__init__.__globals__``) stops the rendering with a clear error
instead of running code. Autoescaping is off (the output is Markdown, not HTML); text put into
the front matter goes through ``yaml`` (a quoted scalar) and text put into the body through ``md``
(dialect characters escaped), so a value cannot change the document's structure.
"""

from __future__ import annotations

import datetime as _dt
import json
import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafting.errors import DraftingError
from drafting.resources import templates_dir

TEMPLATES_DIR = templates_dir()


def yaml_scalar(value) -> str:
    """A value as a YAML flow scalar (JSON is YAML): quoted, so it cannot open new keys."""
    def plain(v):
        if isinstance(v, (_dt.date, _dt.datetime)):
            return v.isoformat()[:10]
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {str(k): plain(x) for k, x in v.items()}
        return v
    return json.dumps(plain(value), ensure_ascii=False)


def md_escape(value) -> str:
    """Inline text with the dialect's characters escaped, on one line (the writer's own rule)."""
    from drafting.writers.markdown import escape_text

    return escape_text(str(value))


def environment(search_path: Path) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(search_path)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["md"] = md_escape
    return env


def render(template_path: Path, context: dict) -> str:
    """Render one template file; every failure is a DraftingError naming the template and line."""
    template_path = Path(template_path)
    env = environment(template_path.parent)
    # the shared parts (front matter) live in the bundled folder; a user's template may include them
    env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(template_path.parent)),
                                      jinja2.FileSystemLoader(str(TEMPLATES_DIR))])
    name = template_path.name
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise DraftingError(f"{exc.filename or template_path}:{exc.lineno}: template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise DraftingError(f"{template_path}: template not found: {exc.name}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise DraftingError(f"{_where(exc, template_path)}: sandbox: the template tried to reach "
                            f"Python internals ({exc}); templates may only use the session's values") from None
    except jinja2.UndefinedError as exc:
        message = str(exc)
        if "unsafe" in message:
            raise DraftingError(f"{_where(exc, template_path)}: sandbox: the template tried to reach "
                                f"Python internals ({message}); templates may only use the session's "
                                "values") from None
        raise DraftingError(f"{_where(exc, template_path)}: template error: {message}") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise DraftingError(f"{_where(exc, template_path)}: template error: {exc}") from None


def _where(exc: BaseException, template_path: Path) -> str:
    """The template file and line where a rendering error happened (Jinja maps its frames)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and frame.filename.endswith((".j2", ".jinja", ".md", ".tmpl")):
            return f"{frame.filename}:{frame.lineno}"
    return str(template_path)
