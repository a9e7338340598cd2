"""Entities: who the sources are, with their mentions, roles and actor codes."""
