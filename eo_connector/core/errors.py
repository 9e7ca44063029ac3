"""Errors a user can meet, each with a sentence a user understands.

`str(error)` is that sentence. `details` holds what goes to the QGIS log (already redacted by whoever sets it).
No exception text ever contains a secret.
"""

from .i18n import tr


class EOError(Exception):
    """Base of every expected failure. `message` is for the user, `details` for the log."""

    def __init__(self, message: str = "", details: str = ""):
        self.message = message or self.default_message()
        self.details = details
        super().__init__(self.message)

    def default_message(self) -> str:
        return tr("Something went wrong.")


class Cancelled(EOError):
    def default_message(self):
        return tr("Cancelled.")


class AuthenticationError(EOError):
    def default_message(self):
        return tr("Sign-in failed: wrong e-mail or password.")


class SessionExpired(EOError):
    def default_message(self):
        return tr("Your session has expired: sign in again.")


class PermissionDenied(EOError):
    def default_message(self):
        return tr("Your account is not allowed to do this.")


class NotEnoughCredits(EOError):
    def default_message(self):
        return tr("Not enough credits on your account for this scenario.")


class AoiError(EOError):
    def default_message(self):
        return tr("The area of interest cannot be used.")


class InvalidInput(EOError):
    def default_message(self):
        return tr("Some of the values entered are not valid.")


class NotFound(EOError):
    def default_message(self):
        return tr("The server does not know this object any more.")


class ServerError(EOError):
    def default_message(self):
        return tr("The server is having trouble right now; try again in a few minutes.")


class RateLimited(ServerError):
    def default_message(self):
        return tr("The server is busy (too many requests); try again in a few minutes.")


class NetworkError(EOError):
    def default_message(self):
        return tr("The server could not be reached: check your network connection and proxy settings.")


class ProtocolError(EOError):
    def default_message(self):
        return tr("The server sent an answer EO Connector does not understand.")


class ScenarioFailed(EOError):
    def default_message(self):
        return tr("The scenario failed on the server.")


class LinkExpired(EOError):
    def default_message(self):
        return tr("The download link has expired.")


class DiskFull(EOError):
    def default_message(self):
        return tr("The disk is full: free some space or choose another output folder, then resume.")


class UnsafePath(EOError):
    def default_message(self):
        return tr("The server sent a file name that would be written outside the output folder; it was refused.")


class IntegrityError(EOError):
    def default_message(self):
        return tr("A downloaded file is incomplete or damaged (size or checksum does not match).")


class SecretStoreUnavailable(EOError):
    def default_message(self):
        return tr("No secure place to keep your credentials was found (system keyring or QGIS authentication database).")


class SecretStoreLocked(SecretStoreUnavailable):
    """The user declined to unlock QGIS's authentication database (its master password): saved sign-ins cannot be
    read in this QGIS session; new ones are kept in memory until QGIS closes."""

    def default_message(self):
        return tr("Saved sign-ins cannot be used in this session: the QGIS authentication database stays locked. "
                  "Sign in again to use this connection until QGIS closes.")


class MissingDependency(EOError):
    def default_message(self):
        return tr("A Python package EO Connector needs is not installed.")
