"""The fixed lists of the register, stored as short codes and shown with Dutch labels."""

from __future__ import annotations

from enum import StrEnum


class LabelledChoice(StrEnum):
    """A code stored in the database with the Dutch text people see."""

    @property
    def label(self) -> str:
        return _LABELS[self]


class Salutation(LabelledChoice):
    MR = "heer"
    MRS = "mevrouw"
    NEUTRAL = "neutraal"


class Source(LabelledChoice):
    """How the steunpunt found the caregiver (bron)."""

    SELF = "zelf"
    GP = "huisarts"
    DISTRICT_TEAM = "wijkteam"
    WMO = "wmo"
    HOME_CARE = "thuiszorg"
    PARTNER = "partner"
    COMPLIMENT = "compliment"
    EVENT = "activiteit"
    WEBSITE = "website"
    FAMILY = "familie"
    OTHER = "anders"


class EndReason(LabelledChoice):
    CARE_ENDED = "zorg_gestopt"
    RECIPIENT_DIED = "naaste_overleden"
    RECIPIENT_ADMITTED = "naaste_opgenomen"
    CAREGIVER_DIED = "mantelzorger_overleden"
    MOVED = "verhuisd"
    OWN_REQUEST = "eigen_verzoek"
    NO_CONTACT = "geen_contact"
    OTHER = "anders"


class ConsentScope(LabelledChoice):
    REGISTRATION = "registratie"
    SHARE_WITH_PARTNERS = "delen"
    MAIL = "post"
    NEWSLETTER = "nieuwsbrief"


class ConsentMethod(LabelledChoice):
    WRITTEN = "schriftelijk"
    ORAL = "mondeling"
    DIGITAL = "digitaal"


class RelationType(LabelledChoice):
    PARTNER = "partner"
    PARENT = "ouder"
    CHILD = "kind"
    PARENT_IN_LAW = "schoonouder"
    SIBLING = "broer_zus"
    GRANDPARENT = "grootouder"
    OTHER_FAMILY = "familie"
    FRIEND = "vriend"
    NEIGHBOUR = "buur"
    OTHER = "anders"


class LivingSituation(LabelledChoice):
    AT_HOME = "thuis"
    WITH_CAREGIVER = "bij_mantelzorger"
    SHELTERED = "beschermd"
    WLZ_INSTITUTION = "wlz"
    OTHER = "anders"


class ContactKind(LabelledChoice):
    PHONE = "telefoon"
    HOME_VISIT = "huisbezoek"
    OFFICE = "steunpunt"
    EMAIL = "email"


class ActiveFilter(LabelledChoice):
    ACTIVE = "actief"
    ENDED = "beeindigd"
    ALL = "alle"


class LetterKind(LabelledChoice):
    """What a letter template is for; later capabilities add their kinds."""

    WELCOME = "welkom"
    DAY_OF_CARE = "dag_van_de_mantelzorg"
    FREE = "vrij"
    COMPLIMENT_RECEIVED = "compliment_ontvangen"
    COMPLIMENT_GRANTED = "compliment_toegekend"
    COMPLIMENT_REFUSED = "compliment_afgewezen"
    COMPLIMENT_CONTROL = "compliment_controlebrief"
    COMPLIMENT_REMINDER = "compliment_herinnering"
    HOUSEHOLD_HELP_PROOF = "hhm_inschrijving"
    HOUSEHOLD_HELP_GRANTED = "hhm_toekenning"


class Grouping(LabelledChoice):
    """Whether people living at one address get one letter together."""

    PER_PERSON = "per_persoon"
    NAMES = "namen"
    RESIDENTS = "bewoners"


class LeftOutReason(LabelledChoice):
    """Why a mailing skips someone: these people are never sent a letter."""

    ENDED = "beeindigd"
    NO_MAIL = "geen_post"
    NO_POST_CONSENT = "geen_toestemming_post"
    NO_ADDRESS = "geen_adres"
    BAD_POSTCODE = "postcode"


_LABELS: dict[StrEnum, str] = {
    Salutation.MR: "De heer",
    Salutation.MRS: "Mevrouw",
    Salutation.NEUTRAL: "Neutraal (voor- en achternaam)",
    Source.SELF: "Zelf aangemeld",
    Source.GP: "Huisarts of POH",
    Source.DISTRICT_TEAM: "Wijkteam",
    Source.WMO: "Wmo-consulent",
    Source.HOME_CARE: "Thuiszorg of casemanager",
    Source.PARTNER: "Andere partnerorganisatie",
    Source.COMPLIMENT: "Mantelzorgcompliment",
    Source.EVENT: "Activiteit of voorlichting",
    Source.WEBSITE: "Website of sociale media",
    Source.FAMILY: "Familie, vrienden of buren",
    Source.OTHER: "Anders",
    EndReason.CARE_ENDED: "Zorg gestopt",
    EndReason.RECIPIENT_DIED: "Naaste overleden",
    EndReason.RECIPIENT_ADMITTED: "Naaste opgenomen in instelling",
    EndReason.CAREGIVER_DIED: "Mantelzorger overleden",
    EndReason.MOVED: "Verhuisd",
    EndReason.OWN_REQUEST: "Op eigen verzoek",
    EndReason.NO_CONTACT: "Geen contact meer",
    EndReason.OTHER: "Anders",
    ConsentScope.REGISTRATION: "Registratie en ondersteuning",
    ConsentScope.SHARE_WITH_PARTNERS: "Gegevens delen met partners",
    ConsentScope.MAIL: "Post en uitnodigingen",
    ConsentScope.NEWSLETTER: "Nieuwsbrief",
    ConsentMethod.WRITTEN: "Schriftelijk",
    ConsentMethod.ORAL: "Mondeling",
    ConsentMethod.DIGITAL: "Digitaal",
    RelationType.PARTNER: "Partner",
    RelationType.PARENT: "Ouder",
    RelationType.CHILD: "Kind",
    RelationType.PARENT_IN_LAW: "Schoonouder",
    RelationType.SIBLING: "Broer of zus",
    RelationType.GRANDPARENT: "Grootouder",
    RelationType.OTHER_FAMILY: "Ander familielid",
    RelationType.FRIEND: "Vriend of kennis",
    RelationType.NEIGHBOUR: "Buur",
    RelationType.OTHER: "Anders",
    LivingSituation.AT_HOME: "Thuis",
    LivingSituation.WITH_CAREGIVER: "Bij de mantelzorger",
    LivingSituation.SHELTERED: "Beschermd of begeleid wonen",
    LivingSituation.WLZ_INSTITUTION: "Wlz-instelling",
    LivingSituation.OTHER: "Anders",
    ContactKind.PHONE: "Telefoon",
    ContactKind.HOME_VISIT: "Huisbezoek",
    ContactKind.OFFICE: "Gesprek op het steunpunt",
    ContactKind.EMAIL: "E-mail",
    ActiveFilter.ACTIVE: "Actief",
    ActiveFilter.ENDED: "Beëindigd",
    ActiveFilter.ALL: "Alle",
    LetterKind.WELCOME: "Welkomstbrief bij inschrijving",
    LetterKind.DAY_OF_CARE: "Uitnodiging Dag van de Mantelzorg",
    LetterKind.FREE: "Vrije brief",
    LetterKind.COMPLIMENT_RECEIVED: "Compliment: ontvangstbevestiging",
    LetterKind.COMPLIMENT_GRANTED: "Compliment: toekenning",
    LetterKind.COMPLIMENT_REFUSED: "Compliment: afwijzing",
    LetterKind.COMPLIMENT_CONTROL: "Compliment: controlebrief aan de naaste",
    LetterKind.COMPLIMENT_REMINDER: "Compliment: herinnering volgend jaar",
    LetterKind.HOUSEHOLD_HELP_PROOF: "Huishoudelijke hulp: bewijs van inschrijving",
    LetterKind.HOUSEHOLD_HELP_GRANTED: "Huishoudelijke hulp: toekenning",
    Grouping.PER_PERSON: "Eén brief per persoon",
    Grouping.NAMES: "Eén brief per adres, met alle namen",
    Grouping.RESIDENTS: "Eén brief per adres, aan 'De bewoners van'",
    LeftOutReason.ENDED: "Inschrijving beëindigd",
    LeftOutReason.NO_MAIL: "Wil geen post ontvangen",
    LeftOutReason.NO_POST_CONSENT: "Geen toestemming voor post",
    LeftOutReason.NO_ADDRESS: "Geen volledig adres",
    LeftOutReason.BAD_POSTCODE: "Ongeldige postcode",
}
