"""Browser tests of `placement serve` in a real headless Chromium (Debian's, driven by
Playwright from pip): the week's loop as a planner does it, every page in Danish and English
at 1366x768 with a screenshot, and axe-core on every page (no serious or critical violation).

Run by `make browser-test` (part of `make test`). Screenshots go to .build/browser/ (ignored).
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("PLACEMENT_BIN", os.path.join(ROOT, ".build/debug/placement"))
OUT = os.path.join(ROOT, ".build/browser")
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
SEEDS = [os.path.join(ROOT, "seeds", f) for f in ("residences.csv", "places.csv", "citizens.csv", "placements.csv")]
PASSWORD = "browser-test-pass"
failures = []
START = time.monotonic()


def check(condition, what):
    # Seconds since the start, to see where the run's time goes (CI's budget is tight).
    print(f"{time.monotonic() - START:6.1f}s " + ("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(env, *args):
    subprocess.run([BIN, *args], env=env, check=True, stdout=subprocess.DEVNULL)


def axe_check(axe, page, name):
    # Rows past the 20th of a table are built like the first 20; leaving them out keeps axe
    # from spending a minute on a 500-row audit log.
    results = axe.run(page, context={"exclude": [["tbody tr:nth-child(n+21)"]]})
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    for v in bad:
        print(f"     axe {v['impact']}: {v['id']} on {name}: {[n['target'] for n in v['nodes'][:3]]}")
    check(not bad, f"axe: no serious or critical violation on {name}")


def main():
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="placement-browser-")
    db = os.path.join(work, "demo.sqlite")
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"), PLACEMENT_PASSWORD=PASSWORD, PLACEMENT_USER="setup")
    env.pop("PLACEMENT_DB", None)
    cli(env, "init", "--municipality", "615", "--db", db)
    cli(env, "user", "add", "planner", "--role", "planner", "--db", db)
    cli(env, "user", "add", "admin", "--role", "administrator", "--db", db)
    port = free_port()
    server = subprocess.Popen([BIN, "serve", "--db", db, "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        run(base)
    finally:
        server.terminate()
        log = server.communicate(timeout=10)[0].decode()
        # No personal data in the server's output: no citizen pseudonyms, no CPR-like numbers.
        check(not re.search(r"B\d{7}|\d{6}-?\d{4}", log), "the server printed no citizen id or CPR number")
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failure(s); screenshots in {OUT}")
    sys.exit(1 if failures else 0)


def shot(page, name):
    page.screenshot(path=os.path.join(OUT, name + ".png"), full_page=False)


def run(base):
    axe = Axe()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="da-DK")

        # Log in as the planner.
        page.goto(base + "/")
        expect(page.locator("h1")).to_have_text("Log ind")
        shot(page, "da-login")
        axe_check(axe, page, "login")
        page.get_by_label("Brugernavn").fill("planner")
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        expect(page.locator("h1")).to_contain_text("Overblik")
        check("planner · Planlægger" in page.content(), "logged in as the planner")

        # Import the demo seeds through the upload form: preview first, then confirm.
        page.get_by_role("link", name="Import", exact=True).click()
        # The file input is ours, in Danish: hidden from sight, not from the keyboard.
        check(page.locator("label.file-button").first.inner_text() == "Vælg filer …", "the file button is in Danish")
        page.get_by_label("Filer", exact=True).focus()
        check(page.evaluate("document.activeElement.id") == "f-files", "the file input takes the keyboard's focus")
        page.get_by_label("Filer", exact=True).set_input_files(SEEDS)
        chosen = page.locator("#f-files-chosen").inner_text()
        check(chosen == ", ".join(os.path.basename(f) for f in SEEDS), f"the chosen files are named ({chosen})")
        # The day field shows the day as its label writes it (dd-mm-åååå), and takes it so.
        day = page.get_by_label("Filerne beskriver dagen (dd-mm-åååå)")
        check(re.fullmatch(r"\d\d-\d\d-\d{4}", day.input_value()) is not None, f"the import day is shown dd-mm-åååå ({day.input_value()})")
        day.fill("23-11-2026")
        shot(page, "da-import-chosen")
        shot(page, "da-import")
        axe_check(axe, page, "import")
        page.get_by_role("button", name="Vis forhåndsvisning").click()
        expect(page.locator("h1")).to_have_text("Forhåndsvisning af import")
        check("Intet er skrevet endnu" in page.content(), "the preview says nothing is written yet")
        check(page.locator("#sheets tbody tr").count() == 4, "the preview lists the four files")
        shot(page, "da-import-preview")
        axe_check(axe, page, "import preview")
        page.get_by_role("button", name="Bekræft import").click()
        expect(page.locator("h1")).to_have_text("Import gennemført", timeout=120_000)
        shot(page, "da-import-done")

        # Run a match on the seeds' day; accept two proposals and decline one.
        page.get_by_role("link", name="Match", exact=True).click()
        # A Danish date field: dd-mm-åååå, as the label says.
        check(page.get_by_label("Matchdag").get_attribute("type") == "text", "the match day is a text field, not the browser's mm/dd/yyyy")
        page.get_by_label("Matchdag").fill("23-11-2026")
        page.get_by_role("button", name="Kør match").click()
        expect(page.locator(".notice.ok")).to_have_text("Kørslen er gemt.", timeout=120_000)
        rows = page.locator("#proposals tbody tr")
        check(rows.count() > 3, f"the run has proposals ({rows.count()})")
        shot(page, "da-match")
        axe_check(axe, page, "match")
        accepted = []
        for _ in range(2):
            button = page.get_by_role("button", name=re.compile("^Acceptér forslaget for ")).first
            accepted.append(button.get_attribute("aria-label").split()[-1])
            button.click()
            expect(page.locator(".notice.ok")).to_contain_text("Accepteret: " + accepted[-1])
        # Declining folds open under its button: a reason from the list and a note.
        box = page.locator("details.decline").first
        declined = box.get_attribute("data-citizen")
        box.locator("summary").click()
        page.locator(f"#r-{declined}").select_option("citizen_declined")
        page.locator(f"#n-{declined}").fill("Ønsker at bo nær sin søster")
        shot(page, "da-match-decline-open")
        box.get_by_role("button", name="Afslå forslaget for " + declined).click()
        expect(page.locator(".notice.ok")).to_contain_text("Afslag registreret: " + declined)
        check(page.locator("#proposals details.reasons").count() > 0, "the reasons fold into details")

        # Withdraw the first acceptance again, with a reason.
        box = page.locator("details.withdraw").first
        withdrawn = box.get_attribute("data-citizen")
        box.locator("summary").click()
        page.locator(f"#w-{withdrawn}").fill("Borgeren er indlagt")
        box.get_by_role("button", name="Træk accepten tilbage for " + withdrawn).click()
        expect(page.locator(".notice.ok")).to_contain_text("Trukket tilbage: " + withdrawn)
        shot(page, "da-match-decided")

        # The three decisions are in the audit log with the planner's name.
        page.goto(base + "/audit?user=planner")
        text = page.locator("#audit").inner_text()
        for c in accepted:
            check(re.search(rf"planner\s+accept\s+acceptance\s+{c}", text) is not None, f"the audit log shows the planner accepting {c}")
        check(re.search(rf"planner\s+decline\s+proposal\s+{declined}\s+citizen_declined", text) is not None,
              f"the audit log shows the planner declining {declined}")
        check(re.search(rf"planner\s+withdraw\s+acceptance\s+{withdrawn}\s+withdraw\s+.*Borgeren er indlagt", text) is not None,
              f"the audit log shows the planner withdrawing {withdrawn} with the reason")
        shot(page, "da-audit")
        axe_check(axe, page, "audit")

        # The citizen page of a declined citizen shows the decline.
        page.goto(base + "/citizens/" + declined)
        check("Borgeren har sagt nej" in page.content(), "the citizen page shows the decline and its reason")
        shot(page, "da-citizen")
        axe_check(axe, page, "citizen")

        # The weekly report on screen, in its frame.
        page.goto(base + "/reports/weekly?week=2026-W48")
        frame = page.frame_locator("iframe.document")
        expect(frame.locator("h1")).to_be_visible()
        check("Venteliste" in frame.locator("body").inner_text(), "the weekly report shows the waiting list")
        shot(page, "da-report")
        axe_check(axe, page, "weekly report")

        # The overview draws the weekly report's trend charts.
        page.goto(base + "/")
        check(page.locator("svg.chart").count() == 5, "the overview shows the five trend charts")

        # A scenario written with the form, then the capacity plan with it: a progress bar
        # while it runs, then the plan.
        page.goto(base + "/plan")
        page.get_by_label("Scenariets navn").fill("Humlebo lukker")
        page.get_by_label("Tilbud der lukker").select_option("615-004")
        page.get_by_label("Lukker (dd-mm-åååå)", exact=True).fill("01-07-2028")
        page.get_by_role("button", name="Gem scenariet").click()
        expect(page.locator(".notice.ok")).to_contain_text("Scenariet \"Humlebo lukker\" er gemt")
        check(page.get_by_label("Humlebo lukker").is_checked(), "the written scenario is chosen for the next plan")
        page.get_by_label("Planens startdag").fill("23-11-2026")
        page.get_by_label("Kørsler pr. scenarie").fill("10")
        page.get_by_label("År", exact=True).fill("3")
        page.get_by_role("button", name="Kør plan").click()
        bar = page.locator("#plan-bar")
        saw_bar = bar.count() > 0
        if saw_bar:
            shot(page, "da-plan-progress")
        check(saw_bar or page.locator("iframe.document").count() > 0, "the plan page shows a progress bar while the plan runs")
        expect(page.frame_locator("iframe.document").locator("h1")).to_be_visible(timeout=180_000)
        check("Humlebo lukker" in page.frame_locator("iframe.document").locator("body").inner_text(), "the plan shows the written scenario")
        shot(page, "da-plan")
        axe_check(axe, page, "plan")

        # Every page in both languages, looked at as a picture and checked with axe.
        pages = [("overview", "/"), ("waiting", "/waiting"), ("match", "/match"), ("residences", "/residences"),
                 ("import", "/import"), ("policy", "/policy"), ("report", "/reports/weekly?week=2026-W48"),
                 ("plan", "/plan?job=1"), ("audit", "/audit"), ("citizen", "/citizens/" + declined)]
        for lang in ("da", "en"):
            page.goto(base + f"/lang/{lang}?back=/")
            for name, path in pages:
                page.goto(base + path)
                check(page.locator("html").get_attribute("lang") == lang, f"{name} is in {lang}")
                # Tables fit a laptop: nothing scrolls sideways at 1366 px.
                width = page.evaluate("document.documentElement.scrollWidth")
                check(width <= 1366, f"{name} ({lang}) fits 1366 px ({width})")
                shot(page, f"{lang}-{name}")
                if lang == "da":
                    page.screenshot(path=os.path.join(OUT, f"{lang}-{name}-full.png"), full_page=True)
                axe_check(axe, page, f"{name} ({lang})")
        page.goto(base + "/waiting")
        expect(page.locator("h1")).to_have_text("Waiting list")
        # Citizens bridging while they wait are counted in the caption and marked in their row.
        marks = page.locator("#waiting tbody .badge.bridging")
        check(marks.count() > 0 and marks.first.inner_text() == "bridging", f"bridging citizens are marked ({marks.count()})")
        check(f"{marks.count()} of them bridging" in page.locator("#waiting caption").inner_text(), "the caption counts the bridging citizens")
        page.goto(base + "/lang/da?back=/waiting")
        check(page.locator("#waiting tbody .badge.bridging").first.inner_text() == "i overgangsophold", "the mark is Danish in Danish")
        page.locator("#waiting tbody .badge.bridging").first.scroll_into_view_if_needed()
        shot(page, "da-waiting-bridging")
        page.goto(base + "/lang/en?back=/waiting")
        page.get_by_role("button", name="Days").click()
        first = page.locator("#waiting tbody tr").first.locator("td").nth(6).inner_text()
        page.get_by_role("button", name="Days").click()
        check(page.locator("#waiting tbody tr").first.locator("td").nth(6).inner_text() != first or rows.count() < 2,
              "the waiting list sorts by days, both ways")

        # The administrator sees the users page; the planner does not.
        page.goto(base + "/users")
        check(page.locator("h1").inner_text() == "Not allowed", "the planner cannot open the users page")
        page.get_by_role("button", name="Log out").click()
        page.get_by_label("User name").fill("admin")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.goto(base + "/users")
        expect(page.locator("h1")).to_have_text("Users")
        shot(page, "en-users")
        axe_check(axe, page, "users (en)")
        page.goto(base + "/lang/da?back=/users")
        expect(page.locator("h1")).to_have_text("Brugere")
        shot(page, "da-users")
        browser.close()


if __name__ == "__main__":
    main()
