"""Foundations: errors, diagnostics, files written safely, git, the cache, translations of
the interface."""
