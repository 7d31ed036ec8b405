"""The HTML view: its page, its escaping, and its behaviour in a real headless browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import speechast
from benchmarks.corpus import generated
from speechast.cli import main
from speechast.nodes import Item, Section
from speechast.tree import walk
from speechast.view import render_html
from tests.conftest import EXAMPLES

HOSTILE = (
    "关于<script>window.pwned=1</script>的通知\n"
    '一、<img src=x onerror="window.pwned=2">检查\n'
    "要检查 </span></article><script>window.pwned=3</script> 和 &amp; 。\n"
    "二、落实\n"
    "要落实。\n"
)


def _entries(doc: speechast.Document) -> int:
    return sum(isinstance(node, Section | Item) for _, node in walk(doc))


def test_the_page_escapes_the_input_and_admits_only_its_own_script() -> None:
    page = render_html(speechast.parse(HOSTILE), HOSTILE)
    assert "<script>window.pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert "&amp;amp;" in page
    assert page.count("<script>") == 1
    assert "script-src 'sha256-" in page and "default-src 'none'" in page


def test_the_page_is_self_contained() -> None:
    text = (EXAMPLES / "05_noise_kinds.txt").read_text(encoding="utf-8")
    page = render_html(speechast.parse(text), text)
    for fetch in ("src=", "<link", "@import", "url("):
        assert fetch not in page


def test_the_example_page_is_up_to_date() -> None:
    source = EXAMPLES / "07_enumerations_inline_and_block.txt"
    text = source.read_text(encoding="utf-8")
    page = render_html(speechast.parse(text), text, source.name)
    assert (EXAMPLES / "07_enumerations_inline_and_block.html").read_text(encoding="utf-8") == page


def test_view_writes_a_page_per_input(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("0[12]*.txt"))]
    assert main(["view", "-q", *files]) == 2  # several pages need a directory
    assert main(["view", "-q", "-o", str(tmp_path), *files]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.html")) == [
        "01_standard_levels.txt.html",
        "02_skipped_level.txt.html",
    ]


# --------------------------------------------------------------- in a browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromedriver are not installed (.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: WebDriver, tmp_path: Path, text: str, name: str) -> speechast.Document:
    doc = speechast.parse(text)
    page = tmp_path / f"{name}.html"
    page.write_bytes(render_html(doc, text, name).encode("utf-8", "xmlcharrefreplace"))
    browser.get(page.as_uri())
    return doc


# A report of about 50,000 characters (150 KB of UTF-8), made by the benchmarks.
LONG = generated(150_000)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("example", (EXAMPLES / "07_enumerations_inline_and_block.txt").read_text("utf-8")),
        ("long", LONG),
    ],
)
def test_one_entry_per_node_and_a_click_scrolls_to_it(
    browser: WebDriver, tmp_path: Path, name: str, text: str
) -> None:
    doc = _open(browser, tmp_path, text, name)
    links = browser.find_elements(By.CSS_SELECTOR, "#outline a[data-target]")
    sections_and_items = browser.find_elements(
        By.CSS_SELECTOR, "#outline a.section, #outline a.item"
    )
    assert len(sections_and_items) == _entries(doc) > 0
    articles = [c for c in doc.children if isinstance(c, speechast.Document)]
    assert len(links) == len(sections_and_items) + len(articles)
    last = links[-1]
    browser.execute_script("arguments[0].scrollIntoView()", last)
    last.click()
    target = browser.find_element(By.ID, last.get_attribute("data-target") or "")
    shown = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(),"
        " p = document.getElementById('source').getBoundingClientRect();"
        "return r.top >= p.top - 1 && r.top < p.bottom;",
        target,
    )
    assert shown is True
    assert "flash" in (target.get_attribute("class") or "")
    browser.save_screenshot(str(tmp_path / f"{name}.png"))
    assert (tmp_path / f"{name}.png").stat().st_size > 0


def test_a_script_in_the_input_does_not_run(browser: WebDriver, tmp_path: Path) -> None:
    _open(browser, tmp_path, HOSTILE, "hostile")
    assert browser.execute_script("return window.pwned === undefined")
    source = browser.find_element(By.ID, "source").text
    assert (
        "<script>window.pwned=1</script>" in source
        and '<img src=x onerror="window.pwned=2">' in source
    )
    # The page's own script still runs: clicking an entry flashes its heading.
    browser.find_elements(By.CSS_SELECTOR, "#outline a")[0].click()
    assert browser.find_elements(By.CSS_SELECTOR, "#source .flash")
