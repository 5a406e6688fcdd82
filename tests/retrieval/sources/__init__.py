"""Tests of :mod:`retrieval.sources`, one file per module."""
