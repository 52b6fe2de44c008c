"""On-demand measurement of peer matching (DESIGN.md 6): `make bench` calls `run`.

Ranks the peers of one cluster among 10,000 synthetic clusters x 36 indicators,
many times over, and prints the median. No database: the figure is the
algorithm's, the loading of results is measured by the query-count tests.
"""

import random
import statistics
import time

from mobility.matching import GREEN, RED, YELLOW, Candidate, Network

CLUSTERS = 10_000
INDICATORS = 36
ROUNDS = 101
GOAL_MS = 50
LANGUAGES = ("en", "cs", "sk", "pl", "hu", "hr", "tr")
COUNTRIES = ("CZ", "SK", "PL", "HU", "HR", "TR")
SECTORS = ("Automotive", "Food", "ICT", "Energy", "Wood", "Health", "Textile", "Logistics")


def synthetic_network(*, clusters=CLUSTERS, indicators=INDICATORS, seed=2012):
    rng = random.Random(seed)
    codes = [f"IND.{number:02d}" for number in range(indicators)]
    candidates = [
        Candidate(
            code=f"{rng.choice(COUNTRIES)}-{number:05d}",
            key=number,
            levels=bytes(rng.choices((RED, YELLOW, GREEN), weights=(2, 3, 3), k=indicators)),
            country=rng.choice(COUNTRIES),
            sector=rng.choice(SECTORS),
            languages=frozenset(rng.sample(LANGUAGES, 2)),
            # Roughly one cluster in ten has an open offer on a few topics.
            offer_topics=frozenset(rng.sample(range(indicators), 3)) if rng.random() < 0.1 else frozenset(),
        )
        for number in range(clusters)
    ]
    return Network(codes, candidates)


def run(stdout):
    started = time.perf_counter()
    network = synthetic_network()
    built = time.perf_counter() - started
    rng = random.Random(4)
    timings = []
    for _round in range(ROUNDS):
        visitor = network.candidates[rng.randrange(len(network))]
        started = time.perf_counter()
        network.rank(visitor, limit=10)
        timings.append(time.perf_counter() - started)
    median_ms = statistics.median(timings) * 1000
    stdout.write(
        f"Peer matching: median {median_ms:.2f} ms to rank the peers of one cluster among "
        f"{CLUSTERS:,} clusters x {INDICATORS} indicators ({ROUNDS} rounds; goal < {GOAL_MS} ms; "
        f"{'met' if median_ms < GOAL_MS else 'MISSED'}). Building the network took {built * 1000:.0f} ms.\n"
    )
    return median_ms
