"""E-mail addresses, checked for form (never by asking the internet)."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from steunpunt.domain.errors import InvalidValue


def normalize_email(value: str) -> str:
    """Return the address in normalised form or raise :class:`InvalidValue` in Dutch."""
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidValue("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.") from error
    return str(result.normalized)
