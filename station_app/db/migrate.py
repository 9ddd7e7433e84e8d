"""Open the station database safely at start-up.

A new file is created at the newest schema; an older one is checked, backed up, then upgraded;
one made by a newer version of the app is refused untouched (running old code on a newer schema
is how records get lost). A database that fails quick_check is never migrated.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from station_app.core.errors import IntegrityError
from station_app.db.backup import backup_to, timestamped_name
from station_app.db.engine import make_engine

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision in migrations/versions. Checked against Alembic's own idea of the head by a
# test, so start-up on an up-to-date database needs no Alembic import (~0.1 s of a cold start).
HEAD_REVISION = "0004"


class NewerDatabase(IntegrityError):
    pass


def _config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """Alembic's head, read from the migration scripts (slow: for tests and upgrades)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def quick_check(engine: Engine) -> None:
    with engine.connect() as conn:
        result = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if result != ["ok"]:
        raise IntegrityError("The database file is damaged (quick_check: "
                             + "; ".join(result[:3]) + "). Restore the latest backup.")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Foreign keys are off while migrating (SQLite's documented way to rebuild a table that
    others refer to; the pragma is a no-op inside a transaction, hence on the driver first) and
    every reference is checked before the commit."""
    from alembic import command

    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            command.upgrade(_config(conn), revision)
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                conn.rollback()
                raise IntegrityError(f"the upgrade would break {len(broken)} references "
                                     f"(first: {tuple(broken[0])}); nothing was changed")
            conn.commit()
        finally:
            driver.execute("PRAGMA foreign_keys=ON")


def open_database(path: Path, backup_dir: Path, now: datetime) -> Engine:
    """Return an engine on a database at the newest schema, or raise without changing it.
    ``now`` (the station clock's) names the copy made before an upgrade."""
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    try:
        if existed:
            quick_check(engine)
        current = current_revision(engine)
        if current == HEAD_REVISION:
            return engine
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(_config())
        if current is None and existed and inspect(engine).get_table_names():
            raise IntegrityError(f"{path} is not a 村站助手 database.")
        if current is not None:
            if current not in _known(script):
                raise NewerDatabase(
                    "This database was written by a newer version of 村站助手 (schema "
                    f"{current}). Install the newer version; nothing was changed.")
            backup_to(engine, backup_dir / timestamped_name(f"before-upgrade-{current}", now))
        upgrade(engine)
        return engine
    except BaseException:
        engine.dispose()
        raise


def _known(script) -> set[str]:
    return {rev.revision for rev in script.walk_revisions()}
