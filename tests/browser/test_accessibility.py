"""Every page type, at a laptop and a phone width, in two languages: axe-core and the Nu Html Checker find nothing.

axe-core runs inside Chromium on the rendered page (all rules, all impacts); the
Nu Html Checker (vnu.jar, Java) checks the HTML exactly as the server sent it.
Screenshots of each page land in test-artifacts/a11y/.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WIDTHS = {"laptop": 1280, "phone": 390}
PASSWORD = "centramo-demo"


def _tools_or_skip():
    missing = [str(path) for path in (AXE, VNU) if not path.exists()]
    if not shutil.which("java"):
        missing.append("java")
    if missing:
        reason = f"accessibility tools missing: {', '.join(missing)} (make setup installs the npm packages)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)


def _page_url(model, lang):
    from wagtail.models import Locale

    page = model.objects.live().public().filter(locale=Locale.objects.get(language_code=lang)).first()
    return page.url


def public_urls(lang):
    from content.models import BestPracticeIndexPage, BestPracticePage, HomePage, NewsIndexPage, NewsPage
    from mobility.models import Cluster
    from training.models import SeminarIndexPage, SeminarPage, TrainingLibraryPage, TrainingMaterialPage

    with translation.override(lang):
        urls = {
            "home": _page_url(HomePage, lang),
            "news": _page_url(NewsIndexPage, lang),
            "article": _page_url(NewsPage, lang),
            "practices": _page_url(BestPracticeIndexPage, lang),
            "story": _page_url(BestPracticePage, lang),
            "library": _page_url(TrainingLibraryPage, lang),
            "material": _page_url(TrainingMaterialPage, lang),
            "seminars": _page_url(SeminarIndexPage, lang),
            "seminar": _page_url(SeminarPage, lang),
            "directory": reverse("mobility:directory"),
            "cluster": reverse("mobility:cluster", kwargs={"code": Cluster.objects.order_by("code").first().code}),
            "statistics": reverse("mobility:statistics"),
            "search": reverse("search") + "?q=cluster",
            "offers": reverse("visits:offers"),
            "login": reverse("account_login"),
            "signup": reverse("account_signup"),
            "password-reset": reverse("account_reset_password"),
        }
    return urls


def manager_urls(lang):
    from mobility.models import Cluster

    with translation.override(lang):
        return {
            "dashboard": reverse("dashboard"),
            "peers": reverse("visits:peers"),
            "results": reverse("mobility:results", kwargs={"code": Cluster.objects.get(code="CZ-001").code}),
            "bookings": reverse("visits:bookings"),
            "my-clusters": reverse("mobility:my_clusters"),
            "profile": reverse("profile"),
        }


def axe_violations(page):
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def vnu_errors(files):
    completed = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def sign_in(page, email):
    with translation.override("en"):
        page.goto(page.base_url + reverse("account_login"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def check_pages(page, urls, *, label, source_dir):
    """Visit each URL at both widths; return axe findings, and save each page's HTML as served."""
    findings = {}
    for name, path in urls.items():
        response = page.request.get(page.base_url + path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        (source_dir / f"{label}-{name}.html").write_text(response.text(), encoding="utf-8")
        for width_name, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(page.base_url + path)
            page.screenshot(path=ARTIFACTS / "a11y" / f"{label}-{name}-{width_name}.png", full_page=True)
            problems = axe_violations(page)
            if problems:
                findings[f"{label} {name} {width_name}"] = problems
    return findings


def test_every_page_type_has_no_axe_or_html_errors(browser_page, live_server, tmp_path):
    _tools_or_skip()
    page = browser_page
    (ARTIFACTS / "a11y").mkdir(parents=True, exist_ok=True)
    findings = {}
    for lang in ("en", "pl"):
        findings |= check_pages(page, public_urls(lang), label=f"public-{lang}", source_dir=tmp_path)
    sign_in(page, "manager.cz@centramo.example")
    for lang in ("en", "cs"):
        findings |= check_pages(page, manager_urls(lang), label=f"manager-{lang}", source_dir=tmp_path)

    html_errors = vnu_errors(sorted(tmp_path.glob("*.html")))
    report = {"axe": findings, "nu-html-checker": html_errors}
    (ARTIFACTS / "a11y" / "findings.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    assert findings == {}
    assert html_errors == []
