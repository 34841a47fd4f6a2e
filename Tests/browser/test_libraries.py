"""The catalogue, the list library and the resource library in a browser, on the session's
server: an enterprise submits a product in the form; a department records the expert review;
a member affiliated with the enterprise reads why they cannot vote; three members vote; the city
officer publishes; then anyone finds it by the public search. The city officer publishes a
list's edition by upload and searches the list; the resource library is read.
Every page is checked at 1280 and 390 px (HTTP status, console, untranslated keys, width)."""
import os
import tempfile
import urllib.error

from selenium.webdriver.common.by import By

from test_flow import DEPARTMENTS, add_user, api, check, press, shot, sign_in

CODE = "91310112MA1G0B0B0T"
PRODUCT = "浏览器测试用高精度五轴联动加工中心"


def test_catalogue_committee_and_list_search(server, browser):
    add_user("lib.enterprise", "--role", "enterprise", "--enterprise", CODE)
    add_user("lib.city", "--role", "city_officer")
    members = [f"lib.member{i}" for i in range(1, 5)]
    for i, name in enumerate(members):
        add_user(name, "--role", "department", "--department", DEPARTMENTS[i])
    add_user("lib.reviewer", "--role", "department", "--department", DEPARTMENTS[4])
    city = api(server, "POST", "/api/tokens", {"username": "lib.city", "password": "browser-flow-password-1"})["token"]
    try:
        api(server, "POST", "/api/enterprises", {"creditCode": CODE, "name": "浏览器测试闵行装备有限公司", "district": "minhang", "industryCode": "C3421"}, city)
    except urllib.error.HTTPError as e:
        assert e.code == 409, e
    # The committee: four members, the last affiliated with the enterprise (so recused).
    for name in members:
        api(server, "POST", "/api/catalogue/committee",
            {"username": name, "action": "appoint", "affiliations": [CODE] if name == members[-1] else []}, city)

    # The enterprise submits its product in the form and follows it.
    sign_in(browser, server, "lib.enterprise")
    browser.get(server + "/catalogue")
    check(browser)
    press(browser, "submit-product")
    check(browser)
    browser.find_element(By.ID, "name").send_keys(PRODUCT)
    browser.find_element(By.CSS_SELECTOR, "#category option[value='equipment']").click()
    browser.execute_script("document.getElementById('firstOnMarketDate').value = '2024-03-01'")
    browser.find_element(By.ID, "description").send_keys("浏览器测试：国产首台套")
    press(browser, "product-submit")
    assert browser.find_element(By.ID, "done")
    assert browser.find_element(By.ID, "product-status").get_attribute("data-status") == "submitted"
    check(browser)
    number = browser.current_url.split("/catalogue/")[1].split("?")[0]

    # A department records the expert review.
    sign_in(browser, server, "lib.reviewer")
    browser.get(server + f"/catalogue/{number}")
    for i, expert in enumerate(["专家甲", "专家乙", "专家丙"], start=1):
        browser.find_element(By.ID, f"expert{i}").send_keys(expert)
    check(browser)
    press(browser, "review-submit")
    assert browser.find_element(By.ID, "product-status").get_attribute("data-status") == "in_committee"
    check(browser)

    # The affiliated member reads why they cannot vote; the others vote.
    sign_in(browser, server, members[-1])
    browser.get(server + f"/catalogue/{number}")
    assert "回避" in browser.find_element(By.ID, "seat-refusal").text
    browser.implicitly_wait(0)
    assert not browser.find_elements(By.ID, "vote-submit")
    browser.implicitly_wait(15)
    check(browser)
    shot(browser, "catalogue-recused.png")
    for name in members[:3]:
        sign_in(browser, server, name)
        browser.get(server + f"/catalogue/{number}")
        check(browser)
        press(browser, "vote-submit")
        assert browser.find_element(By.ID, "voted")
        check(browser)

    # The city officer closes the vote and publishes.
    sign_in(browser, server, "lib.city")
    browser.get(server + f"/catalogue/{number}")
    assert browser.find_element(By.CSS_SELECTOR, "#tally [data-outcome]").get_attribute("data-outcome") == "approved"
    check(browser)
    press(browser, "publish-submit")
    assert browser.find_element(By.ID, "product-status").get_attribute("data-status") == "published"
    assert browser.find_element(By.ID, "mark").text
    check(browser)
    shot(browser, "catalogue-product.png")

    # The city officer: a list's edition by upload, then the list's search.
    folder = tempfile.mkdtemp(prefix="renewal-lists-")
    path = os.path.join(folder, "instruments.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("编号,名称,企业名称,统一社会信用代码,区,年度,型号\n"
                "BR-1,浏览器测试超分辨荧光显微镜,浏览器测试仪器有限公司,,浦东新区,2025,SR-100\n"
                "BR-2,浏览器测试高通量质谱仪,浏览器测试分析仪器有限公司,,minhang,2025,MS-9\n")
    browser.get(server + "/list-library/kinds/research-instruments")
    check(browser)
    browser.find_element(By.ID, "title").send_keys("浏览器测试第一批")
    browser.find_element(By.ID, "file").send_keys(path)
    press(browser, "publish-submit")
    assert browser.find_element(By.ID, "done")
    check(browser)
    browser.get(server + "/list-library")
    browser.find_element(By.ID, "f-q").send_keys("质谱")
    press(browser, "list-search-submit")
    assert "BR-2" in browser.find_element(By.ID, "list-entries").text
    assert "BR-1" not in browser.find_element(By.ID, "list-entries").text
    check(browser)
    shot(browser, "list-library.png")
    shot(browser, "list-library-390.png", width=390)
    browser.get(server + "/resources")
    check(browser)
    browser.get(server + "/lang/en?back=/list-library")
    check(browser, "en")

    # Anyone: the public search finds the published product.
    browser.delete_all_cookies()
    browser.get(server + "/catalogue")
    browser.find_element(By.ID, "f-q").send_keys("五轴联动")
    press(browser, "catalogue-search-submit")
    table = browser.find_element(By.ID, "catalogue-products").text
    assert number in table and PRODUCT in table
    check(browser)
    shot(browser, "catalogue.png")
    shot(browser, "catalogue-390.png", width=390)
