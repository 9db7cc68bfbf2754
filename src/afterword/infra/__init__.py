"""Plumbing the outside-world features share: the worker's job registry, claiming rows,
stopping gracefully and encrypting secrets at rest."""
