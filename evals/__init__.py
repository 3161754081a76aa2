"""Benchmarks and evaluations: commands that print figures anyone can rerun."""
