"""The coded dataset on disk: its layout, one module per table, and the effective codes."""
