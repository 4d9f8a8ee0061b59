"""Records answer repr, == and hash as the dataclasses they replace would (drafting/records.py)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import field

import pytest

import drafting
from drafting.records import record


def _twins(frozen: bool = False, slots: bool = False):
    """The same class made by ``record`` and by ``dataclass``."""

    def body():
        class Sample:
            """A sample record."""

            name: str
            count: int = 0
            hidden: str = field(default="h", repr=False)
            loose: float = field(default=0.0, compare=False)
            unhashed: int = field(default=1, hash=False)
            items: tuple = ()

        return Sample

    return (record(frozen=frozen, slots=slots)(body()),
            dataclasses.dataclass(frozen=frozen, slots=slots)(body()))


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize("slots", [False, True])
def test_repr_eq_and_hash_as_a_dataclass(frozen, slots):
    ours, theirs = _twins(frozen, slots)
    nan = float("nan")
    values = [("a", 1, "x", 0.5, 2, ()), ("a", 1, "y", 0.7, 3, ()), ("b", 1, "x", 0.5, 2, (nan,)),
              ("a", 2, "x", 0.5, 2, (1, "q"))]
    for left in values:
        assert repr(ours(*left)) == repr(theirs(*left))
        for right in values:
            assert (ours(*left) == ours(*right)) == (theirs(*left) == theirs(*right))
            assert (ours(*left) != ours(*right)) == (theirs(*left) != theirs(*right))
            if frozen:
                assert (hash(ours(*left)) == hash(ours(*right))) == (hash(theirs(*left)) == hash(theirs(*right)))
    a = ours("a")
    assert a == a and (a == ("a",)) is False and a.__eq__(object()) is NotImplemented
    assert (ours.__hash__ is None) == (theirs.__hash__ is None) == (not frozen)
    if frozen:
        assert hash(ours("a", 1, "x", 9.0, 7)) == hash(theirs("a", 1, "x", 9.0, 7))
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.name = "b"
    assert dataclasses.replace(a, count=5) == ours("a", 5)
    assert dataclasses.asdict(a) == dataclasses.asdict(theirs("a"))
    assert ours.__match_args__ == theirs.__match_args__ and ours.__doc__ == theirs.__doc__


def test_a_record_that_holds_itself_and_a_subclass():
    ours, theirs = _twins()
    loop, loop_theirs = ours("a"), theirs("a")
    loop.items, loop_theirs.items = (loop,), (loop_theirs,)
    assert repr(loop) == repr(loop_theirs)
    assert repr(loop).endswith(".Sample(name='a', count=0, loose=0.0, unhashed=1, items=(...,))")

    class Plain(ours):
        pass

    @record
    class Wider(ours):
        """A subclass with a field more."""

        extra: int = 9

    assert repr(Plain("a")).endswith(".Plain(name='a', count=0, loose=0.0, unhashed=1, items=())")
    assert Plain("a") != ours("a") and Plain("a") == Plain("a")
    assert repr(Wider("a")).endswith(".Wider(name='a', count=0, loose=0.0, unhashed=1, items=(), extra=9)")
    assert Wider("a", extra=1) != Wider("a", extra=2)


def test_methods_a_class_defines_are_kept():
    @record
    class Own:
        """A record with its own methods."""

        value: int

        def __repr__(self) -> str:
            return "own"

        def __eq__(self, other) -> bool:
            return True

    @record(frozen=True)
    class OwnHash:
        """A frozen record with its own hash."""

        value: int

        def __hash__(self) -> int:
            return 7

    assert repr(Own(1)) == "own" and Own(1) == 5 and Own.__hash__ is None
    assert hash(OwnHash(1)) == 7 and OwnHash(1) == OwnHash(1)


def test_every_record_of_the_project_is_made_by_record():
    """No class of the project gets dataclass's compiled __repr__ and __eq__ back."""
    records = []
    for info in pkgutil.walk_packages(drafting.__path__, "drafting."):
        module = importlib.import_module(info.name)
        records += [obj for obj in vars(module).values()
                    if isinstance(obj, type) and obj.__module__ == info.name and dataclasses.is_dataclass(obj)]
    assert len(records) > 50
    assert [cls.__qualname__ for cls in records if "__record_shown__" not in cls.__dict__] == []
