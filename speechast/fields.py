"""Metadata values of a document (see speechast.meta for how they are read)."""

from __future__ import annotations

import attrs

Span = tuple[int, int]


@attrs.frozen
class Field:
    """A piece of metadata as written, where it stands, and whether it is anonymised."""

    text: str
    span: Span
    placeholder: bool = False


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
