"""Figures people read: summary, explain, paper tables, charts and the HTML report."""
