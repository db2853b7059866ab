"""History rows written by the database itself, for rows created in bulk.

django-simple-history's bulk helper builds one Python object per historical row; for the claims
of a batch of articles that costs more than the split's own database work. The "added" row is a
copy of the row just inserted, so the database can make it with one INSERT … SELECT: the same
row django-simple-history would write (every tracked field, the time, type "+", no user).
"""
from django.db import connection
from django.utils import timezone

_HISTORY_OWN_FIELDS = {"history_id", "history_date", "history_change_reason", "history_type", "history_user"}
_CHUNK = 500  # ids per statement: SQLite limits the parameters of one statement


def record_additions(model, pks: list[int]) -> None:
    if not pks:
        return
    history = model.history.model
    quote = connection.ops.quote_name
    tracked = [f for f in history._meta.concrete_fields if f.name not in _HISTORY_OWN_FIELDS]
    target = ", ".join(quote(f.column) for f in tracked)
    source = ", ".join(quote(model._meta.get_field(f.name).column) for f in tracked)
    when = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        for start in range(0, len(pks), _CHUNK):
            chunk = pks[start : start + _CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} "
                f"({target}, history_date, history_type, history_user_id, history_change_reason) "
                f"SELECT {source}, %s, '+', NULL, NULL FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [when, *chunk],
            )
