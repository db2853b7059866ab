"""Benchmark helpers: seeding large data sets quickly and timing pages, for the bench_* commands."""
