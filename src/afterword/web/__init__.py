"""Server-rendered pages (Django templates + htmx) on top of the tracker."""
