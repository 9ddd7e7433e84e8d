"""The station's Ed25519 key: it signs what leaves the station (receipt QR codes, sync requests,
DESIGN §6).

The private key never leaves this PC: it is a machine-local setting (not journaled, so never
uploaded), carried only by backups of this station. The county learns the public key at
enrollment, and anyone holding it can check a receipt's signature offline. The signature
primitives are the sync protocol's, so a receipt and a batch are signed the same way.
"""

from __future__ import annotations

import json

from sync import protocol

KEY_SETTING = "station_signing_key"


def private_key(store) -> bytes:
    """The station's private key (raw bytes), made on first use."""
    with store.engine.begin() as conn:
        row = conn.exec_driver_sql("SELECT value FROM local_setting WHERE id = ?",
                                   (KEY_SETTING,)).first()
        if row is None:
            conn.exec_driver_sql("INSERT OR IGNORE INTO local_setting (id, value) VALUES (?, ?)",
                                 (KEY_SETTING, json.dumps(protocol.new_private_key().hex())))
            row = conn.exec_driver_sql("SELECT value FROM local_setting WHERE id = ?",
                                       (KEY_SETTING,)).first()
    return bytes.fromhex(json.loads(row[0]))


def public_key_text(store) -> str:
    return protocol.public_key_of(private_key(store))


def sign(store, text: str) -> str:
    return protocol.sign_bytes(private_key(store), text.encode("utf-8"))


def check(public_key: str, text: str, signature: str) -> bool:
    return protocol.verify_bytes(public_key, text.encode("utf-8"), signature)
