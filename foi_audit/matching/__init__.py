"""Matching: which trust each file belongs to, by weight of evidence."""
