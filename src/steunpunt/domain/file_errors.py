"""What went wrong with a file, in a few Dutch words, from the operating system's error number."""

from __future__ import annotations

import errno

_CAUSES = {
    errno.ENOSPC: "de schijf is vol",
    errno.EACCES: "u mag niet schrijven in deze map",
    errno.EPERM: "u mag niet schrijven in deze map",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de bestandsnaam of map is te lang",
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "een deel van het pad is een bestand en geen map",
    errno.EEXIST: "er staat al een bestand met die naam",
}


def dutch_cause(error: OSError) -> str:
    """What went wrong with a file, in a few Dutch words."""
    return _CAUSES.get(error.errno or 0, "de schijf gaf een fout")
