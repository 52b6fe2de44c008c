"""Peer matching for study visits (DESIGN.md 4.3): pure, fast ranking.

Nothing here touches the database: `mobility.visits.queries.matching_data`
loads a `Network` of `Candidate` rows, `Network.rank` orders the hosts for one
visiting cluster.

Scoring
-------
Levels are red 0, yellow 1, green 2. The visitor V's weak points are its red
indicators (weight 2) and its yellow ones (weight 1). A host H helps on weak
point i when ``level_H(i) > level_V(i)``, by the whole weight of i however much
better it is (`help_points`); a host without a score for i does not help there.
The match score is::

    score = round(100 * sum(weight_i for the i H helps on) / sum(weight_i))

so 100 means H is better than V on every one of V's weak points. The score is
deliberately not graded by how much better: then a visitor with a single red
weak point would read from 50 or 100 whether the host is yellow or green
there. It follows from the visitor's own levels and the set of weak points the
host helps with, which the explanation names anyway. Hosts that help on none
of the weak points are no match at all, whatever their bonuses, and a visitor
without weak points (or without a result) has no matches.

Bonuses are reported separately from the score (`Match.bonus`, `Match.reasons`)
and added to it for the ranking (`Match.total`, at most 100 + 20):

- ``OFFER_BONUS`` = 10 points: H has an open study-visit offer on at least one
  of V's weak points;
- ``LANGUAGE_BONUS`` = 5 points: H and V have a language in common;
- ``SECTOR_BONUS`` = 5 points: H works in the same sector as V.

Order: total descending, then cluster code ascending, so ties are deterministic.

Confidentiality
---------------
Only clusters that agreed to be matched enter the network (the caller leaves
the others out). A `Match` never carries a host's level: its explanation is
the list of the visitor's weak points the host can help with (`Contribution`,
the visitor's level only), picked and ordered by the visitor's levels alone.
Filters never change the score: `indicators` (e.g. one dimension) only keeps
the hosts that can help on at least one of those weak points, so comparing
filtered and unfiltered pages reveals nothing the explanation does not say.
Same-country hosts are included unless the setting
``MATCHING_INCLUDE_SAME_COUNTRY`` (default True) or the ``include_same_country``
argument says otherwise.

Speed
-----
The network keeps one byte string per indicator with every host's level (hosts
in code order, one fixed-width slot each). Ranking translates each weak
point's column into that weak point's points per host (`bytes.translate`),
reads it as one big integer and adds the integers: the slots never carry, so
the sum's bytes are every host's raw score. Bonuses are added the same way.
Only the few hosts returned are explained one by one.
"""

import heapq
import sys
from array import array
from dataclasses import dataclass, field
from operator import add

RED, YELLOW, GREEN = 0, 1, 2
MISSING = 255
WEIGHTS = {RED: 2, YELLOW: 1}

OFFER_BONUS = 10
LANGUAGE_BONUS = 5
SECTOR_BONUS = 5

REASON_OFFER = "offer"
REASON_LANGUAGE = "language"
REASON_SECTOR = "sector"

# How many of the weak points a host can help with each match names.
EXPLAINED = 3

_EXCLUDED = -1000


@dataclass(frozen=True)
class Candidate:
    """One cluster with a result: `levels` holds one level per indicator of the network, MISSING where unscored."""

    code: str
    levels: bytes
    key: object = None
    country: str = ""
    sector: str = ""
    languages: frozenset = frozenset()
    offer_topics: frozenset = frozenset()  # indexes of indicators the cluster has open offers on


@dataclass(frozen=True)
class Contribution:
    """A weak point of the visitor the host can help with: indicator `index` and the visitor's own level.

    Deliberately without the host's level or points: they are confidential.
    """

    index: int
    indicator: str
    visitor_level: int


@dataclass(frozen=True)
class Match:
    code: str
    key: object
    score: int
    bonus: int
    reasons: tuple
    contributions: tuple
    offer_topics: tuple = ()  # indicator codes of the host's open offers among the weak points
    common_languages: tuple = ()

    @property
    def total(self):
        return self.score + self.bonus


@dataclass(frozen=True)
class WeakPoint:
    index: int
    indicator: str
    level: int
    weight: int


def weak_points(levels, indicators):
    """The weak points of one row of levels: reds first, then yellows, each in indicator order."""
    found = [
        WeakPoint(index=index, indicator=indicators[index], level=level, weight=WEIGHTS[level])
        for index, level in enumerate(levels)
        if level in WEIGHTS
    ]
    return sorted(found, key=lambda point: (point.level, point.index))


def help_points(point, host_level):
    """What a host at `host_level` adds to the score for the visitor's weak point `point`.

    All of the weak point's weight when the host is better there, else nothing:
    yellow and green count alike on a red weak point (see "Scoring").
    """
    return point.weight if host_level != MISSING and host_level > point.level else 0


def _normalise_sector(sector):
    return " ".join((sector or "").split()).casefold()


@dataclass
class Network:
    """Every candidate host, arranged for fast ranking. Build once, rank many times."""

    indicators: list
    candidates: list
    include_same_country: bool = True
    _slot: int = field(init=False, repr=False)

    def __post_init__(self):
        self.indicators = list(self.indicators)
        self.candidates = sorted(self.candidates, key=lambda candidate: candidate.code)
        count = len(self.indicators)
        for candidate in self.candidates:
            if len(candidate.levels) != count:
                raise ValueError(f"{candidate.code}: {len(candidate.levels)} levels for {count} indicators")
        self.index_of = {candidate.code: position for position, candidate in enumerate(self.candidates)}
        # A slot holds a host's raw score (at most 4 points per indicator) or its bonus (at most 20).
        if 4 * count >= 1 << 16:
            raise ValueError(f"{count} indicators are more than matching supports")
        self._slot = 1 if 4 * count < 1 << 8 else 2
        self._columns = [self._column(index) for index in range(count)]
        self._by_country = self._groups(lambda candidate: [candidate.country])
        self._by_sector = self._groups(
            lambda candidate: [_normalise_sector(candidate.sector)] if candidate.sector else []
        )
        self._by_language = self._groups(lambda candidate: candidate.languages)
        self._by_offer_topic = self._groups(lambda candidate: candidate.offer_topics)
        self._masks = {}

    def __len__(self):
        return len(self.candidates)

    def _column(self, index):
        slot = self._slot
        column = bytearray(len(self.candidates) * slot)
        for position, candidate in enumerate(self.candidates):
            level = candidate.levels[index]
            if level != MISSING:
                column[position * slot + slot - 1] = level
        return bytes(column)

    def _groups(self, keys_of):
        groups = {}
        for position, candidate in enumerate(self.candidates):
            for key in keys_of(candidate):
                groups.setdefault(key, []).append(position)
        return groups

    def _mask(self, kind, key):
        """A big integer with 1 in the slot of every host in one group (cached per group)."""
        cache_key = (kind, key)
        if cache_key not in self._masks:
            groups = {"sector": self._by_sector, "language": self._by_language, "offer": self._by_offer_topic}[kind]
            mask = bytearray(len(self.candidates) * self._slot)
            for position in groups.get(key, ()):
                mask[position * self._slot + self._slot - 1] = 1
            self._masks[cache_key] = int.from_bytes(mask, "big")
        return self._masks[cache_key]

    def _slots(self, number):
        """The per-host slot values of a big integer, as a sequence of ints."""
        raw = number.to_bytes(len(self.candidates) * self._slot, "big")
        if self._slot == 1:
            return raw
        values = array("H")
        values.frombytes(raw)
        if sys.byteorder == "little":
            values.byteswap()
        return values

    def candidate(self, code):
        position = self.index_of.get(code)
        return None if position is None else self.candidates[position]

    def rank(
        self,
        visitor,
        *,
        limit=10,
        countries=None,
        sectors=None,
        languages=None,
        indicators=None,
        include_same_country=None,
    ):
        """The best hosts for `visitor` (a Candidate, in the network or not), best first.

        Filters: `countries`, `sectors`, `languages` restrict the hosts (any of the
        given values); `indicators` (a set of indicator indexes, e.g. one dimension)
        keeps the hosts that can help on at least one weak point among them, and
        lists those weak points first in the explanation. The score always counts
        every weak point. `limit=None` returns every match.
        """
        if include_same_country is None:
            include_same_country = self.include_same_country
        points = weak_points(visitor.levels, self.indicators)
        focus = set(indicators) if indicators is not None else None
        if not points or not self.candidates:
            return []
        if focus is not None and not any(point.index in focus for point in points):
            return []

        raw = 0
        focus_raw = 0
        for point in points:
            table = bytearray(256)
            for level in (YELLOW, GREEN):
                table[level] = help_points(point, level)
            column = int.from_bytes(self._columns[point.index].translate(table), "big")
            raw += column
            if focus is not None and point.index in focus:
                focus_raw += column
        best = sum(point.weight for point in points)
        # Score per raw value, rounded half up; a host that helps nowhere is excluded.
        norm = [_EXCLUDED] + [(200 * value + best) // (2 * best) for value in range(1, best + 1)]

        offer_mask = 0
        for point in points:
            offer_mask |= self._mask("offer", point.index)
        language_mask = 0
        for language in visitor.languages:
            language_mask |= self._mask("language", language)
        sector_mask = self._mask("sector", _normalise_sector(visitor.sector)) if visitor.sector else 0
        bonus = self._slots(OFFER_BONUS * offer_mask + LANGUAGE_BONUS * language_mask + SECTOR_BONUS * sector_mask)

        totals = list(map(add, map(norm.__getitem__, self._slots(raw)), bonus))
        excluded = [self.index_of[visitor.code]] if visitor.code in self.index_of else []
        if not include_same_country and visitor.country:
            excluded += self._by_country.get(visitor.country, [])
        if focus is not None:
            helping = self._slots(focus_raw)
            totals = [total if helps else _EXCLUDED for total, helps in zip(totals, helping, strict=True)]
        for position in excluded:
            totals[position] = _EXCLUDED

        allowed = None
        for groups, wanted in (
            (self._by_country, countries),
            (self._by_sector, [_normalise_sector(sector) for sector in sectors] if sectors else None),
            (self._by_language, languages),
        ):
            if wanted:
                members = set()
                for value in wanted:
                    members.update(groups.get(value, ()))
                allowed = members if allowed is None else allowed & members
        positions = range(len(self.candidates)) if allowed is None else sorted(allowed)

        # nlargest keeps the input (code) order among equal totals.
        if limit is None:
            best_positions = sorted(positions, key=totals.__getitem__, reverse=True)
        else:
            best_positions = heapq.nlargest(limit, positions, key=totals.__getitem__)
        return [
            self._explain(visitor, points, position, focus)
            for position in best_positions
            if totals[position] > _EXCLUDED // 2
        ]

    def _explain(self, visitor, points, position, focus=None):
        host = self.candidates[position]
        best = sum(point.weight for point in points)
        contributions = []
        raw = 0
        for point in points:
            gained = help_points(point, host.levels[point.index])
            if not gained:
                continue
            raw += gained
            contributions.append(Contribution(index=point.index, indicator=point.indicator, visitor_level=point.level))
        # The visitor's levels alone decide which weak points are named, and in which order.
        contributions.sort(
            key=lambda item: (focus is not None and item.index not in focus, item.visitor_level, item.index)
        )
        offer_topics = tuple(self.indicators[point.index] for point in points if point.index in host.offer_topics)
        common = tuple(sorted(set(visitor.languages) & set(host.languages)))
        same_sector = bool(visitor.sector) and _normalise_sector(visitor.sector) == _normalise_sector(host.sector)
        reasons = []
        bonus = 0
        if offer_topics:
            reasons.append(REASON_OFFER)
            bonus += OFFER_BONUS
        if common:
            reasons.append(REASON_LANGUAGE)
            bonus += LANGUAGE_BONUS
        if same_sector:
            reasons.append(REASON_SECTOR)
            bonus += SECTOR_BONUS
        return Match(
            code=host.code,
            key=host.key,
            score=(200 * raw + best) // (2 * best),
            bonus=bonus,
            reasons=tuple(reasons),
            contributions=tuple(contributions[:EXPLAINED]),
            offer_topics=offer_topics,
            common_languages=common,
        )
