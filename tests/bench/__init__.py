"""Benchmark: generated libraries and a reader measured from outside, in a pseudo-terminal (tmux).

Not part of the default test run. Run it with ``python -m tests.bench.bench_reader``.
"""
