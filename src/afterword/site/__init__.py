"""What every page shares: the log-in gate, the base template, common template tags and the
slots that features fill on other features' pages (site/slots.py)."""
