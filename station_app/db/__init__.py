"""Storage: the SQLite engine with our pragmas, migrations at start-up, backups."""
