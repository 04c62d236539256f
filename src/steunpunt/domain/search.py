"""How typed search text is read: a postcode, a phone number, or words, each in every way it can mean.

The README's table "How typed text is read" is the promise; this module turns typed text into
:class:`SearchQuery`, a union of readings (any may match), each reading a set of conditions
(all must match). The database layer turns the conditions into SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from steunpunt.domain.postcode import compact_postcode_query
from steunpunt.domain.text import fold

TUSSENVOEGSEL_WORDS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "t", "'s", "s", "ten", "ter", "te", "in", "op",
        "uit", "aan", "la", "le", "l'", "du", "d", "d'", "des", "von",
    }
)  # fmt: skip
"""Words read as (part of) a tussenvoegsel, and also as the start of an achternaam."""

MIN_ANYWHERE = 3
"""Words this long are looked for anywhere (the text index works on three characters)."""
POSTCODE_WORD_DIGITS = 4

_PHONE_LIKE = re.compile(r"^[\d\s\-+()./]+$")
_POSTCODE_START = re.compile(r"^\s*[1-9]\d{0,3}\s*$")
"""Up to four digits, not starting with 0: the start of a postcode (no phone number)."""
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


@dataclass(frozen=True)
class PostcodeStart:
    """The postcode as stored (``3811 AB``) starts with ``prefix``."""

    prefix: str


@dataclass(frozen=True)
class SurnameStart:
    """The folded achternaam starts with ``prefix``."""

    prefix: str


@dataclass(frozen=True)
class InfixIn:
    """The tussenvoegsel is one of these stored values."""

    infixes: frozenset[str]


@dataclass(frozen=True)
class PlaceIn:
    """The woonplaats is one of these stored values."""

    places: frozenset[str]


@dataclass(frozen=True)
class Anywhere:
    """``word`` is in the search text (name, street, postcode, phone, e-mail), or the
    woonplaats is one of ``places`` (the places whose name contains the word)."""

    word: str
    places: frozenset[str]


Condition = PostcodeStart | SurnameStart | InfixIn | PlaceIn | Anywhere
Reading = frozenset[Condition]


@dataclass(frozen=True)
class SearchQuery:
    """What typed text finds: everyone matching all conditions of at least one reading."""

    readings: tuple[Reading, ...] = (frozenset(),)

    @property
    def uses_text_index(self) -> bool:
        """Whether some condition needs the text index (a word or phone number)."""
        return any(isinstance(c, Anywhere) for reading in self.readings for c in reading)

    @property
    def uses_place_list(self) -> bool:
        """Whether some condition names woonplaatsen: thousands of people may match."""
        return any(
            isinstance(c, PlaceIn) or (isinstance(c, Anywhere) and c.places)
            for reading in self.readings
            for c in reading
        )


def place_key(text: str) -> str:
    """A woonplaats or typed words as compared: folded, hyphens read as spaces."""
    return " ".join(fold(text).replace("-", " ").split())


def infix_key(text: str) -> str:
    """A tussenvoegsel as compared: folded, without apostrophes (``van 't`` -> ``van t``)."""
    return " ".join(fold(text).translate(_APOSTROPHES).replace("'", "").split())


class Vocabulary:
    """The woonplaatsen and tussenvoegsels in the register (short lists), for reading words."""

    def __init__(self, places: Iterable[str] = (), infixes: Iterable[str] = ()) -> None:
        self._places = [(name, fold(name), place_key(name)) for name in set(places) if name]
        self._infixes = [(infix, infix_key(infix)) for infix in set(infixes) if infix]

    def places_containing(self, word: str) -> frozenset[str]:
        return frozenset(name for name, folded, _ in self._places if word in folded)

    def places_starting(self, words: str) -> frozenset[str]:
        key = place_key(words)
        return frozenset(name for name, _, place in self._places if place.startswith(key))

    def infixes_starting(self, words: Iterable[str]) -> frozenset[str]:
        key = infix_key(" ".join(words))
        return frozenset(infix for infix, folded in self._infixes if folded.startswith(key))


def parse_search(text: str, vocabulary: Vocabulary) -> SearchQuery:
    """Read typed text as a postcode, a phone number, or words (see the README's table)."""
    postcode = compact_postcode_query(text)
    if postcode is not None and not postcode.startswith("0"):  # no postcode starts with 0
        digits, letters = postcode[:4], postcode[4:]
        return _only(PostcodeStart(f"{digits} {letters}" if letters else digits))
    if _POSTCODE_START.match(text):
        return _only(PostcodeStart(text.strip()))
    if _PHONE_LIKE.match(text) and len(digits := phone_query_digits(text)) >= MIN_ANYWHERE:
        return _only(Anywhere(digits, vocabulary.places_containing(digits)))
    words = fold(text).translate(_APOSTROPHES).split()
    return SearchQuery(tuple(_WordReader(words, vocabulary).readings()))


def _only(condition: Condition) -> SearchQuery:
    return SearchQuery((frozenset({condition}),))


def phone_query_digits(text: str) -> str:
    """Digits as stored: Dutch numbers nationally (``+31 (0)6`` -> ``06``), others without ``00``."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.strip().startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        if digits.startswith("31"):
            national = digits[2:]
            digits = national if national.startswith("0") else "0" + national
    return digits


def _is_postcode_word(word: str) -> bool:
    return word.isdigit() and len(word) <= POSTCODE_WORD_DIGITS and word[0] != "0"


@dataclass(frozen=True)
class _Partial:
    """A reading while the words are read one by one."""

    conditions: frozenset[Condition] = frozenset()
    infix_words: tuple[str, ...] = ()
    surname: str = ""
    places: frozenset[str] | None = None


class _WordReader:
    """Every way to read the words: each word alone, or runs of words as a woonplaats."""

    def __init__(self, words: list[str], vocabulary: Vocabulary) -> None:
        self.words = words
        self.vocabulary = vocabulary
        self.found: set[Reading] = set()

    def readings(self) -> list[Reading]:
        """The distinct readings that can match someone in the register."""
        self._read(0, _Partial())
        return sorted(self.found, key=lambda reading: sorted(map(repr, reading)))

    def _read(self, index: int, partial: _Partial) -> None:
        if index == len(self.words):
            self.found.add(self._finish(partial))
            return
        self._read_place(index, partial)
        word = self.words[index]
        if _is_postcode_word(word):
            self._read(index + 1, _add(partial, PostcodeStart(word)))
        elif word in TUSSENVOEGSEL_WORDS:
            infix_words = (*partial.infix_words, word)
            if self.vocabulary.infixes_starting(infix_words):
                self._read(index + 1, replace(partial, infix_words=infix_words))
            self._read_surname(index, partial, word)
        elif len(word) < MIN_ANYWHERE:
            self._read_surname(index, partial, word)
        else:
            places = self.vocabulary.places_containing(word)
            self._read(index + 1, _add(partial, Anywhere(word, places)))

    def _read_place(self, index: int, partial: _Partial) -> None:
        """Runs of words from ``index`` that are the start of a woonplaats (3+ characters)."""
        for end in range(index + 1, len(self.words) + 1):
            run = " ".join(self.words[index:end])
            single = end == index + 1
            if len(place_key(run)) < MIN_ANYWHERE or (
                single and _is_anywhere_word(run) and "-" not in run
            ):
                continue  # a single word finds everyone living there through Anywhere
            matching = self.vocabulary.places_starting(run)
            if not matching:
                return  # a longer run starts no woonplaats either
            places = matching if partial.places is None else partial.places & matching
            if places:
                self._read(end, replace(partial, places=places))

    def _read_surname(self, index: int, partial: _Partial, word: str) -> None:
        longer, shorter = sorted((partial.surname, word), key=len, reverse=True)
        if longer.startswith(shorter):  # else no achternaam starts with both
            self._read(index + 1, replace(partial, surname=longer))

    def _finish(self, partial: _Partial) -> Reading:
        conditions = set(partial.conditions)
        if partial.infix_words:
            conditions.add(InfixIn(self.vocabulary.infixes_starting(partial.infix_words)))
        if partial.surname:
            conditions.add(SurnameStart(partial.surname))
        if partial.places is not None:
            conditions.add(PlaceIn(partial.places))
        return frozenset(conditions)


def _is_anywhere_word(word: str) -> bool:
    return (
        len(word) >= MIN_ANYWHERE
        and word not in TUSSENVOEGSEL_WORDS
        and not _is_postcode_word(word)
    )


def _add(partial: _Partial, condition: Condition) -> _Partial:
    return replace(partial, conditions=partial.conditions | {condition})
