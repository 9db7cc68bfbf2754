"""Career centres: organisations, coaches, the student's consent, and the coach's pages."""
