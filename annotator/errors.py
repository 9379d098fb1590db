"""The one user-facing error type: its message is shown to the user as it is."""


class AnnotatorError(Exception):
    """A problem the user can act on (bad input, unreadable file, refused edit).

    The message names the file and the problem in plain language. Any other exception
    reaching the user is a bug.
    """
