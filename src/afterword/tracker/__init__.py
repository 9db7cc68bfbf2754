"""The tracker app: applications, interviews, events and the stored plan of each application."""
