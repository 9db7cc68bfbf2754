"""Forms of the web pages, one module per subject."""
