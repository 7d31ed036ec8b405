"""Pickling nodes as their class and field values.

attrs pickles a frozen slotted instance as a dict of its fields, rebuilt by a
Python ``__setstate__``: for a document sent back by a worker process that
cost about as much again as the parse's own share of the parent's time. A
(class, values) pair is smaller and is rebuilt through the class's own
``__init__``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import attrs


def by_values(*classes: type) -> None:
    """Pickle each class (an attrs class whose fields are all positional) by its values."""
    for cls in classes:
        fields = attrs.fields(cls)
        if any(field.kw_only or not field.init for field in fields):
            raise TypeError(f"{cls.__name__}: cls(*values) cannot rebuild it")
        names = [field.name for field in fields]
        setattr(cls, "__reduce__", _reducer(cls, names))  # noqa: B010 (mypy refuses the assignment)


def _reducer(cls: type, names: list[str]) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    if len(names) == 1:
        name = names[0]

        def reduce_one(self: Any) -> tuple[type, tuple[Any, ...]]:
            return cls, (getattr(self, name),)

        return reduce_one
    values = operator.attrgetter(*names)

    def reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    return reduce
