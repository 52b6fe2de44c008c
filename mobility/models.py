"""Clusters, benchmarks, matching and study visits (see DESIGN.md 4.1-4.4)."""
