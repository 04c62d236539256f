"""The command line's parser in Dutch: argparse's own texts (usage, headings, errors) translated."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

DUTCH: dict[str, str] = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r",
    "expected one argument": "hier hoort een waarde bij",
    "expected at most one argument": "hier hoort hoogstens één waarde bij",
    "expected at least one argument": "hier hoort ten minste één waarde bij",
    "expected %s argument": "hier hoort %s waarde bij",
    "expected %s arguments": "hier horen %s waarden bij",
    "ambiguous option: %(option)s could match %(matches)s": (
        "onduidelijke optie %(option)s: bedoelt u %(matches)s?"
    ),
    "ignored explicit argument %r": "deze optie krijgt geen waarde (%r)",
    "not allowed with argument %s": "niet samen met %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unexpected option string: %s": "onverwachte optie %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
}
"""argparse's messages (its gettext message ids) that a person can see, in Dutch."""


def dutch(message: str) -> str:
    """argparse's ``_()``: the Dutch of one of its messages."""
    return DUTCH.get(message, message)


def dutch_plural(singular: str, plural: str, count: int) -> str:
    """argparse's ``ngettext()``."""
    return dutch(singular if count == 1 else plural)


@contextmanager
def _speaking_dutch() -> Iterator[None]:
    """argparse looks its texts up through its module's ``_`` and ``ngettext`` (gettext, which
    has no Dutch catalogue for it): point them at :data:`DUTCH` while the parser works."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = dutch, dutch_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class DutchParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and error messages are Dutch; its sub-parsers too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _speaking_dutch():
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _speaking_dutch():
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _speaking_dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _speaking_dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with _speaking_dutch():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _speaking_dutch():
            super().error(message)
