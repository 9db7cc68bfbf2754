"""Your data in and out: export and import (JSON and CSV), and interviews from .ics invitations."""
