"""foi-audit: turn NHS trusts' FOI replies into a coded, evidenced dataset and honest statistics."""

__version__ = "0.1.0"
