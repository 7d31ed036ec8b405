"""Named rules in ordered chains, and the options that switch them off.

A chain is an ordered list of (name, function): the stage that owns it runs
the functions in order, and either the first that answers wins (a first-match
chain) or each applies in turn, as that stage's docstring says. Every rule of
every chain has a name unique across the project, so
``parse(text, disable={"chunk-numbers"})`` switches one off, and a test can
show what each rule contributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, TypeVar

import attrs

F = TypeVar("F")
T = TypeVar("T")

_CHAINS: list[Chain[Any]] = []


class Chain(Generic[F]):
    """An ordered list of named rules, registered for listing and switching off."""

    def __init__(self, name: str, doc: str) -> None:
        self.name = name
        self.doc = doc
        self.rules: list[tuple[str, F]] = []
        self._active: dict[frozenset[str], tuple[F, ...]] = {}
        _CHAINS.append(self)

    def rule(self, name: str) -> Callable[[F], F]:
        """Decorator: append ``fn`` to the chain under ``name``."""

        def add(fn: F) -> F:
            if name in _all_names():
                raise ValueError(f"rule name {name!r} is taken")
            self.rules.append((name, fn))
            self._active.clear()
            return fn

        return add

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.rules)

    def active(self, disabled: frozenset[str]) -> tuple[F, ...]:
        """The rules in order, less the disabled ones (cached per set)."""
        found = self._active.get(disabled)
        if found is None:
            found = tuple(fn for name, fn in self.rules if name not in disabled)
            self._active[disabled] = found
        return found


# The chains in the order the pipeline runs them: lines, then blocks (see
# speechast.blocks), then the outline (speechast.levels) with the title and
# inline rules it calls.
PIPELINE = (
    "line-stages", "line-start", "line-claims", "line-splits", "inline-noise", "line-noise",
    "block-stages", "outline", "title-line-end", "title-end", "inline-runs",
)  # fmt: skip


def first_answer(rules: Iterable[Callable[..., T | None]], *args: Any) -> T | None:
    """Run a first-match chain: the first answer that is not None, else None."""
    for rule in rules:
        answer = rule(*args)
        if answer is not None:
            return answer
    return None


def chains() -> tuple[Chain[Any], ...]:
    """Every chain in the order the pipeline runs them."""
    import speechast.parser  # noqa: F401  (importing the pipeline registers its chains)

    return tuple(sorted(_CHAINS, key=lambda chain: PIPELINE.index(chain.name)))


def _all_names() -> set[str]:
    return {name for chain in _CHAINS for name in chain.names}


def rule_names() -> tuple[str, ...]:
    """Every rule's name, chain by chain, in order."""
    return tuple(name for chain in chains() for name in chain.names)


@attrs.frozen
class ParseOptions:
    """What a parse may leave out: rules switched off by name."""

    disable: frozenset[str] = frozenset()

    def __attrs_post_init__(self) -> None:
        unknown = self.disable - set(rule_names())
        if unknown:
            raise ValueError(f"no such rule: {', '.join(sorted(unknown))}")

    def on(self, name: str) -> bool:
        return name not in self.disable


DEFAULT = ParseOptions()

# The options of the parse in progress: lark builds the lexer and postlexer
# once per process, so they read a parse's options here.
_CURRENT: ContextVar[ParseOptions] = ContextVar("speechast_options", default=DEFAULT)


def current() -> ParseOptions:
    return _CURRENT.get()


@contextmanager
def using(options: ParseOptions) -> Iterator[None]:
    token = _CURRENT.set(options)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def options_of(disable: Iterable[str] | ParseOptions | None) -> ParseOptions:
    if disable is None:
        return DEFAULT
    if isinstance(disable, ParseOptions):
        return disable
    names: frozenset[str] = frozenset(disable)
    return ParseOptions(disable=names)
