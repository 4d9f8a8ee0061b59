"""Record classes: ``dataclasses.dataclass`` whose ``__repr__`` and ``__eq__`` (and a frozen
record's ``__hash__``) are methods shared by every record, not compiled for each class.

On Python 3.11 ``dataclass`` writes each method it adds as source text and compiles it when the
class is made. For the 37 records that redlining two Word files loads, ``__repr__`` and
``__eq__`` cost 47 M instructions, 6% of the whole command, and no command of this toolkit
calls them on its way (equality and printing serve tests and debugging). ``__init__`` stays
``dataclass``'s own; everything else a dataclass has (fields, ``replace``, ``asdict``,
``__match_args__``, slots) is unchanged.

The shared methods answer as the generated ones do:

- ``repr``: ``Name(a=1, b='x')`` over the fields with ``repr=True``, ``...`` for a record that
  holds itself;
- ``==``: for two records of the same class, the tuples of their fields with ``compare=True``
  compared (so an element is equal to itself, as in a tuple), else ``NotImplemented``;
- ``hash``: none for a mutable record; for a frozen one the hash of the tuple of its fields with
  ``hash=True``, or ``hash=None`` and ``compare=True``;

and, as ``dataclass`` does, a method the class defines itself is kept.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Callable, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


def _tuple_of(names: tuple[str, ...]) -> Callable[[object], tuple]:
    """A function giving the tuple of the named attributes (one, or none, a tuple still)."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    if not names:
        return lambda obj: ()
    return attrgetter(*names)


@recursive_repr()
def _repr(self) -> str:
    shown = type(self).__record_shown__
    return f"{type(self).__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"


def _eq(self, other):
    if other.__class__ is self.__class__:
        compared = self.__class__.__record_compared__
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self) -> int:
    return hash(self.__class__.__record_hashed__(self))


@dataclass_transform(field_specifiers=(field, Field))   # (type checkers read records as dataclasses)
def record(cls: T | None = None, /, *, frozen: bool = False, slots: bool = False) -> T | Callable[[T], T]:
    """``@record``, ``@record(frozen=True)``, ``@record(slots=True)``: ``@dataclass`` with the
    shared ``__repr__``, ``__eq__`` and ``__hash__`` (see the module's note)."""

    def wrap(cls: T) -> T:
        own = cls.__dict__
        class_hash = own.get("__hash__", MISSING)
        explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in own))
        own_repr, own_eq = "__repr__" in own, "__eq__" in own
        made = dataclass(cls, repr=False, eq=False, frozen=frozen, slots=slots)
        every = fields(made)
        made.__record_shown__ = tuple(f.name for f in every if f.repr)
        made.__record_compared__ = _tuple_of(tuple(f.name for f in every if f.compare))
        if not own_repr:
            made.__repr__ = _repr
        if not own_eq:
            made.__eq__ = _eq
        if not explicit_hash:
            if frozen:
                made.__record_hashed__ = _tuple_of(tuple(
                    f.name for f in every if (f.compare if f.hash is None else f.hash)))
                made.__hash__ = _hash
            else:
                made.__hash__ = None
        return made

    return wrap if cls is None else wrap(cls)
