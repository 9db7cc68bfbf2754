"""Afterword: a job seeker's follow-up assistant."""

__version__ = "0.1.0"
