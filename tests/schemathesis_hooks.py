"""Loaded by `schemathesis run` (SCHEMATHESIS_HOOKS): batches are gzip bytes, sent as they are."""

import schemathesis


@schemathesis.serializer("application/gzip")
def _gzip(ctx, value):
    return value if isinstance(value, bytes) else str(value).encode()
