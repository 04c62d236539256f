"""Which backups rotation keeps: the newest of each of the last days, weeks and months."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime

from steunpunt.domain.backups.settings import BackupSettings


def to_keep(made: Iterable[datetime], settings: BackupSettings) -> set[datetime]:
    """The moments of the backups to keep: every backup of the newest one's day (a copy made by
    hand is not gone by evening), and the newest backup of each of the ``daily`` latest days
    that have one, of the ``weekly`` latest ISO weeks and of the ``monthly`` latest months (a
    backup may count for all three)."""
    newest_first = sorted(set(made), reverse=True)
    if not newest_first:
        return set()
    kept = {moment for moment in newest_first if moment.date() == newest_first[0].date()}
    periods: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
        (settings.daily, lambda moment: moment.date()),
        (settings.weekly, lambda moment: moment.isocalendar()[:2]),
        (settings.monthly, lambda moment: (moment.year, moment.month)),
    )
    for count, period in periods:
        seen: set[Hashable] = set()
        for moment in newest_first:
            if len(seen) == count:
                break
            if period(moment) not in seen:
                seen.add(period(moment))
                kept.add(moment)
    return kept
