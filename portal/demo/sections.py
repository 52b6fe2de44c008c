"""Titles of the demo site's sections in every language."""

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


def publish(parent, page):
    """Add `page` below `parent` and publish it (a first revision, as an editor's publish makes)."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
