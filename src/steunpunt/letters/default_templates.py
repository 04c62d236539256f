"""The Dutch templates every steunpunt starts with, one or more per letter kind."""

from __future__ import annotations

from dataclasses import dataclass

from steunpunt.domain.choices import LetterKind


@dataclass(frozen=True)
class DefaultTemplate:
    name: str
    kind: LetterKind
    subject: str
    body: str


DEFAULT_TEMPLATES = (
    DefaultTemplate(
        "Welkomstbrief",
        LetterKind.WELCOME,
        "Welkom bij {organisatie}",
        """{aanhef},

Fijn dat u zich heeft ingeschreven als mantelzorger bij {organisatie}. U zorgt voor iemand \
die u na staat, en dat verdient steun en waardering. Met deze brief bevestigen wij uw \
inschrijving.

Wat kunnen wij voor u doen?

- een luisterend oor en advies als de zorg zwaar wordt;
- informatie over respijtzorg, zodat u de zorg even kunt overdragen;
- hulp bij het regelen van ondersteuning bij de gemeente;
- bijeenkomsten en activiteiten met andere mantelzorgers.

Wilt u iets veranderen in uw gegevens, of wilt u liever geen post meer van ons ontvangen? \
Bel ons op {telefoon_organisatie} of mail naar {email_organisatie}. Noem dan uw kenmerk \
**{kenmerk}**.

Wij kijken ernaar uit u te ontmoeten.""",
    ),
    DefaultTemplate(
        "Uitnodiging Dag van de Mantelzorg",
        LetterKind.DAY_OF_CARE,
        "Uitnodiging Dag van de Mantelzorg",
        """{aanhef},

Op 10 november is het de Dag van de Mantelzorg. Op die dag staan we stil bij alles wat \
mantelzorgers doen. Wij nodigen u van harte uit voor een middag vol ontmoeting en \
ontspanning, speciaal voor u.

- **Wanneer:** zaterdag 14 november, van 14.00 tot 17.00 uur
- **Waar:** in het buurthuis (het adres staat in de bijlage)
- **Kosten:** gratis; u mag iemand meenemen

Aanmelden kan tot 1 november via {telefoon_organisatie} of {email_organisatie}. Vermeld \
daarbij uw kenmerk {kenmerk}. Heeft u vervoer of vervangende zorg nodig om te kunnen komen? \
Laat het ons weten, dan denken we met u mee.

Wij hopen u te zien!""",
    ),
    DefaultTemplate(
        "Vrije brief",
        LetterKind.FREE,
        "",
        """{aanhef},

Schrijf hier uw tekst. Een lege regel begint een nieuwe alinea. Zet **woorden tussen twee \
sterretjes** voor vet en *tussen één sterretje* voor schuin.

- Een regel die begint met een streepje wordt een opsommingsteken.""",
    ),
)
