"""Shared fixtures: the real site built once per run, a local HTTP server for it, and Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from harness import CHROMIUM, base_url, launch, serve
from project import ROOT, build
from quality import close_context, new_context

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def catalogue():
    """The real catalogue, loaded and validated."""
    from ks.catalogue.load import load_catalogue
    return load_catalogue(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once (strict, with PDFs) into a temp dir."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, site=out, strict=True, pdf=True)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def server(site):
    """Base URL of a local HTTP server for the built site."""
    httpd = serve(site)
    yield base_url(httpd)
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole run (never a downloaded browser)."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with 'apt-get install -y chromium'")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (own context: no shared storage between tests)."""
    context = new_context(browser)
    pg = context.new_page()
    yield pg
    close_context(context)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for files a person should look at after the run (screenshots, PNG of a handout)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
