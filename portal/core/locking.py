"""Row locks for the services that count places (seminars, study visits, memberships).

Every lock is taken the same way: inside an open transaction (a lock outside
one would be released at once), with a lock timeout so a stuck writer makes
the next one fail with a clear error instead of hanging a web worker, and, when
a service locks several rows, in one fixed order (by model, then primary key)
so two services can never wait for each other. The idea follows pretix's
`lock_objects`.

SQLite has no row locks: there `select_for_update` is a no-op and SQLite's
database-wide write lock serialises writers instead.
"""

from django.db import connection, transaction

# Seconds a service waits for a row another request holds before it gives up.
LOCK_TIMEOUT_SECONDS = 10


class LockOutsideTransaction(RuntimeError):
    """A lock was asked for without an open transaction."""


def _prepare(using):
    conn = transaction.get_connection(using)
    if not conn.in_atomic_block:
        raise LockOutsideTransaction("Row locks need an open transaction (wrap the service in transaction.atomic).")
    if conn.vendor == "postgresql":
        with conn.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = %s", [f"{LOCK_TIMEOUT_SECONDS}s"])


def lock(queryset, *, of=("self",)):
    """The rows of `queryset`, locked until the transaction ends, in primary-key order.

    `of` limits the lock to the named tables when the query joins others (PostgreSQL).
    """
    _prepare(queryset.db)
    kwargs = {"of": of} if connection.features.has_select_for_update_of and of != ("self",) else {}
    return queryset.select_for_update(**kwargs).order_by("pk")


def lock_one(queryset, **lookup):
    """The one row matching `lookup`, locked; raises the model's DoesNotExist when there is none."""
    return lock(queryset.filter(**lookup)).get()


def lock_first(queryset, **lookup):
    """The row matching `lookup`, locked, or None."""
    return lock(queryset.filter(**lookup)).first()


def lock_all(*querysets):
    """Lock several querysets in one fixed order (by model label), so no two services deadlock.

    Returns the locked rows, one list per queryset, in the order given.
    """
    order = sorted(range(len(querysets)), key=lambda index: querysets[index].model._meta.label_lower)
    locked = {}
    for index in order:
        locked[index] = list(lock(querysets[index]))
    return [locked[index] for index in range(len(querysets))]
