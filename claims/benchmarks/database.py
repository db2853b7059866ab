"""A throwaway PostgreSQL database for benchmarks, built and dropped with Django's test machinery."""
from contextlib import contextmanager

from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment


@contextmanager
def throwaway_database(*, keep: bool = False, reuse: bool = False):
    """Create bench_<name>, migrated; switch the connection to it; drop it afterwards (unless keep).
    With reuse, a bench_<name> left by an earlier run (keep) is used as it is, migrated if needed.

    Its own name, not test_<name>: a benchmark must never drop the database a test run is using.
    With reuse, a bench_<name> kept by an earlier run is opened and migrated forward instead of
    built again (and kept): the caller decides whether its data will do.
    """
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"bench_{connection.settings_dict['NAME']}"
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse)
    try:
        yield
    finally:
        if not (keep or reuse):
            connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
