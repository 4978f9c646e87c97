"""bandtimer's benchmark suite: `python -m bench` (or `make bench`) writes bench/REPORT.md.

Every figure is measured in the same run as a reference (a bare Textual app, a naive loop, the
shipped routines alone, a plain interpreter), so the report gives ratios that travel between
machines better than absolute milliseconds do. See bench/README.md.
"""
