"""Timing pages through Django's test client: the whole request inside the server, no network."""
import statistics
import time


def time_get(client, url: str, params: dict, *, repeat: int) -> list[float]:
    client.get(url, params)  # warm caches and connections once, as a reviewer's second click would
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} {params} answered {response.status_code}")
    return times


def summary(times: list[float]) -> tuple[float, float]:
    """(median, p95) in milliseconds."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95
