"""The JSON API at /api/: the same services, validation and access rules as the pages."""
