"""Reads that stream a whole selection (the exports): one transaction each, PostgreSQL's JIT off.

PostgreSQL compiles a query with LLVM when its estimated cost passes jit_above_cost; an export of
a year of verdicts passes it, and the compilation (inlining and optimising the hundred-odd
functions of the export's SELECT) costs more than it saves on the rows: measured on 100,000
verdicts, the CSV written by COPY took 0.71-0.86 s without JIT and 1.27-1.63 s with it, the plain
rows 0.59-0.82 s against 0.98-1.03 s (docs/benchmarks.md). A server whose administrator has
turned JIT off loses nothing here. SET LOCAL lasts until the transaction ends: the read's own
(every export a web request or the command streams), or, for a read inside a caller's atomic
block, the caller's, whose later queries then run without JIT too.
"""
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models import QuerySet


@contextmanager
def long_read(alias: str):
    """A transaction (a savepoint inside one) for a read of many rows, without JIT on PostgreSQL."""
    with transaction.atomic(using=alias):
        if connections[alias].vendor == "postgresql":
            with connections[alias].cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield


def streamed(rows: QuerySet, chunk_size: int = 2000) -> Iterator:
    """The rows, read a few thousand at a time inside long_read; closing the iterator early
    (a download dropped halfway) closes the database cursor and ends the transaction."""
    with long_read(rows.db):
        yield from rows.iterator(chunk_size=chunk_size)
