"""One module per page; views that answer htmx requests end in ``_hx``."""
