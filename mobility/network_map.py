"""The map of the network: country shapes (built by scripts/build_network_map.mjs) with cluster counts."""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django_countries import countries

from mobility.queries import public_clusters_by_country

MAP_FILE = Path(__file__).resolve().parent / "data" / "network-map.json"


@functools.cache
def _shapes():
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    count: int
    regions: tuple
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class NetworkMap:
    width: int
    height: int
    context_path: str
    countries: tuple

    @property
    def total(self):
        return sum(country.count for country in self.countries)


def network_map():
    """The partner countries with their public clusters, names in the active language, largest first."""
    shapes = _shapes()
    counts = public_clusters_by_country()
    partners = []
    for code, shape in shapes["partners"].items():
        entry = counts.get(code, {"count": 0, "regions": []})
        partners.append(
            MapCountry(
                code=code,
                name=countries.name(code),
                count=entry["count"],
                regions=tuple(entry["regions"]),
                path=shape["d"],
                label_x=shape["label"][0],
                label_y=shape["label"][1],
            )
        )
    partners.sort(key=lambda country: (-country.count, country.name))
    return NetworkMap(
        width=shapes["width"], height=shapes["height"], context_path=shapes["context"], countries=tuple(partners)
    )
