"""Domain logic: models, services, journal, ledger and validation. Imports no Qt."""
