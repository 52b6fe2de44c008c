"""Print the database URL `make test` should use.

DATABASE_URL wins when set; otherwise PostgreSQL on 127.0.0.1:5432 when a server
answers there; otherwise nothing, which means the SQLite default.
"""

import os
import socket

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def database_url():
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            return POSTGRES_URL
    except OSError:
        return ""


if __name__ == "__main__":
    print(database_url())
