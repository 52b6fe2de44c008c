"""The read-only open data API under /api/v1/ (docs/api.md).

Pages come from Wagtail's API (`pages.py`), everything else from Django REST
framework (`views.py`). Nothing here exposes a cluster's ratings, values or
scores: only labels, public profiles and suppressed aggregate statistics.
"""
