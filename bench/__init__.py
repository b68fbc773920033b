"""Benchmarks: `make bench` prints one table of every figure the issues name."""
