"""Shipped models: small tables learned from annotated corpora (see README)."""
