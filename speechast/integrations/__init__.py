"""Adapters for retrieval frameworks; each needs its optional extra installed."""
