"""A real X display for the counter's real-window tests: Xvfb at 1366×768 with openbox (leaving a
taskbar's 40 px at the bottom, as Windows does), the real app as its own process, and xdotool
typing real X key events, the way a wedge scanner (5 ms a key, Shift for every capital) and a
keeper (slower) do. The app is watched through its log (pages, scans, the banner's messages);
waiting is on conditions in that log or the database, never on fixed sleeps."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("Xvfb", "openbox", "xdotool", "xprop", "xwininfo")
SCREEN = (1366, 768)
TASKBAR = 40
OPENBOX_RC = f"""<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <margins><top>0</top><bottom>{TASKBAR}</bottom><left>0</left><right>0</right></margins>
  <focus><focusNew>yes</focusNew><followMouse>no</followMouse></focus>
</openbox_config>
"""


def wait_for(condition, timeout: float = 20.0, what: str = "a condition"):
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class XDisplay:
    def __init__(self, workdir: Path):
        missing = [t for t in TOOLS if shutil.which(t) is None]
        if missing:  # CI installs them (tools/setup-system.sh); a missing tool is a failure
            raise RuntimeError(f"real-window tests need {missing}: run tools/setup-system.sh")
        self.workdir = workdir
        self.procs: list[subprocess.Popen] = []

    def start(self, attempts: int = 3) -> XDisplay:
        """Xvfb on a free display, then openbox managing it. A display that does not come up
        is torn down and tried afresh; if none does, the error carries both servers' output."""
        failures = []
        for attempt in range(1, attempts + 1):
            try:
                self._start_once(attempt)
                return self
            except AssertionError as exc:
                failures.append(f"attempt {attempt}: {exc}\n{self.diagnosis()}")
                self.stop()
        raise AssertionError("no X display came up:\n" + "\n".join(failures))

    def _start_once(self, attempt: int) -> None:
        self.procs = []
        self.logs = {name: self.workdir / f"{name}-{attempt}.log" for name in ("Xvfb", "openbox")}
        read, write = os.pipe()
        with open(self.logs["Xvfb"], "w") as log:
            self.procs.append(subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
                 "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdin=subprocess.DEVNULL,
                stdout=log, stderr=subprocess.STDOUT))
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number.isdigit():
            raise AssertionError("Xvfb did not report a display number")
        self.name = f":{number}"
        # Nothing from the desktop we run under (its X authority, session manager, Wayland)
        # reaches the test display's clients; openbox keeps its files in our directory.
        outside = ("XAUTHORITY", "SESSION_MANAGER", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                   "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")
        self.env = {k: v for k, v in os.environ.items() if k not in outside}
        self.env["DISPLAY"] = self.name
        # Xvfb may report its number a moment before it takes connections: an openbox started
        # in that moment fails to open the display and exits (what a CI run met). -noreset: a
        # server that resets when its last client leaves refuses connections while it does.
        wait_for(lambda: self._answers(), timeout=30, what=f"Xvfb to take connections on {self.name}")
        home = self.workdir / "home"
        home.mkdir(exist_ok=True)
        wm_env = {**self.env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
                  "XDG_CACHE_HOME": str(home / "cache")}
        rc = self.workdir / "openbox-rc.xml"
        rc.write_text(OPENBOX_RC)
        with open(self.logs["openbox"], "w") as log:
            self.procs.append(subprocess.Popen(
                ["openbox", "--sm-disable", "--config-file", str(rc)], env=wm_env,
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT))

        def managed():
            for proc in self.procs:
                if proc.poll() is not None:
                    raise AssertionError(f"{proc.args[0]} exited ({proc.returncode})")
            return "window id" in self.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
        wait_for(managed, timeout=30, what=f"openbox to manage display {self.name}")

    def _answers(self) -> bool:
        if self.procs[0].poll() is not None:
            raise AssertionError(f"Xvfb exited ({self.procs[0].returncode})")
        return subprocess.run(["xprop", "-root", "-len", "1", "_NET_SUPPORTING_WM_CHECK"],
                              env=self.env, capture_output=True).returncode == 0

    def diagnosis(self) -> str:
        """What the servers said and how things stand, for a failure message."""
        lines = [f"DISPLAY={getattr(self, 'name', '?')}"]
        for proc in self.procs:
            lines.append(f"{proc.args[0]}: {'running' if proc.poll() is None else proc.returncode}")
        for name, path in getattr(self, "logs", {}).items():
            text = path.read_text(errors="replace")[-2000:] if path.exists() else ""
            lines.append(f"--- {name} said ---\n{text}")
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                               env=getattr(self, "env", os.environ), capture_output=True, text=True)
        lines.append(f"--- xprop ({probe.returncode}) ---\n{probe.stdout}{probe.stderr}")
        return "\n".join(lines)

    def run(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True).stdout

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.procs = []

    def screenshot(self, path: Path) -> None:
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=False)


class RealApp:
    """``station-app`` on the display, typed at through xdotool."""

    def __init__(self, display: XDisplay, data_dir: Path):
        self.display = display
        self.log_path = data_dir.parent / "app.log"
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "station_app", "--data-dir", str(data_dir)],
                                     cwd=ROOT, env={**display.env, "QT_QPA_PLATFORM": "xcb"},
                                     stdout=self._log, stderr=subprocess.STDOUT)
        self.read_to = 0  # log lines before this offset have been waited past

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_log(self, pattern: str, timeout: float = 20.0) -> re.Match:
        """The next log line after the last one waited for that matches ``pattern``."""
        regex = re.compile(pattern)

        def seen():
            if self.proc.poll() is not None:
                raise AssertionError(f"the app exited ({self.proc.returncode}):\n{self.log()}")
            text = self.log()
            match = regex.search(text, self.read_to)
            if match:
                self.read_to = match.end()
            return match
        try:
            return wait_for(seen, timeout, f"/{pattern}/ in the app's log")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n--- app log ---\n{self.log()[-4000:]}") from None

    def scan(self, text: str, suffix: str = "Return") -> None:
        """A wedge scanner: 5 ms a key, Shift pressed for each capital, then its suffix key."""
        self.display.run("xdotool", "type", "--delay", "5", text)
        if suffix:
            self.display.run("xdotool", "key", "--delay", "5", *suffix.split())

    def type(self, text: str, enter: bool = True) -> None:
        """A keeper: a key every 80 ms (xdotool waits half its delay between press and
        release), a quick typist and still far slower than a scanner."""
        self.display.run("xdotool", "type", "--delay", "160", text)
        if enter:
            self.key("Return")

    def key(self, *keys: str) -> None:
        self.display.run("xdotool", "key", "--delay", "60", *keys)

    def log_in(self, pin: str = "1234") -> None:
        """Type the PIN once its dialog has the keyboard, and come back once the main window
        has it again (keys typed before the window manager moves the focus go elsewhere)."""
        self.wait_log(r"PIN prompt up", timeout=60)
        self.wait_active(self.window(r"登录"))
        self.type(pin)
        self.wait_log(r"unlocked")
        self.wait_active(self.main_window())

    def window(self, title: str) -> str:
        return wait_for(lambda: self.display.run("xdotool", "search", "--onlyvisible", "--name",
                                                 title).split(), what=f"a window /{title}/")[0]

    def wait_active(self, window: str) -> None:
        wait_for(lambda: self.display.run("xdotool", "getactivewindow").strip() == window,
                 what=f"window {window} to have the keyboard")

    def main_window(self) -> str:
        return self.window("^村站助手$")

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        self._log.close()
