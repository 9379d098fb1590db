"""Project folders, atomic writes, locks, format versions and migrations; no Qt."""
