"""E-mail addresses, checked for form (never by asking the internet)."""

from __future__ import annotations

from steunpunt.domain.errors import InvalidValue


def normalize_email(value: str) -> str:
    """Return the address in normalised form or raise :class:`InvalidValue` in Dutch."""
    # Imported when first needed: start-up does not wait for it (30 ms).
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidValue("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.") from error
    return str(result.normalized)
