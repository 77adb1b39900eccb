"""The one exception tree of lexwatch and the exit codes it maps to.

    LexwatchError                      exit 2 unless said otherwise
     ├── UsageError                    bad option or argument
     ├── ConfigError                   lexwatch.toml broken (file, line, key)
     ├── WorkspaceError                no workspace, or cannot be created
     ├── InputError                    a document lexwatch cannot read
     │    ├── NoTextLayerError         PDF without text (probably a scan)
     │    ├── EncryptedPdfError
     │    ├── NotLegalTextError        HTML/text that is not a legal act
     │    └── NoArticlesError
     ├── StoreError                    the version store
     │    ├── VersionNotFoundError
     │    ├── AmbiguousVersionError
     │    └── DiskFullError
     ├── LockedError                   another lexwatch run holds the workspace (exit 5)
     └── FetchError                    a source failed (exit 4)
          ├── PortalBlockedError       HTTP 403
          ├── PortalDownError          skipped: the host failed several requests in a row
          ├── ResponseTooLargeError
          ├── TruncatedResponseError
          ├── UnexpectedPageError      captcha or error page served with 200
          └── RedirectRefusedError

The CLI turns any of these into one line on stderr and the exit code; `--debug` adds the traceback.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes, like diff(1): 0 nothing to report, 1 something changed, 2 trouble."""

    OK = 0
    DIFFERENCES = 1
    ERROR = 2
    INTERNAL = 3
    SOURCE_FAILED = 4
    LOCKED = 5


class LexwatchError(Exception):
    """An error a user can meet; its message is one line fit for stderr."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(LexwatchError):
    pass


class ConfigError(LexwatchError):
    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        where = path or "lexwatch.toml"
        if line is not None:
            where += f":{line}"
        text = f"{where}: {message}"
        if key:
            text += f" (key '{key}')"
        super().__init__(text)
        self.path = path
        self.line = line
        self.key = key


class WorkspaceError(LexwatchError):
    pass


class InputError(LexwatchError):
    pass


class NoTextLayerError(InputError):
    pass


class EncryptedPdfError(InputError):
    pass


class NotLegalTextError(InputError):
    pass


class NoArticlesError(InputError):
    pass


class StoreError(LexwatchError):
    pass


class VersionNotFoundError(StoreError):
    pass


class AmbiguousVersionError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


class LockedError(LexwatchError):
    exit_code = ExitCode.LOCKED


class FetchError(LexwatchError):
    exit_code = ExitCode.SOURCE_FAILED


class PortalBlockedError(FetchError):
    pass


class PortalDownError(FetchError):
    pass


class ResponseTooLargeError(FetchError):
    pass


class TruncatedResponseError(FetchError):
    pass


class UnexpectedPageError(FetchError):
    pass


class RedirectRefusedError(FetchError):
    pass
