"""Noticing replies: watch the user's mailbox over IMAP and re-plan when an employer answers.

``imap`` talks to the server and fetches what ``reading/fetched.py`` names; ``message`` parses
the header fields a message is matched on; ``matching`` (pure) and ``directory`` find the
application a message belongs to; ``reading.read`` says what the message is; ``records`` keeps
what that reading means for the application through the tracker's services; ``watch`` is the
worker job that puts it together. Nothing here interprets the text of a message.
"""
