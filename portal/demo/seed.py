"""Demo data for `manage.py seed_demo`: users for every role and the public site
in all seven languages. Deterministic and idempotent: what exists is left alone."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import RichText

from content.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from mobility.models import Cluster, Indicator
from portal.demo import content as demo
from portal.demo.mobility import seed_mobility
from portal.demo.pictures import NEWS_PICTURES, STORY_PICTURES, DemoPictures, seed_logos
from portal.demo.sections import in_every_language, locales, seed_sections, translated
from portal.demo.training import seed_training
from portal.demo.visits import seed_visits
from portal.models import User
from portal.roles import ANALYSTS, EDITORS, TRAINERS

DEMO_PASSWORD = "centramo-demo"

# The benchmark indicators each demo story (one per country) shows how to improve.
STORY_TOPICS = {
    "CZ": ["GOV.4", "GOV.5"],
    "SK": ["SRV.1", "SRV.6"],
    "PL": ["FIN.2", "FIN.5"],
    "HU": ["COM.1", "COM.5"],
    "HR": ["STR.1", "STR.3"],
    "TR": ["ACH.2", "ACH.6"],
}

# The directory cluster (portal/demo/mobility.py) each demo story is about.
STORY_CLUSTERS = {"CZ": "CZ-002", "SK": "SK-004", "PL": "PL-007", "HU": "HU-005", "HR": "HR-003", "TR": "TR-005"}

# (role shown by `make run`, e-mail, first name, last name, organisation, country, language, group, superuser)
DEMO_USERS = [
    ("administrator", "admin@centramo.example", "Alena", "Adminová", "Centramo secretariat", "CZ", "en", None, True),
    ("editor", "editor@centramo.example", "Erik", "Szabó", "Centramo secretariat", "HU", "hu", EDITORS, False),
    (
        "trainer",
        "trainer@centramo.example",
        "Tereza",
        "Dvořáková",
        "Moravian Cluster Academy",
        "CZ",
        "cs",
        TRAINERS,
        False,
    ),
    (
        "benchmark analyst",
        "analyst@centramo.example",
        "Andrzej",
        "Nowak",
        "Benchmarking office",
        "PL",
        "pl",
        ANALYSTS,
        False,
    ),
    (
        "cluster manager",
        "manager.cz@centramo.example",
        "Martin",
        "Novák",
        "Bohemian Food Cluster",
        "CZ",
        "cs",
        None,
        False,
    ),
    (
        "cluster manager",
        "manager.sk@centramo.example",
        "Mária",
        "Kováčová",
        "Slovak Automotive Cluster",
        "SK",
        "sk",
        None,
        False,
    ),
    (
        "participant",
        "participant@centramo.example",
        "Petra",
        "Horvat",
        "Adriatic Wood Cluster",
        "HR",
        "hr",
        None,
        False,
    ),
]


def seed():
    """Create whatever demo data is missing. Returns the number of objects created."""
    with transaction.atomic():
        created = seed_users()
        # Clusters first: news and stories link to their profiles.
        created += seed_mobility()
        created += seed_sections()
        created += seed_site()
        created += seed_visits()
        created += seed_training()
        created += seed_logos()
    return created


def seed_users():
    created = 0
    for _role, email, first, last, organisation, country, language, group, superuser in DEMO_USERS:
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            email,
            DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            organisation=organisation,
            country=country,
            preferred_language=language,
            is_staff=superuser,
            is_superuser=superuser,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if group:
            user.groups.add(Group.objects.get(name=group))
        created += 1
    return created


def seed_site():
    """The about page, news and best-practice stories in the sections, unless news exist."""
    if NewsPage.objects.exists():
        return 0
    by_lang = locales()
    homes = in_every_language(HomePage)
    news_indexes = in_every_language(NewsIndexPage)
    practice_indexes = in_every_language(BestPracticeIndexPage)
    before = Page.objects.count()

    about = demo.ABOUT
    about_pages = translated(
        homes,
        by_lang,
        lambda lang, locale: StandardPage(
            locale=locale,
            title=about["title"][lang],
            slug=about["slug"][lang],
            intro=about["intro"][lang],
            body=[_block(block, lang) for block in about["blocks"]],
            show_in_menus=True,
        ),
    )
    # The about page leads the menu, before the sections.
    for lang, page in about_pages.items():
        page.move(homes[lang], pos="first-child")

    pictures = DemoPictures()
    for article in demo.NEWS:
        topic = NEWS_PICTURES[article["tags"]["en"][0]]
        pages = translated(
            news_indexes,
            by_lang,
            lambda lang, locale, article=article, topic=topic: NewsPage(
                **pictures.fields(topic, lang),
                locale=locale,
                title=article["title"][lang],
                slug=article["slug"][lang],
                date=article["date"],
                summary=article["summary"][lang],
                body=[("paragraph", RichText(link_clusters(article["body"][lang], lang)))],
            ),
        )
        for lang, page in pages.items():
            page.tags.add(*article["tags"][lang])
            page.save_revision().publish()

    for story in demo.BEST_PRACTICES:
        topics = list(Indicator.objects.filter(code__in=STORY_TOPICS[story["country"]]))
        cluster = Cluster.objects.filter(code=STORY_CLUSTERS[story["country"]]).first()
        topic = STORY_PICTURES[story["sector"]["en"]]
        translated(
            practice_indexes,
            by_lang,
            lambda lang, locale, story=story, topics=topics, cluster=cluster, topic=topic: BestPracticePage(
                **pictures.fields(topic, lang),
                cluster=cluster,
                locale=locale,
                title=story["title"][lang],
                slug=story["slug"][lang],
                date=story["date"],
                country=story["country"],
                cluster_name=story["cluster_name"][lang],
                sector=story["sector"][lang],
                featured=story["featured"],
                summary=story["summary"][lang],
                challenge=story["challenge"][lang],
                approach=story["approach"][lang],
                results=story["results"][lang],
                contact_name=story["contact_name"],
                contact_email=story["contact_email"],
                topics=topics,
            ),
        )

    return Page.objects.count() - before


def link_clusters(html, lang):
    """Link the first mention of each directory cluster in `html` to its profile in `lang`."""
    for name, code in Cluster.objects.filter(is_public=True).values_list("name", "code"):
        if escape(name) in html:
            with translation.override(lang):
                url = reverse("mobility:cluster", kwargs={"code": code})
            html = html.replace(escape(name), f'<a href="{url}">{escape(name)}</a>', 1)
    return html


def _block(block, lang):
    kind = block["type"]
    if kind == "heading":
        return ("heading", {"text": block["text"][lang], "level": "h2"})
    if kind == "paragraph":
        return ("paragraph", RichText(block["html"][lang]))
    if kind == "quote":
        return ("quote", {"quote": block["quote"][lang], "attribution": block["attribution"][lang]})
    if kind == "table":
        rows = [[cell[lang] for cell in row] for row in block["rows"]]
        table = {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False}
        return ("table", {"caption": block["caption"][lang], "table": table})
    raise ValueError(f"Unknown demo block type: {kind}")
