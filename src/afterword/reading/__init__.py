"""Pure reading of one email: what it is and what it says (docs/MAIL_FORMAT.md)."""
