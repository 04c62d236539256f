"""How typed search text is read: a postcode, a phone number, or words, each in every way it can mean.

The README's table "How typed text is read" is the promise; this module turns typed text into
:class:`SearchQuery`, a union of readings (any may match), each reading a set of conditions
(all must match). The database layer turns the conditions into SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from steunpunt.domain.input_policy import normalise_text
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
    """``word`` is in the search text (name, initials, postcode, street, phone digits, e-mail),
    or the woonplaats is one of ``places`` (the places whose folded name contains it)."""

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
    text = normalise_text(text)
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
class _State:
    """What the words read so far ask of the tussenvoegsel, achternaam and woonplaats."""

    infix_words: tuple[str, ...] = ()
    surname: str = ""
    places: frozenset[str] | None = None


class _WordReader:
    """Every way to read the words: each word alone, or runs of words as a woonplaats.

    The readings of the words from a position on depend only on that position and the state,
    so they are remembered: pasted text with many repeated words stays quick to read.
    """

    def __init__(self, words: list[str], vocabulary: Vocabulary) -> None:
        self.words = words
        self.vocabulary = vocabulary
        self.memo: dict[tuple[int, _State], frozenset[Reading]] = {}

    def readings(self) -> list[Reading]:
        """The distinct readings that can match someone in the register, without the ones that
        ask all another one asks and more (they find nobody the other does not)."""
        found = self._read(0, _State())
        needed = [r for r in found if not any(other < r for other in found)]
        return sorted(needed, key=lambda reading: sorted(map(repr, reading)))

    def _read(self, index: int, state: _State) -> frozenset[Reading]:
        key = (index, state)
        if key not in self.memo:
            self.memo[key] = frozenset(self._branches(index, state))
        return self.memo[key]

    def _branches(self, index: int, state: _State) -> Iterator[Reading]:
        if index == len(self.words):
            yield self._finish(state)
            return
        yield from self._read_place(index, state)
        word = self.words[index]
        if _is_postcode_word(word):
            yield from self._then(index, state, PostcodeStart(word))
        elif word in TUSSENVOEGSEL_WORDS:
            infix_words = (*state.infix_words, word)
            if self.vocabulary.infixes_starting(infix_words):
                yield from self._read(index + 1, replace(state, infix_words=infix_words))
            yield from self._read_surname(index, state, word)
        elif len(word) < MIN_ANYWHERE:
            yield from self._read_surname(index, state, word)
        else:
            places = self.vocabulary.places_containing(word)
            yield from self._then(index, state, Anywhere(word, places))

    def _then(self, index: int, state: _State, condition: Condition) -> Iterator[Reading]:
        return (reading | {condition} for reading in self._read(index + 1, state))

    def _read_place(self, index: int, state: _State) -> Iterator[Reading]:
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
            places = matching if state.places is None else state.places & matching
            if places:
                yield from self._read(end, replace(state, places=places))

    def _read_surname(self, index: int, state: _State, word: str) -> Iterator[Reading]:
        longer, shorter = sorted((state.surname, word), key=len, reverse=True)
        if longer.startswith(shorter):  # else no achternaam starts with both
            yield from self._read(index + 1, replace(state, surname=longer))

    def _finish(self, state: _State) -> Reading:
        conditions: set[Condition] = set()
        if state.infix_words:
            conditions.add(InfixIn(self.vocabulary.infixes_starting(state.infix_words)))
        if state.surname:
            conditions.add(SurnameStart(state.surname))
        if state.places is not None:
            conditions.add(PlaceIn(state.places))
        return frozenset(conditions)


def _is_anywhere_word(word: str) -> bool:
    return (
        len(word) >= MIN_ANYWHERE
        and word not in TUSSENVOEGSEL_WORDS
        and not _is_postcode_word(word)
    )
