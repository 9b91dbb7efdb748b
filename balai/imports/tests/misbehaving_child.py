"""Stand-ins for the reader child in tests: one killed by a signal when the file's name says
"segfault", otherwise one that never finishes."""

from __future__ import annotations

import json
import os
import signal
import sys
import time

if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    if "segfault" in request["path"]:
        os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(60)
