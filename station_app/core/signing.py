"""The station's Ed25519 key: it signs what leaves the station (receipt QR codes now, sync
batches once enrolled, DESIGN §6).

The private key never leaves this PC: it is a machine-local setting (not journaled, so never
uploaded), carried only by backups of this station. The county learns the public key at
enrollment, and anyone holding it can check a receipt's signature offline.
"""

from __future__ import annotations

import base64
import json

KEY_SETTING = "station_signing_key"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def signing_key(store):
    """The station's private key, made on first use."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    with store.engine.begin() as conn:
        row = conn.exec_driver_sql("SELECT value FROM local_setting WHERE id = ?",
                                   (KEY_SETTING,)).first()
        if row is None:
            fresh = Ed25519PrivateKey.generate().private_bytes_raw().hex()
            conn.exec_driver_sql("INSERT OR IGNORE INTO local_setting (id, value) VALUES (?, ?)",
                                 (KEY_SETTING, json.dumps(fresh)))
            row = conn.exec_driver_sql("SELECT value FROM local_setting WHERE id = ?",
                                       (KEY_SETTING,)).first()
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(json.loads(row[0])))


def public_key_text(store) -> str:
    return _b64(signing_key(store).public_key().public_bytes_raw())


def sign(store, text: str) -> str:
    return _b64(signing_key(store).sign(text.encode("utf-8")))


def check(public_key: str, text: str, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(_unb64(public_key)).verify(_unb64(signature),
                                                                       text.encode("utf-8"))
        return True
    except (InvalidSignature, ValueError):
        return False
