"""Fixtures: a test keyring backend (there is none on a headless machine)."""
