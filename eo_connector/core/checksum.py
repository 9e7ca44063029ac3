"""Checksums as catalogues give them, and the hashing that verifies a downloaded file against one.

Catalogues write a checksum either as "algorithm:hexdigest" (e.g. "md5:9e10...") or, in STAC's file:checksum, as a
hex multihash (function code and digest length, then the digest).
"""

import hashlib
import re
from typing import Callable, Optional, Tuple

# Multihash function code + digest length, in hex, for the hashes catalogues use.
_MULTIHASH_PREFIXES = {"d50110": "md5", "1114": "sha1", "1220": "sha256", "1340": "sha512"}
_HASH_BLOCK = 1024 * 1024


def parse_checksum(text: Optional[str]) -> Optional[Tuple[str, str]]:
    """('md5'|'sha1'|'sha256'|..., hexdigest) from "algo:hex" or a hex multihash; None when unknown or absent."""
    if not text:
        return None
    text = text.strip()
    if ":" in text:
        algorithm, _, digest = text.partition(":")
        algorithm = algorithm.strip().lower().replace("-", "")
    else:
        algorithm = digest = ""
        for prefix, name in _MULTIHASH_PREFIXES.items():
            if text.lower().startswith(prefix):
                algorithm, digest = name, text[len(prefix):]
    digest = digest.strip().lower()
    if algorithm not in hashlib.algorithms_available or not re.fullmatch(r"[0-9a-f]+", digest or "-"):
        return None
    return algorithm, digest


def file_hexdigest(path: str, algorithm: str, check: Optional[Callable[[], None]] = None) -> str:
    """The hex digest of a file, read block by block; `check()` runs before each block so a cancel can stop
    the hashing of a large file."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(_HASH_BLOCK), b""):
            if check is not None:
                check()
            digest.update(block)
    return digest.hexdigest()
