"""Importing a station's USB bundle: each batch goes through exactly the checks and storage of
an online upload, so importing twice, or after part of it arrived online, stores nothing twice.
The reply carried back on the stick is what an online round would have told the station: the
signed mark of what the county holds, and the county's newest signed configuration."""

from __future__ import annotations

from dataclasses import dataclass

from sync import protocol
from sync.center import ingest
from sync.center.storage import Center


@dataclass(frozen=True)
class Imported:
    station_id: str
    batches: int
    new_events: int
    hw_seq: int


def import_bundle(center: Center, data: bytes) -> Imported:
    bundle = protocol.read_bundle(data)
    station_id, batches = bundle.station_id, bundle.batches
    if bundle.enrollment and center.station(station_id).public_key != \
            bundle.enrollment["public_key"]:
        center.enroll(station_id, bundle.enrollment["code"], bundle.enrollment["public_key"])
    before = center.station(station_id).hw_seq
    hw_seq = before
    for signature, body in batches:
        ack = ingest.receive(center, station_id, protocol.batch_path(station_id), body, signature)
        hw_seq = ack["hw_seq"]
    return Imported(station_id, len(batches), hw_seq - before, hw_seq)


def reply(center: Center, station_id: str) -> bytes:
    """The file to carry back to the station (protocol.read_reply on the other end)."""
    info = center.station(station_id)
    return protocol.make_reply(station_id, center.public_key,
                               center.ack(station_id, info.hw_seq, info.hw_hash),
                               center.config_document())
