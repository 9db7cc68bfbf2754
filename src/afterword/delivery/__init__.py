"""The migration history of the tables that the feature apps took over (see apps.py)."""
