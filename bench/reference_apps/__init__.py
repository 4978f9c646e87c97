"""Programs the benchmarks compare bandtimer against."""
