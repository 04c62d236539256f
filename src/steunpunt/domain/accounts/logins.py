"""Sign-in names: how a typed login is read and which are accepted."""

from __future__ import annotations

import re

from steunpunt.domain.errors import InvalidValue
from steunpunt.domain.input_policy import normalise_text

LOGIN_MAX = 64
_ALLOWED = re.compile(r"[a-z0-9][a-z0-9._@-]*")


def fold_login(text: str) -> str:
    """The login as stored and compared: trimmed, lower case (``" Els "`` is ``"els"``)."""
    return normalise_text(text).strip().casefold()


def parse_login(text: str) -> str:
    """A new login folded, or :class:`InvalidValue` in Dutch."""
    login = fold_login(text)
    if not login:
        raise InvalidValue("Vul een inlognaam in.")
    if len(login) < 2 or len(login) > LOGIN_MAX:
        raise InvalidValue(f"Een inlognaam heeft 2 tot {LOGIN_MAX} tekens.")
    if not _ALLOWED.fullmatch(login):
        raise InvalidValue(
            "Een inlognaam bestaat uit letters zonder accenten, cijfers en . _ - of @, "
            "en begint met een letter of cijfer."
        )
    return login
