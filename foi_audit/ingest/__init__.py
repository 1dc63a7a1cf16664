"""Ingest: list the raw files, read them in workers, match, code and write the outputs."""
