"""The user's mailbox settings and the emails to send through it."""

from afterword.outbox.models.accounts import MailAccount, Security
from afterword.outbox.models.outgoing import EmailState, OutgoingEmail

__all__ = ["EmailState", "MailAccount", "OutgoingEmail", "Security"]
