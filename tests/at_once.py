"""Requests at once, as two server processes run them: each job in a thread of its own, with its
own database connection. What each job ended with is the test's evidence: "done", or the name of
the exception it raised (an IntegrityError or a deadlock's OperationalError is the fault; a
ValidationError the clean refusal)."""
import threading

from django.db import close_old_connections, connection


def outcomes(*jobs, names=None) -> list[str]:
    """Run the jobs at once and wait for all; their outcomes, sorted. `names`, if given, names
    each job's thread (a job may read its thread's name to play its part)."""
    answers = []

    def run(job):
        try:
            job()
            answers.append("done")
        except Exception as exc:  # noqa: BLE001 - which exception is what the test reads
            answers.append(type(exc).__name__)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(job,), name=name) for job, name in zip(jobs, names or [None] * len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(answers)
