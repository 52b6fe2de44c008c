"""Demo clusters, benchmark results and memberships (filled in by the benchmarks issue)."""


def seed_mobility():
    return 0
