"""E-mail addresses, checked for form (never by asking the internet)."""

from __future__ import annotations

import re

from steunpunt.domain.errors import InvalidValue

_MESSAGE = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
_DOT_ATOM = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
"""A local part of plain ASCII words between dots: valid as it is, whatever its domain."""
_DOMAINS: dict[str, str | None] = {}
"""Per domain as written: the normalised domain, or None when it is not valid."""


def normalize_email(value: str) -> str:
    """Return the address in normalised form or raise :class:`InvalidValue` in Dutch.

    email_validator takes about 0.05 ms an address, nearly all on the domain (two seconds for
    an imported file of 20,000); a register's addresses share a few dozen domains, so each
    domain is checked once. A local part that is not plain ASCII has the whole check each time.
    """
    text = value.strip()
    local, _, domain = text.rpartition("@")
    if not (_DOT_ATOM.match(local) and len(local) <= 64 and len(text) <= 254):
        return _validated(text)
    if domain not in _DOMAINS:
        try:
            _DOMAINS[domain] = _validated(f"x@{domain}").partition("@")[2]
        except InvalidValue:
            _DOMAINS[domain] = None
    normalized = _DOMAINS[domain]
    return f"{local}@{normalized}" if normalized else _validated(text)


def _validated(value: str) -> str:
    """The address checked and normalised by email_validator."""
    # Imported when first needed: start-up does not wait for it (30 ms).
    from email_validator import EmailNotValidError, validate_email

    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidValue(_MESSAGE) from error
    return str(result.normalized)
