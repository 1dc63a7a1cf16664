"""The register of NHS trusts in England, compiled from the NHS ODS extract."""
