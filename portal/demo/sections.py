# ruff: noqa: E501
"""The site's sections in every language: the home pages, news, best practices, the training
library and seminars, and the footer. Tests start from these sections alone and build the
rest with factories; the demo content (`portal.demo.seed`) fills them."""

from django.db import transaction
from wagtail.coreutils import cautious_slugify
from wagtail.models import Locale, Page, Site

from content.models import BestPracticeIndexPage, FooterText, HomePage, NewsIndexPage
from portal.demo.content import FOOTER, HOME, LANGS
from training.models import SeminarIndexPage, TrainingLibraryPage

NEWS_INDEX = {
    "title": {
        "en": "News",
        "cs": "Aktuality",
        "sk": "Novinky",
        "pl": "Aktualności",
        "hu": "Hírek",
        "hr": "Novosti",
        "tr": "Haberler",
    },
    "slug": {
        "en": "news",
        "cs": "aktuality",
        "sk": "novinky",
        "pl": "aktualnosci",
        "hu": "hirek",
        "hr": "novosti",
        "tr": "haberler",
    },
    "intro": {
        "en": "What is happening in the network: benchmarking rounds, seminars, study visits and labels.",
        "cs": "Co se děje v síti: kola benchmarkingu, semináře, studijní cesty a značky kvality.",
        "sk": "Čo sa deje v sieti: kolá benchmarkingu, semináre, študijné cesty a značky kvality.",
        "pl": "Co dzieje się w sieci: rundy benchmarkingu, seminaria, wizyty studyjne i certyfikaty.",
        "hu": "Mi történik a hálózatban: benchmarking fordulók, szemináriumok, tanulmányutak és minősítések.",
        "hr": "Što se događa u mreži: krugovi benchmarkinga, seminari, studijska putovanja i oznake.",
        "tr": "Ağda neler oluyor: kıyaslama turları, seminerler, çalışma ziyaretleri ve etiketler.",
    },
}

BEST_PRACTICE_INDEX = {
    "title": {
        "en": "Best practices",
        "cs": "Příklady dobré praxe",
        "sk": "Príklady dobrej praxe",
        "pl": "Dobre praktyki",
        "hu": "Jó gyakorlatok",
        "hr": "Primjeri dobre prakse",
        "tr": "İyi uygulamalar",
    },
    "slug": {
        "en": "best-practices",
        "cs": "dobra-praxe",
        "sk": "dobra-prax",
        "pl": "dobre-praktyki",
        "hu": "jo-gyakorlatok",
        "hr": "dobra-praksa",
        "tr": "iyi-uygulamalar",
    },
    "intro": {
        "en": "How clusters in the network turned weak points of their benchmarking report into strengths.",
        "cs": "Jak klastry v síti proměnily slabá místa ze své benchmarkingové zprávy v silné stránky.",
        "sk": "Ako klastre v sieti premenili slabé miesta zo svojej benchmarkingovej správy na silné stránky.",
        "pl": "Jak klastry w sieci zamieniły słabe punkty ze swojego raportu benchmarkingowego w mocne strony.",
        "hu": "Hogyan alakították át a hálózat klaszterei benchmarking jelentésük gyenge pontjait erősségekké.",
        "hr": "Kako su klasteri u mreži slabe točke iz svojeg izvješća o benchmarkingu pretvorili u prednosti.",
        "tr": "Ağdaki kümelerin kıyaslama raporlarındaki zayıf noktaları nasıl güçlü yönlere dönüştürdüğü.",
    },
}

LIBRARY = {
    "title": {
        "en": "Training library",
        "cs": "Knihovna školení",
        "sk": "Knižnica školení",
        "pl": "Biblioteka szkoleń",
        "hu": "Képzési könyvtár",
        "hr": "Knjižnica za obuku",
        "tr": "Eğitim kütüphanesi",
    },
    "intro": {
        "en": "Handbooks, slides, exercises and case studies used by the network's certified trainers, translated and adapted to each country.",
        "cs": "Příručky, prezentace, cvičení a případové studie, se kterými pracují certifikovaní školitelé sítě, přeložené a přizpůsobené každé zemi.",
        "sk": "Príručky, prezentácie, cvičenia a prípadové štúdie, s ktorými pracujú certifikovaní školitelia siete, preložené a prispôsobené každej krajine.",
        "pl": "Podręczniki, prezentacje, ćwiczenia i studia przypadków, z których korzystają certyfikowani trenerzy sieci, przetłumaczone i dostosowane do każdego kraju.",
        "hu": "Kézikönyvek, diasorok, gyakorlatok és esettanulmányok, amelyekkel a hálózat minősített trénerei dolgoznak, minden országhoz lefordítva és igazítva.",
        "hr": "Priručnici, prezentacije, vježbe i studije slučaja s kojima rade certificirani treneri mreže, prevedeni i prilagođeni svakoj zemlji.",
        "tr": "Ağın sertifikalı eğitmenlerinin kullandığı el kitapları, sunumlar, alıştırmalar ve vaka çalışmaları; her ülke için çevrilmiş ve uyarlanmıştır.",
    },
}

SEMINARS = {
    "title": {
        "en": "Seminars",
        "cs": "Semináře",
        "sk": "Semináre",
        "pl": "Seminaria",
        "hu": "Szemináriumok",
        "hr": "Seminari",
        "tr": "Seminerler",
    },
    "intro": {
        "en": "Interactive seminars for cluster managers, run by certified trainers in each partner country.",
        "cs": "Interaktivní semináře pro manažery klastrů, které vedou certifikovaní školitelé v každé partnerské zemi.",
        "sk": "Interaktívne semináre pre manažérov klastrov, ktoré vedú certifikovaní školitelia v každej partnerskej krajine.",
        "pl": "Interaktywne seminaria dla menedżerów klastrów prowadzone przez certyfikowanych trenerów w każdym kraju partnerskim.",
        "hu": "Interaktív szemináriumok klasztermenedzsereknek, amelyeket minősített trénerek tartanak minden partnerországban.",
        "hr": "Interaktivni seminari za menadžere klastera koje vode certificirani treneri u svakoj partnerskoj zemlji.",
        "tr": "Her ortak ülkede sertifikalı eğitmenlerin yürüttüğü, küme yöneticilerine yönelik etkileşimli seminerler.",
    },
}


def publish(parent, page):
    """Add `page` below `parent` and publish it (a first revision, as an editor's publish makes)."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def slugify_title(text):
    """A URL slug for a title in any of the seven languages (letters Wagtail's slugify would drop become ASCII)."""
    for source, target in (("ı", "i"), ("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D"), ("İ", "I")):
        text = text.replace(source, target)
    return cautious_slugify(text)[:80].strip("-")


def locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}


def translated(parent_by_lang, locales, make_page):
    """Create the English page, then one translation per language sharing its translation key."""
    english = publish(parent_by_lang["en"], make_page("en", locales["en"]))
    pages = {"en": english}
    for lang in LANGS[1:]:
        page = make_page(lang, locales[lang])
        page.translation_key = english.translation_key
        pages[lang] = publish(parent_by_lang[lang], page)
    return pages


def in_every_language(model):
    """The live pages of `model`, one per language code."""
    return {page.locale.language_code: page for page in model.objects.live().select_related("locale")}


def seed_sections():
    """Create the home page and the four sections in seven languages, the site and the footer,
    unless a home page exists. Returns the number of objects created."""
    if HomePage.objects.exists():
        return 0
    with transaction.atomic():
        by_lang = locales()
        root = Page.get_first_root_node()
        # Wagtail's installer leaves a "Welcome" page (and a site pointing at it) in
        # the slot our home page takes.
        Site.objects.all().delete()
        for placeholder in root.get_children():
            placeholder.delete()
        homes = translated(
            dict.fromkeys(LANGS, root),
            by_lang,
            lambda lang, locale: HomePage(
                locale=locale,
                title=HOME["title"][lang],
                slug=HOME["slug"][lang],
                hero_title=HOME["hero_title"][lang],
                intro=HOME["intro"][lang],
            ),
        )
        Site.objects.create(
            hostname="localhost", port=80, root_page=homes["en"], is_default_site=True, site_name="Centramo"
        )
        sections = [
            (NewsIndexPage, NEWS_INDEX, lambda lang: NEWS_INDEX["slug"][lang]),
            (BestPracticeIndexPage, BEST_PRACTICE_INDEX, lambda lang: BEST_PRACTICE_INDEX["slug"][lang]),
            (TrainingLibraryPage, LIBRARY, lambda lang: slugify_title(LIBRARY["title"][lang])),
            (SeminarIndexPage, SEMINARS, lambda lang: slugify_title(SEMINARS["title"][lang])),
        ]
        for model, texts, slug in sections:
            translated(
                homes,
                by_lang,
                lambda lang, locale, model=model, texts=texts, slug=slug: model(
                    locale=locale,
                    title=texts["title"][lang],
                    slug=slug(lang),
                    intro=texts["intro"][lang],
                    show_in_menus=True,
                ),
            )
        english_footer = FooterText.objects.create(
            locale=by_lang["en"], body=FOOTER["body"]["en"], contact_email=FOOTER["contact_email"]
        )
        for lang in LANGS[1:]:
            FooterText.objects.create(
                locale=by_lang[lang],
                translation_key=english_footer.translation_key,
                body=FOOTER["body"][lang],
                contact_email=FOOTER["contact_email"],
            )
    return Page.objects.filter(depth__gt=1).count() + len(LANGS)
