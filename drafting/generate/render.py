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
import signal
import threading
import traceback
from contextlib import contextmanager
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


MAX_OUTPUT_CHARS = 5_000_000     # a draft is a few hundred kB; a template that writes more runs away
MAX_VALUE_CHARS = 1_000_000      # one value built by ``*`` (``'x' * 10**9``) or a power's digits
MAX_RENDER_SECONDS = 10          # a loop that writes nothing is stopped by the clock


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with ``*`` and ``**`` unable to build values of gigabytes."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            if isinstance(left, (int, float)) and isinstance(right, (int, float)) \
                    and abs(right) > 64 and abs(left) > 1:
                return self.undefined(f"the power {left} ** {right} is too large", name="**")
            return left ** right
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                    and len(seq) * max(times, 0) > MAX_VALUE_CHARS:
                return self.undefined(f"a value of more than {MAX_VALUE_CHARS} characters", name="*")
        return left * right


def environment(search_path: Path) -> ImmutableSandboxedEnvironment:
    env = _BoundedSandbox(
        loader=jinja2.FileSystemLoader(str(search_path)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.pop("lipsum", None)  # placeholder text has no place in a draft, and it is unbounded
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
        with _deadline(MAX_RENDER_SECONDS, template_path):
            return _bounded(template.generate(**context), template_path)
    except RecursionError:
        raise DraftingError(f"{template_path}: template error: recursion too deep (a macro or include "
                            f"that calls itself)") from None
    except MemoryError:
        raise DraftingError(f"{template_path}: template error: the output does not fit in memory") from None
    except OverflowError as exc:
        raise DraftingError(f"{_where(exc, template_path)}: template error: {exc}") from None
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


def _bounded(chunks, template_path: Path) -> str:
    """The rendered text, stopped past ``MAX_OUTPUT_CHARS``."""
    out, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise DraftingError(f"{template_path}: the template writes more than {MAX_OUTPUT_CHARS:,} "
                                f"characters; a draft is far shorter (a loop that runs away?)")
        out.append(chunk)
    return "".join(out)


@contextmanager
def _deadline(seconds: int, template_path: Path):
    """Stop a rendering that runs past ``seconds`` (main thread only: the clock is a signal)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise DraftingError(f"{template_path}: the template ran for more than {seconds} s (a loop that "
                            f"runs away?)")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException, template_path: Path) -> str:
    """The template file and line where a rendering error happened (Jinja maps its frames)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and frame.filename.endswith((".j2", ".jinja", ".md", ".tmpl")):
            return f"{frame.filename}:{frame.lineno}"
    return str(template_path)
