"""Elements made by the thousand (a paragraph in a style, a run in a formatting, a revision's
``w:ins``) copied from one made once.

lxml checks the namespace and the name of every element and attribute it creates, not of what it
copies: a copy costs a third of making the element anew.
"""

from __future__ import annotations


def copied(templates: dict, key, make):
    """A copy of the element kept in ``templates`` under ``key``, made by ``make()`` the first
    time (``__copy__`` copies an element whole, called without copy.copy's dispatch)."""
    template = templates.get(key)
    if template is None:
        template = templates[key] = make()
    return template.__copy__()
