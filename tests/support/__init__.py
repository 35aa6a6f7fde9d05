"""Helpers shared by the tests and the benchmarks (bench/ puts tests/ on its path); never
shipped with kg."""
