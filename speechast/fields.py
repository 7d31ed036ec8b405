"""Metadata values of a document (see speechast.meta for how they are read)."""

from __future__ import annotations

import attrs

from speechast.pickling import by_values

Span = tuple[int, int]


@attrs.frozen
class Field:
    """A piece of metadata: ``text`` is exactly the source at ``span``; ``clean``
    is the value read from it when that differs (noise cut out, spaces or lines
    joined, a title pasted twice taken once); ``placeholder`` says it is anonymised."""

    text: str
    span: Span
    placeholder: bool = False
    clean: str | None = None

    @property
    def value(self) -> str:
        """The value as read: the clean text where there is one."""
        return self.text if self.clean is None else self.clean


@attrs.frozen
class DateField(Field):
    """A date; ``iso`` is YYYY-MM-DD, YYYY-MM or YYYY as far as it is known,
    None when a placeholder hides it."""

    iso: str | None = None


@attrs.frozen
class Speaker(Field):
    office: str | None = None
    name: str | None = None


@attrs.frozen
class Meta:
    title: Field | None = None
    subtitle: Field | None = None
    speaker: Speaker | None = None
    date: DateField | None = None
    occasion: Field | None = None
    salutation: Field | None = None
    intro: Field | None = None
    closing: Field | None = None


by_values(Field, DateField, Speaker, Meta)
