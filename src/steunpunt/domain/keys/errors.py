"""What goes wrong with the keys of the encrypted database, each with a Dutch message."""

from __future__ import annotations

from steunpunt.domain.errors import KnownProblem

WAY_BACK = (
    "Zet het sleutelbestand terug uit de nieuwste reservekopie (elke reservekopie bevat het); "
    "daarna opent de database weer met uw wachtwoord of met de herstelsleutel van het "
    "steunpunt (het vel uit de kluis)."
)
"""What to do when the key file is gone or damaged."""


class KeyFileUnusable(KnownProblem):
    """The key file is missing, damaged, of another program or of a newer version."""


class SecretRefused(KnownProblem):
    """The password or the recovery key does not unlock the data key; nothing was changed."""


class KeyFileNotWritten(KnownProblem):
    """The key file could not be written; the one before is unchanged."""
