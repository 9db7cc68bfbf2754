"""The coaching pages: a student's (join, consent, log) and a coach's (cohort, student, stats)."""
