"""The Stats page: how the search is going, as charts drawn on the server."""
