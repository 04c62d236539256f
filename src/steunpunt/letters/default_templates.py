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
    DefaultTemplate(
        "Compliment: ontvangstbevestiging",
        LetterKind.COMPLIMENT_RECEIVED,
        "Uw aanvraag voor het mantelzorgcompliment {ronde}",
        """{aanhef},

Wij hebben uw aanvraag voor het mantelzorgcompliment ontvangen, voor de zorg aan {naaste}. \
Dank u wel.

Wij beoordelen uw aanvraag zo snel mogelijk. U krijgt van ons een brief met de uitkomst. \
Heeft u vragen? Bel {telefoon_organisatie} of mail {email_organisatie} en noem uw kenmerk \
{kenmerk}.""",
    ),
    DefaultTemplate(
        "Compliment: toekenning",
        LetterKind.COMPLIMENT_GRANTED,
        "Uw mantelzorgcompliment {ronde}",
        """{aanhef},

Wat fijn dat u zorgt voor {naaste}. Als blijk van waardering ontvangt u het \
mantelzorgcompliment van **{bedrag}**.

Wij maken het bedrag over rond **{betaaldatum}**, op het rekeningnummer dat u bij de aanvraag \
heeft opgegeven.

Heeft u vragen? Bel {telefoon_organisatie} of mail {email_organisatie} en noem uw kenmerk \
{kenmerk}.""",
    ),
    DefaultTemplate(
        "Compliment: afwijzing",
        LetterKind.COMPLIMENT_REFUSED,
        "Uw aanvraag voor het mantelzorgcompliment {ronde}",
        """{aanhef},

U heeft het mantelzorgcompliment aangevraagd voor de zorg aan {naaste}. Wij hebben uw \
aanvraag zorgvuldig bekeken. Helaas kunnen wij het compliment niet toekennen, omdat \
{redenen}.

Bent u het niet eens met dit besluit? Dan kunt u tot en met **{bezwaartermijn}** bezwaar \
maken. Schrijf ons een brief of mail naar {email_organisatie} en vertel waarom u het er niet \
mee eens bent. Noem daarbij uw kenmerk {kenmerk}.

Wij blijven graag voor u klaarstaan met advies en ondersteuning.""",
    ),
    DefaultTemplate(
        "Compliment: controlebrief",
        LetterKind.COMPLIMENT_CONTROL,
        "Controle aanvraag mantelzorgcompliment {ronde}",
        """{aanhef},

{mantelzorger} heeft het mantelzorgcompliment aangevraagd voor de zorg die hij of zij aan \
u geeft. Wij vragen u dit te bevestigen.

Wilt u de antwoordstrook onder deze brief invullen, ondertekenen en uiterlijk \
**{uiterlijk}** terugsturen naar het adres bovenaan? Zonder uw bevestiging kunnen wij het \
compliment niet toekennen.

Heeft u vragen? Bel {telefoon_organisatie} en noem kenmerk {kenmerk}.

---

**Antwoordstrook** (kenmerk {kenmerk}), terugsturen uiterlijk {uiterlijk}

Ik bevestig dat {mantelzorger} mantelzorg aan mij geeft.

Naam: ..................................................................
Datum: ..................................................................
Handtekening: ..........................................................""",
    ),
    DefaultTemplate(
        "Compliment: herinnering",
        LetterKind.COMPLIMENT_REMINDER,
        "Vraag het mantelzorgcompliment {ronde} aan",
        """{aanhef},

Vorig jaar ontving u het mantelzorgcompliment. Zorgt u nog steeds voor iemand? Dan kunt u \
het compliment opnieuw aanvragen, tot en met **{sluitingsdatum}**.

Aanvragen kan met het formulier, telefonisch via {telefoon_organisatie} of per e-mail naar \
{email_organisatie}.""",
    ),
    DefaultTemplate(
        "Huishoudelijke hulp: bewijs van inschrijving",
        LetterKind.HOUSEHOLD_HELP_PROOF,
        "Verklaring van inschrijving als mantelzorger",
        """{aanhef},

U vraagt huishoudelijke hulp aan bij {aanbieder}. Daarvoor heeft u een bewijs nodig dat u \
bij ons staat ingeschreven als mantelzorger. Dat is deze brief: geef hem aan {aanbieder}.

**Verklaring.** {organisatie} verklaart dat {naam}, {adres}, {postcode} {woonplaats}, sinds \
{ingeschreven_sinds} bij ons staat ingeschreven als mantelzorger.

Heeft {aanbieder} vragen over deze verklaring? Dan kan zij ons bellen op \
{telefoon_organisatie} en kenmerk {kenmerk} noemen.""",
    ),
    DefaultTemplate(
        "Huishoudelijke hulp: toekenning",
        LetterKind.HOUSEHOLD_HELP_GRANTED,
        "Huishoudelijke hulp voor u als mantelzorger",
        """{aanhef},

Goed nieuws: u krijgt huishoudelijke hulp om u als mantelzorger te ontlasten.

- Aanbieder: {aanbieder}
- Waar: {huishouden}
- Van {begindatum} tot en met {einddatum}
- {uren_per_week} uur per week, samen hoogstens {uren_per_jaar} uur per jaar
- Eigen bijdrage: {eigen_bijdrage} per uur, te betalen aan {aanbieder}

{aanbieder} neemt contact met u op om de eerste afspraak te maken. Halverwege bellen wij u om \
te horen hoe het gaat. Heeft u vragen? Bel {telefoon_organisatie} en noem kenmerk {kenmerk}.""",
    ),
)
