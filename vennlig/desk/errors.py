class ActionError(Exception):
    """An action refused; the message is written for the person who asked."""
