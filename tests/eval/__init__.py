"""Tests of the extraction evaluation harness and its gold fixtures."""
