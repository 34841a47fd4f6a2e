"""Browser tests: a `renewal serve` of this checkout on a free port with a fresh SQLite file,
driven by Debian's chromium through chromedriver, headless. Each page fails the test on an
HTTP error, a console error, the catalogue's missing-key marker, or a page wider than the window."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("RENEWAL_BIN", os.path.join(REPO, ".build", "debug", "renewal"))
SCREENSHOTS = os.path.join(REPO, "docs", "screenshots")
# What the flow tests need of the server besides its address: its SQLite file, for `renewal user add`.
SERVER = {}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    port = free_port()
    folder = tempfile.mkdtemp(prefix="renewal-browser-")
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    # The flow signs in a dozen accounts from one address within a minute.
    env["RENEWAL_LOGIN_ATTEMPTS_PER_MINUTE"] = "1000"
    SERVER["sqlite"] = os.path.join(folder, "renewal.sqlite")
    log = open(os.path.join(folder, "serve.log"), "w")
    proc = subprocess.Popen([BINARY, "serve", "--port", str(port), "--sqlite", os.path.join(folder, "renewal.sqlite")],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/health", timeout=2)
            break
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError("renewal serve ended: see " + log.name)
            time.sleep(0.2)
    else:
        raise RuntimeError("renewal serve did not answer")
    yield base
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture()
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    # Finding an element waits for the page that a click asked for.
    driver.implicitly_wait(15)
    yield driver
    driver.quit()
