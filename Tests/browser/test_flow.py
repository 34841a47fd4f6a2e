"""The main flow in a browser, on a fresh server: accounts made by `renewal user add`; in
Chromium the enterprise signs in, registers its record and a project in the forms (the project
it applies for is entered through the API), finds it, applies, uploads every material and
submits; the district's officer takes the case in and sends it to review; each department asked
gives its opinion; the city officer approves, reports a target's figure on the dashboard, and
previews and saves a change of a parameter.
Every page is checked at 1280 and 390 px (HTTP status, console, untranslated keys, width)."""
import json
import os
import subprocess
import tempfile
import urllib.request

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, REPO, SCREENSHOTS, SERVER
from test_pages import MARKER

PASSWORD = "browser-flow-password-1"
DEPARTMENTS = ["reform-office", "development-reform", "economy-informatization", "planning-resources",
               "ecology-environment", "housing-construction", "finance"]


def add_user(name, *args):
    subprocess.run([BINARY, "user", "add", name, *args, "--sqlite", SERVER["sqlite"]], cwd=REPO,
                   input=PASSWORD + "\n", text=True, check=True, capture_output=True)


def api(server, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(server + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"{}")


def check(browser, lang="zh-CN"):
    """The page as loaded, at 1280 px and at 390 px: its HTTP status, no console error, no
    untranslated key, no wider than the window; back to 1280 px after."""
    # An HTTP error would show as the error page (a signed-in page cannot be fetched without the
    # browser's cookies); the console reports a failed status too.
    browser.implicitly_wait(0)
    assert not browser.find_elements(By.ID, "error-message"), browser.current_url
    browser.implicitly_wait(15)
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, errors
        assert MARKER not in browser.page_source
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        scroll = browser.execute_script("return document.documentElement.scrollWidth")
        inner = browser.execute_script("return window.innerWidth")
        assert scroll <= inner, f"{browser.current_url}: {scroll} px wide in a {inner} px window"
    browser.set_window_size(1280, 900)


def replaced(page):
    """Whether the page an element belongs to has been replaced by the next one. Chromium
    answers a node of a page that is gone either as stale or, while the next page loads, with an
    inspector error ("Node with given id does not belong to the document"): both mean gone."""
    def check(browser):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    return check


def wait_for_next_page(browser, page):
    WebDriverWait(browser, 30).until(replaced(page))
    WebDriverWait(browser, 30).until(lambda b: b.execute_script("return document.readyState") == "complete")


def press(browser, element_id):
    """Clicks a form's button and waits for the page it leads to (not the one still shown)."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, element_id).click()
    wait_for_next_page(browser, page)


def shot(browser, name, width=1280):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    browser.set_window_size(width, 900)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(max(height, 900), 4000))
    browser.save_screenshot(os.path.join(SCREENSHOTS, name))
    browser.set_window_size(1280, 900)


def sign_in(browser, server, username):
    browser.delete_all_cookies()
    browser.get(server + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "form.narrow button[type=submit]").click()
    wait_for_next_page(browser, page)
    assert browser.find_element(By.CSS_SELECTOR, "li.user")


def material_files():
    """One file of each kind the checklist takes, recognised by its bytes."""
    folder = tempfile.mkdtemp(prefix="renewal-materials-")
    contents = {
        "pdf": b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n",
        "xlsx": b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml....",
        "png": b"\x89PNG\r\n\x1a\n",
    }
    paths = {}
    for kind, data in contents.items():
        paths[kind] = os.path.join(folder, f"material.{kind}")
        with open(paths[kind], "wb") as f:
            f.write(data)
    return paths


def test_apply_review_approve(server, browser):
    with open(os.path.join(REPO, "Examples", "enterprise-plan.json"), encoding="utf-8") as f:
        example = json.load(f)
    code = example["enterprise"]["creditCode"]
    add_user("flow.enterprise", "--role", "enterprise", "--enterprise", code)
    add_user("flow.pudong", "--role", "district_officer", "--district", example["enterprise"]["district"])
    add_user("flow.city", "--role", "city_officer")
    for department in DEPARTMENTS:
        add_user(f"flow.{department}", "--role", "department", "--department", department)
    token = api(server, "POST", "/api/tokens", {"username": "flow.enterprise", "password": PASSWORD})["token"]

    # The enterprise: registers its record in the form (a refusal first, beside its field).
    sign_in(browser, server, "flow.enterprise")
    browser.get(server + "/enterprise/record")
    check(browser)
    press(browser, "save-record")
    assert browser.find_element(By.ID, "name-error")
    # The refusal's own status (422) is the console's one error; nothing else.
    logged = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert all("422" in e["message"] for e in logged), logged
    check(browser)
    browser.find_element(By.ID, "name").send_keys(example["enterprise"]["name"])
    browser.find_element(By.CSS_SELECTOR, f"#district option[value='{example['enterprise']['district']}']").click()
    browser.find_element(By.ID, "industryCode").send_keys(example["enterprise"]["industryCode"])
    press(browser, "save-record")
    assert browser.find_element(By.ID, "done")
    check(browser)
    shot(browser, "enterprise-record.png")
    # A project entered in the form; the one it applies for through the API (the example's whole file).
    browser.get(server + "/enterprise/projects/new")
    browser.find_element(By.ID, "code").send_keys("P-FORM-1")
    browser.find_element(By.ID, "name").send_keys("注塑车间节能改造")
    browser.find_element(By.CSS_SELECTOR, "input[name='categories[]'][value='technical-renovation']").click()
    browser.find_element(By.ID, "declared").send_keys("12000000")
    press(browser, "save-project")
    assert browser.find_element(By.ID, "done"), browser.find_element(By.TAG_NAME, "main").text
    check(browser)
    shot(browser, "enterprise-project-390.png", width=390)
    project = api(server, "POST", "/api/projects", {"creditCode": code, "project": example["projects"][0]}, token)

    # Finds its project, applies, uploads, submits.
    browser.get(server + "/enterprise")
    assert "P-FORM-1" in browser.page_source
    assert example["projects"][0]["id"] in browser.page_source
    check(browser)
    browser.get(server + "/enterprise/applications")
    check(browser)
    browser.find_element(By.CSS_SELECTOR, f"#projectId option[value='{project['id']}']").click()
    press(browser, "apply")
    assert browser.find_element(By.ID, "done")
    case_id = browser.find_element(By.ID, "case-id").text
    assert browser.find_element(By.ID, "missing-count")
    check(browser)
    shot(browser, "application-draft.png")
    files = material_files()
    rows = [(r.find_element(By.CSS_SELECTOR, "td code").text, r.find_elements(By.TAG_NAME, "td")[2].text)
            for r in browser.find_elements(By.CSS_SELECTOR, "table.checklist tbody tr")]
    for item, accepted in rows:
        kind = next(k for k in ("pdf", "xlsx", "png") if k in accepted)
        browser.find_element(By.CSS_SELECTOR, f"#item option[value='{item}']").click()
        browser.find_element(By.ID, "file").send_keys(files[kind])
        press(browser, "upload")
        assert browser.find_element(By.ID, "done"), item
    assert browser.find_element(By.ID, "nothing-missing")
    check(browser)
    press(browser, "submit")
    assert browser.find_element(By.ID, "case-state").get_attribute("data-state") == "submitted"
    check(browser)
    browser.get(server + "/enterprise/applications")
    assert browser.find_elements(By.CSS_SELECTOR, "tr.state-submitted")
    check(browser)
    shot(browser, "enterprise-applications.png")

    # The district's officer: the queue, the case beside the engine's plan, intake, review.
    sign_in(browser, server, "flow.pudong")
    browser.get(server + "/cases")
    check(browser)
    shot(browser, "case-queue.png")
    browser.get(server + browser.find_element(By.CSS_SELECTOR, f"a[href='/cases/{case_id}']").get_attribute("href").replace(server, ""))
    assert browser.find_element(By.ID, "city-total")
    check(browser)
    shot(browser, "case-review.png")
    shot(browser, "case-review-390.png", width=390)
    press(browser, "intake")
    assert browser.find_element(By.ID, "done")
    press(browser, "start-review")
    assert browser.find_element(By.ID, "case-state").get_attribute("data-state") == "under_review"
    check(browser)

    # Each department asked: its opinion.
    asked = 0
    for department in DEPARTMENTS:
        sign_in(browser, server, f"flow.{department}")
        browser.get(server + "/cases")
        check(browser)
        browser.implicitly_wait(0)
        links = browser.find_elements(By.CSS_SELECTOR, f"a[href='/cases/{case_id}']")
        browser.implicitly_wait(15)
        if not links:
            continue
        asked += 1
        browser.get(server + f"/cases/{case_id}")
        press(browser, "give-opinion")
        assert browser.find_element(By.ID, "done")
        check(browser)
    assert asked > 0

    # The city officer: the decision, at the amounts the engine gave (the form's own values).
    sign_in(browser, server, "flow.city")
    browser.get(server + f"/cases/{case_id}")
    field = browser.find_element(By.ID, "approvedInvestment")
    field.clear()
    field.send_keys("80000000")
    check(browser)
    press(browser, "decide")
    assert browser.find_element(By.ID, "case-state").get_attribute("data-state") == "approved"
    assert browser.find_element(By.ID, "granted-total").text
    check(browser)
    shot(browser, "case-approved.png")

    # The city officer: the targets dashboard, a report of a measure through its form, the
    # status in words beside the colour, the trend charts; the district's view.
    browser.get(server + "/dashboard")
    assert browser.find_element(By.ID, "target-T1") and browser.find_element(By.ID, "target-T21")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.trend-chart")
    check(browser)
    browser.find_element(By.CSS_SELECTOR, "#r-measure option[value='T19|national-testing-platforms']").click()
    browser.find_element(By.ID, "r-value").send_keys("1")
    browser.find_element(By.ID, "r-evidence").send_keys("浏览器测试：国家级平台认定通知")
    press(browser, "send-report")
    assert browser.find_element(By.ID, "done")
    status = browser.find_element(By.CSS_SELECTOR, "#measure-national-testing-platforms .status[data-status]")
    assert status.get_attribute("data-status") in ("green", "amber", "red") and status.text
    check(browser)
    shot(browser, "dashboard.png")
    shot(browser, "dashboard-390.png", width=390)
    browser.get(server + "/dashboard?district=pudong")
    assert browser.find_element(By.ID, "dash-district")
    check(browser)
    # The ledger and the budget pools, as the city officer reads them.
    browser.get(server + "/ledger")
    assert browser.find_element(By.ID, "proposals-total")
    check(browser)
    shot(browser, "ledger.png")
    browser.get(server + "/lists")
    assert browser.find_element(By.ID, "no-lists")
    check(browser)
    # The parameter editor: a change previewed (what it does to the stored projects, nothing
    # written), then saved.
    browser.get(server + "/policy/parameters")
    check(browser)
    press(browser, "edit-7a.ratio")
    field = browser.find_element(By.ID, "value")
    field.clear()
    field.send_keys("10%")
    # From the plan's start, so that the stored projects feel it (a date field's typing is the locale's).
    browser.execute_script("document.getElementById('from').value = '2024-06-01'")
    browser.find_element(By.ID, "note").send_keys("浏览器测试：贴息比例调整")
    press(browser, "preview-change")
    assert browser.find_element(By.ID, "preview-changed").text not in ("", "0")
    assert browser.find_elements(By.CSS_SELECTOR, "#preview-projects tbody tr")
    assert browser.find_element(By.ID, "preview-difference").text
    check(browser)
    shot(browser, "parameter-preview.png")
    shot(browser, "parameter-preview-390.png", width=390)
    press(browser, "save-change")
    assert browser.find_element(By.ID, "done")
    check(browser)
    browser.get(server + "/lang/en?back=/dashboard")
    check(browser, "en")
    shot(browser, "dashboard-en.png")
    browser.get(server + "/lang/en?back=/cases")
    check(browser, "en")
