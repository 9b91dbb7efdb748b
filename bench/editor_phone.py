"""The news editor on a 360×780 phone (issue 17, part 2): the new-story form's height, where the
Terbitkan button is when the page opens (on screen, and its place in the page's flow), where the
page heading and the story's text start, and whether any markup shows in the editor after a save.

Run against a running Balai with a village user who may publish (the demo's admin will do):

    .venv/bin/python bench/editor_phone.py BASE EMAIL PASSWORD SLUG
    e.g. … http://127.0.0.1:8000 admin@dagan.desa.id demo-balai-2026 dagan   (after make demo)

It saves a draft story named "Ukur editor …" in that village (and deletes it at the end).
The browser test balai/news/tests/test_browser_editor.py holds these figures with a margin.
"""

from __future__ import annotations

import json
import os
import sys
import time

from playwright.sync_api import sync_playwright

TERBITKAN = """() => {
  const b = [...document.querySelectorAll('button')]
    .find(b => b.textContent.trim() === 'Terbitkan');
  if (!b) return null;
  const shown = b.getBoundingClientRect().top;
  const bar = b.closest('.form-actions');
  if (bar) bar.style.position = 'static';
  const inFlow = b.getBoundingClientRect().top + scrollY;
  if (bar) bar.style.position = '';
  return {on_screen_at_load: Math.round(shown), in_page_flow: Math.round(inFlow)};
}"""
TOP = """(sel) => {
  const e = document.querySelector(sel);
  return e ? Math.round(e.getBoundingClientRect().top + scrollY) : null;
}"""


def main(base: str, email: str, password: str, slug: str) -> dict:
    out: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        page = browser.new_context(viewport={"width": 360, "height": 780}).new_page()
        page.goto(base + "/masuk/")
        page.fill("[name=email]", email)
        page.fill("[name=password]", password)
        page.locator("form button[type=submit], form button").last.click()
        page.wait_for_load_state()
        page.goto(f"{base}/dasbor/{slug}/berita/tulis/")
        out["new_story_form_height_px"] = page.evaluate("document.documentElement.scrollHeight")
        out["terbitkan_y_px"] = page.evaluate(TERBITKAN)
        out["heading_y_px"] = page.evaluate(TOP, "h1")
        out["body_y_px"] = page.evaluate(TOP, ".rt-surface:not([hidden]), textarea[name=body]")
        page.fill("[name=title]", f"Ukur editor {int(time.time())}")
        surface = page.locator(".rt-surface")
        if surface.count():
            surface.click()
            page.keyboard.type("Paragraf satu.")
            page.keyboard.press("Enter")
            page.keyboard.type("Paragraf dua.")
        else:
            page.fill("[name=body]", "Paragraf satu.\n\nParagraf dua.")
        page.get_by_role("button", name="Simpan").first.click()
        page.wait_for_load_state()
        shown = surface.inner_text() if surface.count() else page.input_value("textarea[name=body]")
        out["markup_in_editor_after_save"] = "<" in shown or ">" in shown
        out["saved_page_height_px"] = page.evaluate("document.documentElement.scrollHeight")
        out["terbitkan_y_after_save_px"] = page.evaluate(TERBITKAN)
        delete = page.get_by_role("link", name="Hapus berita")
        if delete.count():
            delete.click()
            page.locator("form button").last.click()
        browser.close()
    return out


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    print(json.dumps(main(*sys.argv[1:5]), indent=2))
    print("rerun: .venv/bin/python bench/editor_phone.py " + " ".join(sys.argv[1:5]))
