"""Which backups rotation keeps: the newest of each of the last days, weeks and months."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable
from datetime import datetime

from steunpunt.domain.backups.settings import BackupSettings


def to_keep(
    made: Iterable[datetime],
    settings: BackupSettings,
    automatic: Collection[datetime] = frozenset(),
) -> set[datetime]:
    """The moments of the backups to keep: the newest, every other backup of its day that was
    not made automatically (a copy made by hand or before a restore is not gone by evening;
    ``automatic``: the moments of those made on closing or once a day), and the newest backup
    of each of the ``daily`` latest days that have one, of the ``weekly`` latest ISO weeks and
    of the ``monthly`` latest months (a backup may count for all three)."""
    newest_first = sorted(set(made), reverse=True)
    if not newest_first:
        return set()
    newest_day = newest_first[0].date()
    kept = {
        moment for moment in newest_first if moment.date() == newest_day and moment not in automatic
    } | {newest_first[0]}
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
