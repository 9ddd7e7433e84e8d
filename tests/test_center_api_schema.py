"""schemathesis against the center's own /openapi.json on a real server: whatever it is sent,
it never answers 5xx, refuses nothing its document allows, and every answer matches what the
document promises."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_center_keeps_its_openapi_promises(center, tmp_path):
    run = subprocess.run(  # in tmp_path: schemathesis keeps a cache in its working directory
        [sys.executable, "-m", "schemathesis.cli", "run", center.url + "/openapi.json",
         "--max-examples", "40", "--seed", "1", "--checks", "all",
         "--generation-database", "none"],
        cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "SCHEMATHESIS_HOOKS": "tests.schemathesis_hooks", "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "Tested: 6" in run.stdout  # health, center, enroll, head, batches, config
