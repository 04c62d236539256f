"""Static data for the demo: places, streets, names, conditions, notes and weighted choices."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping
from itertools import accumulate
from typing import Generic, TypeVar

from steunpunt.domain.choices import (
    ConsentMethod,
    ContactKind,
    EndReason,
    LivingSituation,
    RelationType,
    Source,
)

T = TypeVar("T")
R = RelationType
L = LivingSituation


class Weighted(Generic[T]):
    """A weighted choice among the keys of a mapping; cumulative weights are computed once."""

    def __init__(self, weights: Mapping[T, float]) -> None:
        self.values = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.values[bisect(self.cumulative, rng.random() * self.total)]


# (place, gemeente, weight ~ inhabitants in thousands, first and last postcode digits, area code)
PLACES: tuple[tuple[str, str, int, int, int, str], ...] = (
    ("Amersfoort", "Amersfoort", 140, 3811, 3826, "033"),
    ("Hoogland", "Amersfoort", 10, 3828, 3828, "033"),
    ("Hooglanderveen", "Amersfoort", 4, 3829, 3829, "033"),
    ("Soest", "Soest", 38, 3761, 3768, "035"),
    ("Soesterberg", "Soest", 7, 3769, 3769, "0346"),
    ("Baarn", "Baarn", 24, 3741, 3744, "035"),
    ("Lage Vuursche", "Baarn", 1, 3749, 3749, "035"),
    ("Eemnes", "Eemnes", 9, 3755, 3755, "035"),
    ("Zeist", "Zeist", 52, 3701, 3709, "030"),
    ("Den Dolder", "Zeist", 6, 3734, 3734, "030"),
    ("Huis ter Heide", "Zeist", 4, 3712, 3712, "030"),
    ("Austerlitz", "Zeist", 2, 3711, 3711, "0343"),
    ("Bosch en Duin", "Zeist", 1, 3735, 3735, "030"),
    ("De Bilt", "De Bilt", 12, 3731, 3732, "030"),
    ("Bilthoven", "De Bilt", 21, 3720, 3723, "030"),
    ("Maartensdijk", "De Bilt", 6, 3738, 3738, "0346"),
    ("Groenekan", "De Bilt", 2, 3737, 3737, "030"),
    ("Westbroek", "De Bilt", 2, 3615, 3615, "0346"),
    ("Hollandsche Rading", "De Bilt", 1, 3739, 3739, "035"),
    ("Leusden", "Leusden", 27, 3831, 3833, "033"),
    ("Achterveld", "Leusden", 3, 3791, 3791, "0342"),
    ("Stoutenburg", "Leusden", 1, 3835, 3835, "033"),
    ("Bunschoten-Spakenburg", "Bunschoten", 21, 3751, 3752, "033"),
    ("Eemdijk", "Bunschoten", 1, 3754, 3754, "033"),
)

COMMON_STREETS = (
    "Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Nieuwstraat",
    "Torenlaan", "Brinkweg", "Julianalaan", "Wilhelminalaan", "Emmalaan", "Beatrixlaan",
    "Oranjestraat", "Prins Bernhardlaan", "Industrieweg", "Parkweg",
)  # fmt: skip

STREET_STEMS = (
    "Beuken", "Eiken", "Linden", "Berken", "Kastanje", "Esdoorn", "Wilgen", "Populieren",
    "Dennen", "Iepen", "Platanen", "Acacia", "Lariks", "Rozen", "Tulpen", "Lelie", "Anjer",
    "Narcissen", "Krokus", "Seringen", "Jasmijn", "Klaproos", "Zonnebloem", "Merel",
    "Lijster", "Zwaluw", "Reiger", "Kievit", "Vinken", "Specht", "Buizerd", "Roodborst",
    "Koekoek", "Rembrandt", "Vermeer", "Frans Hals", "Jan Steen", "Van Gogh", "Mondriaan",
    "Vondel", "Bilderdijk", "Multatuli", "Potgieter", "Huygens", "Hobbema", "Ruysdael",
    "Heide", "Eng", "Veld", "Bosch", "Duinen", "Akker", "Weide", "Beek", "Dijk", "Hoeve",
    "Kamp", "Brink", "Eem", "Gooi", "Utrechtse", "Amersfoortse", "Soester", "Baarnse",
)  # fmt: skip

# suffix and weight; Faker's nl_NL street suffixes, weighted by how often they occur
STREET_SUFFIXES = Weighted(
    {"straat": 30, "laan": 30, "weg": 15, "hof": 6, "plein": 3, "pad": 3, "dreef": 3,
     "singel": 3, "erf": 2, "ring": 2, "steeg": 1, "kade": 2}
)  # fmt: skip

# First names by generation; people born from 1985 get names from Faker's nl_NL lists.
OLD_MALE = (
    "Jan", "Johannes", "Cornelis", "Hendrik", "Gerrit", "Willem", "Pieter", "Jacobus", "Gerard",
    "Henk", "Kees", "Piet", "Wim", "Gert", "Theo", "Ton", "Frans", "Joop", "Bert", "Harry",
    "Hans", "Ad", "Dirk", "Evert", "Klaas", "Arie", "Teun", "Anton", "Leendert", "Gijs",
    "Adrianus", "Wouter", "Huib", "Rien", "Aart", "Dick", "Herman", "Nico", "Jaap", "Berend",
)  # fmt: skip
OLD_FEMALE = (
    "Maria", "Johanna", "Anna", "Cornelia", "Wilhelmina", "Hendrika", "Elisabeth", "Geertruida",
    "Margaretha", "Ria", "Annie", "Truus", "Riet", "Corrie", "Nel", "Joke", "Ineke", "Gerda",
    "Tineke", "Henny", "Wil", "Bep", "Lies", "Ans", "Greet", "Els", "Marian", "Thea", "Trees",
    "Dini", "Jannie", "Mies", "Aaltje", "Gré", "Willy", "Hennie", "Rika", "Toos", "Jopie",
)  # fmt: skip
MID_MALE = (
    "Peter", "Marco", "Erik", "Martin", "Mark", "Richard", "Paul", "Robert", "Frank", "Michel",
    "Dennis", "Patrick", "Jeroen", "Arjan", "Edwin", "Ronald", "René", "Marcel", "Sander",
    "Bas", "Jasper", "Ruud", "Johan", "André", "Gerben", "Maarten", "Erwin", "Remco", "Rob",
    "Vincent", "Alex", "Wilco", "Bart", "Roel", "Joost", "Arno", "Michaël",
)  # fmt: skip
MID_FEMALE = (
    "Monique", "Sandra", "Petra", "Marjolein", "Linda", "Ingrid", "Anja", "Esther", "Marieke",
    "Karin", "Saskia", "Miranda", "Wendy", "Bianca", "Mirjam", "Annemiek", "Marloes", "Jolanda",
    "Ilse", "Femke", "Inge", "Anouk", "Chantal", "Yvonne", "Renée", "Astrid", "Caroline",
    "Natasja", "Judith", "Mariëlle", "Mariska", "Daniëlle", "Hélène", "Ellen", "Manon", "Nicole",
)  # fmt: skip
# A second voornaam, as older registers often keep it ("Anna Maria", "Jan Willem").
SECOND_MALE = ("Willem", "Pieter", "Hendrik", "Jan", "Cornelis", "Johannes", "Maria")
SECOND_FEMALE = ("Maria", "Johanna", "Cornelia", "Elisabeth", "Wilhelmina", "Anna", "Catharina")

# The most frequent Dutch surnames, tussenvoegsel written in front.
COMMON_SURNAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten",
    "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster",
    "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers",
    "van Wijk", "Post", "Kuiper", "Veenstra", "Kramer", "van den Brink", "Scholten",
    "van Wijngaarden", "Martens", "Vink", "de Ruiter", "Timmermans", "Jonker", "van Rijn",
    "Groen", "Bosman", "Gerritsen", "Verbeek", "Hermans", "Klein", "van der Steen", "ter Horst",
    "van 't Hof", "Wolters", "van Ginkel", "Hagen", "van Ark", "Koelewijn", "Schipper",
    "Hilhorst", "van Woudenberg", "Dorresteijn", "Boeve", "de Kruijf", "van Twillert",
    "ten Hove", "van Ee", "Westland", "Kamp", "van Hamersveld", "Hop", "Bouw",
)  # fmt: skip
# Faker's nl_NL surnames include medieval and foreign ones that would look odd in a register.
FAKER_SURNAME_SKIP = frozenset(
    (
        "Adriaensdr", "Aertsz", "Alpaidis", "Amalrada", "Billung", "Blewanus", "Breugelensis",
        "Chrodtrud", "Claesdr", "Cornelisz", "Jansdr", "Jdotte", "Jeggij", "Oemencs", "Oda",
        "Saxo", "Segerszoen", "Slaetsdochter", "Stoffelsz", "Welf", "Wolfsdr", "Woutersz",
        "Winnrich", "Jones", "Smith", "Wright", "Thatcher", "Horrocks", "Rackham", "Glasses",
        "Totwiller", "Freshour", "Lathrope", "Matthews", "Perkins", "Mosley", "Drysdale",
    )
)  # fmt: skip
FAKER_INFIX_SKIP = ("van Wessex", "van Bernicia", "van Zwaben", "van Saksen", "van Laon")

INFIXES = (
    "van der", "van den", "van de", "van het", "van 't", "in 't", "op de", "op den", "uit de",
    "uit den", "aan de", "'s", "de", "den", "der", "ter", "ten", "te", "van", "het", "'t", "le",
)  # fmt: skip

# Names with letters beyond ASCII, by origin: (male first, female first, male and female surnames)
OTHER_ORIGINS: tuple[
    tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...
] = (
    (
        ("Mehmet", "Hüseyin", "Çağlar", "Oğuz", "Ömer", "Murat", "Emre"),
        ("Ayşe", "Fatma", "Elif", "Büşra", "Gülsen", "Şeyma", "Zeynep"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Doğan", "Yıldız"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Doğan", "Yıldız"),
    ),
    (
        ("Łukasz", "Paweł", "Wojciech", "Krzysztof", "Michał", "Tomasz"),
        ("Małgorzata", "Agnieszka", "Katarzyna", "Joanna", "Żaneta", "Grażyna"),
        ("Wiśniewski", "Nowak", "Kowalski", "Wójcik", "Kamiński", "Dąbrowski", "Zieliński"),
        ("Wiśniewska", "Nowak", "Kowalska", "Wójcik", "Kamińska", "Dąbrowska", "Zielińska"),
    ),
    (
        ("Noël", "Raphaël", "Joël", "Michaël", "Loïc", "Gaël"),
        ("Zoë", "Chloé", "Anaïs", "Noëlle", "Loïs", "Mariëlle", "Renée"),
        ("de Boer", "Mulder", "van Dijk", "Bakker", "Visser", "Smit", "van den Berg"),
        ("de Boer", "Mulder", "van Dijk", "Bakker", "Visser", "Smit", "van den Berg"),
    ),
)

# The name part of every e-mail domain ends in the reserved ".example": demo mail reaches no one.
EMAIL_DOMAINS = Weighted(
    {"gmail.example": 28, "hotmail.example": 20, "ziggo.example": 12, "kpnmail.example": 10,
     "outlook.example": 9, "planet.example": 5, "home.example": 4, "live.example": 4,
     "icloud.example": 4, "xs4all.example": 2, "hetnet.example": 2}
)  # fmt: skip
BANKS = Weighted({"INGB": 35, "RABO": 30, "ABNA": 20, "SNSB": 6, "ASNB": 3, "TRIO": 2,
                  "KNAB": 2, "BUNQ": 2})  # fmt: skip

# Ziektebeeld by the naaste's age: under 18, 18 to 64, 65 and older.
CONDITIONS = (
    Weighted(
        {"autisme": 25, "verstandelijke beperking": 20, "meervoudige beperking": 10, "ADHD": 10,
         "epilepsie": 8, "chronische ziekte": 10, "syndroom van Down": 8, "kanker": 3,
         "diabetes type 1": 4, "lichamelijke beperking": 2}
    ),
    Weighted(
        {"kanker": 15, "psychische aandoening": 15, "MS": 10, "NAH": 10,
         "verstandelijke beperking": 10, "CVA/beroerte": 6, "reuma": 5, "verslaving": 4,
         "ziekte van Parkinson": 3, "ALS": 2, "autisme": 5, "chronische pijn": 4,
         "jonge dementie": 3, "hartfalen": 3, "ziekte van Crohn": 2, "lichamelijke beperking": 3}
    ),
    Weighted(
        {"dementie": 25, "ouderdom/kwetsbaarheid": 15, "CVA/beroerte": 10, "kanker": 8,
         "hartfalen": 8, "COPD": 7, "ziekte van Parkinson": 6, "diabetes": 4, "slechtziend": 3,
         "artrose": 3, "dementie; slechthorend": 3, "depressie": 2, "NAH": 2, "nierfalen": 2,
         "palliatieve fase": 2}
    ),
)  # fmt: skip

CAREGIVER_NOTES = (
    "Slechthorend; bij voorkeur per e-mail of brief.",
    "Werkt fulltime; bellen na 17.00 uur.",
    "Combineert de zorg met studie.",
    "Heeft belangstelling voor de lotgenotengroep.",
    "Wil graag de nieuwsbrief op papier.",
    "Spreekt beperkt Nederlands; dochter tolkt bij gesprekken.",
    "Zorgt ook voor kleinkinderen op woensdag.",
    "Liever geen huisbezoek; afspraken op het steunpunt.",
    "Ervaart weinig steun uit de familie.",
    "Aangemeld voor de cursus Omgaan met dementie.",
)
RECIPIENT_NOTES = (
    "Dagbesteding op dinsdag en donderdag.",
    "Staat op de wachtlijst voor een verpleeghuis.",
    "Heeft een casemanager dementie.",
    "Thuiszorg komt twee keer per dag.",
    "Gaat één weekend per maand naar een logeerhuis.",
    "Heeft een rolstoel en een traplift.",
    "Krijgt maaltijden aan huis.",
)

INTAKE_NOTES = (
    "Kennismakingsgesprek; situatie en wensen in kaart gebracht.",
    "Intake gedaan; informatie over het steunpunt en het mantelzorgcompliment gegeven.",
    "Eerste gesprek; mantelzorger voelt zich soms overbelast, EDIZ afgenomen.",
    "Aanmelding besproken; toestemming voor registratie getekend.",
)
CONTACT_NOTES = (
    "Telefonisch gesproken over respijtzorg; folder toegestuurd.",
    "Gebeld om te vragen hoe het gaat; situatie stabiel.",
    "Vraag over het mantelzorgcompliment beantwoord.",
    "Informatie gegeven over huishoudelijke hulp voor de mantelzorger.",
    "Doorverwezen naar het wijkteam voor aanvullende ondersteuning.",
    "Besproken dat de naaste naar de dagbesteding kan; contact met Wmo-consulent gelegd.",
    "Mantelzorger geeft aan moe te zijn; over logeeropvang gesproken.",
    "Uitnodiging Dag van de Mantelzorg besproken; mantelzorger komt graag.",
    "Huisbezoek: zorgtaken en planning doorgenomen.",
    "Gesprek over de combinatie van werk en zorg; verwezen naar werkgeversregeling.",
    "Mantelzorger wil een vrijwilliger voor een middag per week; aanvraag gedaan.",
    "Navraag na opname van de naaste in het ziekenhuis.",
    "Contact met casemanager dementie over de thuissituatie.",
    "Mail ontvangen met vragen over de mantelzorgwaardering; beantwoord.",
    "Aanmelding lotgenotengroep bevestigd.",
    "Herhaling EDIZ afgesproken over drie maanden.",
    "Mantelzorger meldt verbetering sinds de inzet van thuiszorg.",
    "Informatie over de mantelzorgmakelaar gegeven.",
    "Afspraak gemaakt voor een huisbezoek volgende week.",
    "Adreswijziging doorgegeven en verwerkt.",
    "Gesproken over rouw na het overlijden van de naaste.",
    "Naaste verhuist naar een Wlz-instelling; mantelzorger blijft betrokken.",
    "Vraag over parkeerkaart voor gehandicapten; verwezen naar de gemeente.",
    "Gesprek op het steunpunt over het vinden van balans; tips meegegeven.",
    "Nieuwsbrief en activiteitenkalender toegestuurd per e-mail.",
    "Telefonisch niet bereikt; voicemail ingesproken.",
    "Cursus Mantelzorg en werk aangeboden.",
    "Samen met de POH-ouderenzorg de situatie besproken.",
)

# Scopes as stored: codes in the order of ConsentScope, comma separated.
CONSENT_SCOPES = Weighted(
    {"registratie": 20, "registratie,post": 35, "registratie,post,nieuwsbrief": 25,
     "registratie,delen,post": 12, "registratie,delen,post,nieuwsbrief": 8}
)  # fmt: skip
RECIPIENT_CONSENT_SCOPES = Weighted({"registratie": 60, "registratie,delen": 40})

# Ages of caregivers caring alone, as (youngest, oldest); None: no birth date known. The
# siblings sharing a parent (about 30% of caregivers) are 36 to 74, so overall about 4% are
# under 18, 7% are 18 to 24 and most are 40 to 85.
AGES: Weighted[tuple[int, int] | None] = Weighted(
    {(12, 17): 5.6, (18, 24): 9.8, (25, 39): 10, (40, 64): 33, (65, 85): 40, (86, 92): 1,
     None: 2.8}
)  # fmt: skip
# What the naaste is to the caregiver, by the caregiver's age band.
RELATIONS = {
    "young": Weighted({R.PARENT: 65, R.SIBLING: 25, R.GRANDPARENT: 10}),
    "student": Weighted({R.PARENT: 55, R.SIBLING: 20, R.GRANDPARENT: 20, R.PARTNER: 5}),
    "adult": Weighted({R.PARENT: 45, R.CHILD: 20, R.PARTNER: 15, R.PARENT_IN_LAW: 8,
                       R.SIBLING: 5, R.FRIEND: 3, R.OTHER_FAMILY: 4}),
    "middle": Weighted({R.PARENT: 50, R.PARTNER: 20, R.PARENT_IN_LAW: 12, R.CHILD: 8,
                        R.SIBLING: 4, R.FRIEND: 3, R.NEIGHBOUR: 2, R.OTHER_FAMILY: 1}),
    "old": Weighted({R.PARTNER: 65, R.SIBLING: 8, R.CHILD: 8, R.FRIEND: 8, R.NEIGHBOUR: 6,
                     R.OTHER_FAMILY: 5}),
}  # fmt: skip
# Naaste's age minus the caregiver's (lowest, highest), and the chance of the same surname.
AGE_GAPS = {
    R.PARTNER: (-4, 6, 0.5), R.PARENT: (24, 38, 0.6), R.PARENT_IN_LAW: (24, 40, 0.0),
    R.CHILD: (-38, -20, 0.8), R.SIBLING: (-8, 8, 1.0), R.GRANDPARENT: (45, 65, 0.5),
    R.OTHER_FAMILY: (-20, 40, 0.4), R.FRIEND: (-10, 15, 0.0), R.NEIGHBOUR: (-10, 30, 0.0),
    R.OTHER: (-10, 30, 0.0),
}  # fmt: skip
LIVING = {
    "partner": Weighted({L.AT_HOME: 88, L.WLZ_INSTITUTION: 8, L.OTHER: 4}),
    "elder": Weighted({L.AT_HOME: 62, L.WLZ_INSTITUTION: 16, L.SHELTERED: 6,
                       L.WITH_CAREGIVER: 10, L.OTHER: 6}),
    "child": Weighted({L.WITH_CAREGIVER: 70, L.SHELTERED: 20, L.WLZ_INSTITUTION: 7, L.OTHER: 3}),
    "other": Weighted({L.AT_HOME: 78, L.SHELTERED: 8, L.WLZ_INSTITUTION: 9, L.OTHER: 5}),
}  # fmt: skip
SOURCES: Weighted[Source | None] = Weighted(
    {Source.SELF: 18, Source.GP: 12, Source.DISTRICT_TEAM: 12, Source.WMO: 10,
     Source.HOME_CARE: 10, Source.PARTNER: 6, Source.COMPLIMENT: 14, Source.EVENT: 5,
     Source.WEBSITE: 7, Source.FAMILY: 5, Source.OTHER: 1, None: 3}
)  # fmt: skip
END_REASONS = Weighted(
    {EndReason.RECIPIENT_DIED: 30, EndReason.RECIPIENT_ADMITTED: 20, EndReason.CARE_ENDED: 18,
     EndReason.MOVED: 10, EndReason.OWN_REQUEST: 8, EndReason.NO_CONTACT: 9,
     EndReason.CAREGIVER_DIED: 3, EndReason.OTHER: 2}
)  # fmt: skip
CONSENT_METHODS = Weighted(
    {ConsentMethod.WRITTEN: 45, ConsentMethod.ORAL: 35, ConsentMethod.DIGITAL: 20}
)
CONTACT_COUNTS = Weighted(dict(enumerate((10, 18, 18, 15, 12, 9, 7, 6, 5))))  # 0 to 8
CONTACT_KINDS = Weighted(
    {ContactKind.PHONE: 45, ContactKind.HOME_VISIT: 18, ContactKind.OFFICE: 15,
     ContactKind.EMAIL: 22}
)  # fmt: skip
INTAKE_KINDS = Weighted({ContactKind.OFFICE: 40, ContactKind.HOME_VISIT: 35, ContactKind.PHONE: 25})
HOUSE_NUMBER_SUFFIXES = Weighted({"A": 40, "B": 20, "C": 8, "1": 10, "2": 10, "3": 4, "bis": 8})
