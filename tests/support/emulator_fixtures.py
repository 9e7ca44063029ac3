"""Fixtures: local platform emulators on 127.0.0.1."""
