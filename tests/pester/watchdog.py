#!/usr/bin/env python3
"""Runs one server for the Pester suite and makes sure it never outlives the test run.

Usage: python3 watchdog.py LOGFILE PARENT_PID -- COMMAND [ARGS...]

COMMAND runs with stdin from /dev/null and stdout and stderr appended to LOGFILE. The watchdog ends it (SIGTERM, then
SIGKILL after 5 s) when its own stdin (a pipe held only by the test process) reaches end of file, which happens when
the test process closes it (Stop-TestServer) or dies, even by SIGKILL, or when PARENT_PID is no longer its parent.
The watchdog exits with COMMAND's exit code when COMMAND exits by itself.
"""

import os
import signal
import subprocess
import sys
import threading
import time


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    log_path, parent = sys.argv[1], int(sys.argv[2])
    with open(log_path, "ab", buffering=0) as log:
        child = subprocess.Popen(sys.argv[4:], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)

    def stop_child():
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        os._exit(0)

    def on_stdin_eof():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except Exception:
            pass
        stop_child()

    def on_orphaned():
        while os.getppid() == parent:
            time.sleep(1)
        stop_child()

    signal.signal(signal.SIGTERM, lambda *_: stop_child())
    threading.Thread(target=on_stdin_eof, daemon=True).start()
    threading.Thread(target=on_orphaned, daemon=True).start()
    code = child.wait()
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
