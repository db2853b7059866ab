"""Timing pages through Django's test client: the whole request inside the server, no network."""
import statistics
import time


def time_round_robin(targets: dict[str, tuple], *, repeat: int) -> dict[str, list[float]]:
    """Each target ({name: (client, url, params)}) requested `repeat` times, one request of each in
    turn: a slow minute of a shared machine falls on every target alike instead of on whichever
    happened to be timed then. One untimed round first warms caches and connections."""
    for client, url, params in targets.values():
        _timed(client, url, params)
    times = {name: [] for name in targets}
    for _ in range(repeat):
        for name, (client, url, params) in targets.items():
            times[name].append(_timed(client, url, params))
    return times


def _timed(client, url: str, params: dict) -> float:
    started = time.perf_counter()
    response = client.get(url, params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url} {params} answered {response.status_code}")
    return elapsed


def summary(times: list[float]) -> tuple[float, float]:
    """(median, p95) in milliseconds."""
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95
