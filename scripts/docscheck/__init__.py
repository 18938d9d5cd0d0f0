"""The docs checker behind scripts/check_docs.py: read the sources once, then run rules."""
