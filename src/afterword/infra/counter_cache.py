"""The throttles' counters: Django's database cache with an increment that cannot lose a count.

Django's ``incr`` reads a value and writes it back: two web processes counting the same request
at once both write 4 where 5 was due, and the write resets the entry's expiry to the default
timeout. Here the row is locked for the read and the write (``SELECT ... FOR UPDATE`` on
PostgreSQL; on SQLite the IMMEDIATE transaction already takes the write lock at BEGIN), and the
expiry that the rate limiter chose for its window is left alone.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction


class DatabaseCounterCache(DatabaseCache):
    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        """The counter at ``key`` plus ``delta``, stored; ValueError if there is no counter."""
        cache_key = self.make_and_validate_key(key, version=version)
        database = router.db_for_write(self.cache_model_class)
        connection = connections[database]
        quote = connection.ops.quote_name
        table = quote(self.cache_model_class._meta.db_table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=database), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('value')} FROM {table} WHERE {quote('cache_key')} = %s{lock}",
                [cache_key],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key {key!r} not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            stored = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {quote('value')} = %s WHERE {quote('cache_key')} = %s",
                [stored, cache_key],
            )
        return int(value)
