import json
import os
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, SCREENSHOTS

MARKER = "\u27e6"


def status_of(url):
    try:
        return urllib.request.urlopen(url, timeout=30).status
    except urllib.error.HTTPError as e:
        return e.code


def check_page(browser, width, expected_lang):
    """No console error, no untranslated key, the page no wider than the window, its language."""
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    html = browser.page_source
    assert MARKER not in html
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == expected_lang
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    inner = browser.execute_script("return window.innerWidth")
    assert scroll <= inner, f"page {scroll} px wide in a {inner} px window at {width}"


def open_at(browser, url, width):
    browser.set_window_size(width, 900)
    browser.get(url)


def fill_calculator(browser):
    values = {
        "entName": "上海浦江智能装备有限公司", "entCode": "91310115MA1K4ABCDD", "entIndustry": "C3484",
        "projectName": "高端数控机床产线智能化技术改造", "declared": "86000000",
        "loan1Lender": "上海银行", "loan1Principal": "40000000", "loan1Rate": "0.032",
        "loan1I2024": "960000", "loan1I2025": "1280000",
    }
    for name, value in values.items():
        field = browser.find_element(By.ID, name)
        field.clear()
        field.send_keys(value)
    browser.find_element(By.CSS_SELECTOR, "#entDistrict option[value=pudong]").click()
    for category in ("technical-renovation", "equipment-renewal"):
        box = browser.find_element(By.CSS_SELECTOR, f"input[name='categories[]'][value='{category}']")
        if not box.is_selected():
            box.click()
    # Dates through the field's value: date inputs take keys in the locale's order.
    for name, value in (("applicationDate", "2024-09-15"), ("loan1Start", "2024-04-01"), ("loan1End", "2029-03-31")):
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, name), value)
    browser.find_element(By.ID, "calc-submit").click()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_calculator_form(server, browser, width, lang):
    open_at(browser, server + "/calculator", width)
    if lang == "en":
        browser.get(server + "/lang/en?back=/calculator")
    check_page(browser, width, lang)
    fill_calculator(browser)
    assert browser.find_element(By.ID, "plan")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.support-chart polyline.curve")
    total = browser.find_element(By.ID, "city-total").text
    assert ("万元" if lang == "zh-CN" else "yuan") in total
    check_page(browser, width, lang)
    if width == 1280:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        browser.save_screenshot(os.path.join(SCREENSHOTS, f"calculator-plan-{lang}.png"))
        charts = browser.find_elements(By.CSS_SELECTOR, "figure.chart")
        assert len(charts) == 2, "the investment's curve and the loan's interest"
        charts[0].screenshot(os.path.join(SCREENSHOTS, f"support-chart-{lang}.png"))
        charts[1].screenshot(os.path.join(SCREENSHOTS, f"interest-chart-{lang}.png"))
    elif lang == "zh-CN":
        browser.save_screenshot(os.path.join(SCREENSHOTS, "calculator-plan-390.png"))


@pytest.mark.parametrize("width", [1280, 390])
def test_calculator_upload(server, browser, width):
    open_at(browser, server + "/calculator", width)
    browser.find_element(By.ID, "file").send_keys(os.path.join(REPO, "Examples", "enterprise-plan.json"))
    browser.find_element(By.ID, "upload-submit").click()
    assert browser.find_element(By.ID, "plan")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.support-chart")) >= 2
    check_page(browser, width, "zh-CN")


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path,shot", [("/policy", "policy-library"), ("/policy/parameters", "policy-parameters"), ("/login", "sign-in")])
def test_public_pages(server, browser, width, path, shot):
    assert status_of(server + path) == 200
    open_at(browser, server + path, width)
    check_page(browser, width, "zh-CN")
    if width == 1280:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        browser.save_screenshot(os.path.join(SCREENSHOTS, f"{shot}.png"))
    elif path == "/policy":
        browser.save_screenshot(os.path.join(SCREENSHOTS, "policy-library-390.png"))


def test_sign_in_refused_without_saying_which(server, browser):
    open_at(browser, server + "/login", 1280)
    browser.find_element(By.ID, "username").send_keys("nobody")
    browser.find_element(By.ID, "password").send_keys("not-the-password")
    browser.find_element(By.CSS_SELECTOR, "form.narrow button[type=submit]").click()
    message = browser.find_element(By.ID, "login-error").text
    assert "用户名或密码错误" in message
    # The refusal is a 401: the console reports the status, which is the page working as meant.
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "401" not in e["message"]]
    assert not errors, errors
    assert MARKER not in browser.page_source
