"""One router per resource; api/urls.py mounts them."""
