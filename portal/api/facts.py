"""The one place that reads a seminar's facts for the API, JSON-LD and calendar links.

Seminar facts (dates, place, capacity, language, status) are the same in
every translation. They are read here only, through the SeminarPage
attributes and `training.queries.places_left`, so a change in where the facts
are stored needs one change here.
"""

from dataclasses import dataclass
from datetime import datetime

from training.queries import places_left


@dataclass(frozen=True)
class SeminarFacts:
    translation_key: str
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    language: str
    country: str
    venue_name: str
    address: str
    online_url: str
    capacity: int
    places_left: int
    is_cancelled: bool

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def is_on_site(self):
        return bool(self.venue_name)


def seminar_facts(seminar, *, places=None):
    """The facts of `seminar` (any translation).

    `places` is the number of places left when the caller already has it (the
    seminar page's context); otherwise the seminar must carry `confirmed_count`
    (see `training.queries.with_places`).
    """
    zone = seminar.zone
    return SeminarFacts(
        translation_key=str(seminar.translation_key),
        starts_at=seminar.starts_at.astimezone(zone),
        ends_at=seminar.ends_at.astimezone(zone),
        time_zone=str(zone),
        language=seminar.language,
        country=str(seminar.country),
        venue_name=seminar.venue_name,
        address=seminar.address,
        online_url=seminar.online_url,
        capacity=seminar.capacity,
        places_left=places_left(seminar) if places is None else places,
        is_cancelled=seminar.is_cancelled,
    )
