"""``afterword worker``: the loop that runs every registered job (infra/jobs.py)."""
