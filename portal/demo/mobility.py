# ruff: noqa: E501
"""Demo clusters, benchmark results, labels and memberships for `seed_demo`.

60 fictional clusters in the six partner countries, two editions (2012, 2014)
in which most clusters improved somewhere, bronze labels (the edition labels
have expired; some clusters renewed theirs recently), the demo managers'
memberships and the clusters' consent to peer matching (48 of 60 agreed). Deterministic (seeded random generator), written with bulk inserts.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from mobility.models import (
    BenchmarkEdition,
    BenchmarkResult,
    Cluster,
    ClusterMembership,
    Indicator,
    Label,
    LabelLevel,
    MatchingConsent,
    MembershipRole,
    MembershipStatus,
    Region,
    Score,
    Sector,
)
from mobility.vocabulary import code_for
from portal.core.dates import add_years
from portal.core.ratings import Rating
from portal.models import User

EDITIONS = (("2012", datetime.date(2012, 10, 1)), ("2014", datetime.date(2014, 10, 1)))

# country: (cluster count, national language, name prefixes, regions as REGION_NAMES keys them)
COUNTRIES = {
    "CZ": (
        12,
        "cs",
        [
            "Bohemian",
            "Moravian",
            "Silesian",
            "Pilsen",
            "Liberec",
            "Zlín",
            "East Bohemian",
            "Haná",
            "Vysočina",
            "North Bohemian",
            "South Bohemian",
            "Prague",
        ],
        [
            "Central Bohemia",
            "South Moravia",
            "Moravia-Silesia",
            "Plzeň",
            "Liberec",
            "Zlín",
            "Hradec Králové",
            "Olomouc",
            "Vysočina",
            "Ústí nad Labem",
            "South Bohemia",
            "Prague",
        ],
    ),
    "PL": (
        10,
        "pl",
        [
            "Silesian",
            "Kraków",
            "Wielkopolska",
            "Pomeranian",
            "Lower Silesian",
            "Mazovian",
            "Aviation Valley",
            "Łódź",
            "Lublin",
            "Baltic",
        ],
        [
            "Silesia",
            "Lesser Poland",
            "Greater Poland",
            "Pomerania",
            "Lower Silesia",
            "Masovia",
            "Subcarpathia",
            "Łódź",
            "Lublin",
            "West Pomerania",
        ],
    ),
    "SK": (
        10,
        "sk",
        ["Slovak", "Trnava", "Nitra", "Žilina", "Central Slovak", "Prešov", "Košice", "Trenčín", "Danube", "Tatra"],
        [
            "Bratislava",
            "Trnava",
            "Nitra",
            "Žilina",
            "Banská Bystrica",
            "Prešov",
            "Košice",
            "Trenčín",
            "Bratislava",
            "Prešov",
        ],
    ),
    "HU": (
        10,
        "hu",
        ["Pannon", "Budapest", "Győr", "Debrecen", "Szeged", "Székesfehérvár", "Miskolc", "Pécs", "Balaton", "Tisza"],
        [
            "Western Transdanubia",
            "Budapest",
            "Western Transdanubia",
            "Northern Great Plain",
            "Southern Great Plain",
            "Central Transdanubia",
            "Northern Hungary",
            "Southern Transdanubia",
            "Central Transdanubia",
            "Northern Great Plain",
        ],
    ),
    "HR": (
        9,
        "hr",
        ["Adriatic", "Zagreb", "Dalmatian", "Istrian", "Slavonian", "Kvarner", "Varaždin", "Zadar", "Karlovac"],
        [
            "Split-Dalmatia",
            "City of Zagreb",
            "Split-Dalmatia",
            "Istria",
            "Osijek-Baranja",
            "Primorje-Gorski Kotar",
            "Varaždin",
            "Zadar",
            "Karlovac",
        ],
    ),
    "TR": (
        9,
        "tr",
        ["İzmir", "Aegean", "Kemalpaşa", "Torbalı", "Aliağa", "Bornova", "Çiğli", "Menemen", "Gulf of İzmir"],
        [
            "İzmir – Konak",
            "İzmir – Bornova",
            "İzmir – Kemalpaşa",
            "İzmir – Torbalı",
            "İzmir – Aliağa",
            "İzmir – Bornova",
            "İzmir – Çiğli",
            "İzmir – Menemen",
            "İzmir – Karşıyaka",
        ],
    ),
}
SECTORS = [
    "Food and agriculture",
    "Automotive",
    "ICT",
    "Energy",
    "Wood and furniture",
    "Plastics",
    "Mechanical engineering",
    "Tourism",
    "Textiles and fashion",
    "Logistics",
    "Health and life sciences",
    "Creative industries",
]
SHORT_SECTOR = {
    "Food and agriculture": "Food",
    "Automotive": "Automotive",
    "ICT": "ICT",
    "Energy": "Energy",
    "Wood and furniture": "Wood",
    "Plastics": "Plastics",
    "Mechanical engineering": "Engineering",
    "Tourism": "Tourism",
    "Textiles and fashion": "Textile",
    "Logistics": "Logistics",
    "Health and life sciences": "Health",
    "Creative industries": "Creative",
}
# Every sector in all seven languages (`Sector.name_<code>`), as the best-practice stories name them.
SECTOR_NAMES = {
    "Food and agriculture": {
        "cs": "Potraviny a zemědělství",
        "sk": "Potraviny a poľnohospodárstvo",
        "pl": "Żywność i rolnictwo",
        "hu": "Élelmiszeripar és mezőgazdaság",
        "hr": "Hrana i poljoprivreda",
        "tr": "Gıda ve tarım",
    },
    "Automotive": {
        "cs": "Automobilový průmysl",
        "sk": "Automobilový priemysel",
        "pl": "Motoryzacja",
        "hu": "Járműipar",
        "hr": "Automobilska industrija",
        "tr": "Otomotiv",
    },
    "ICT": {
        "cs": "Informační a komunikační technologie",
        "sk": "Informačné a komunikačné technológie",
        "pl": "Technologie informacyjno-komunikacyjne",
        "hu": "Infokommunikáció",
        "hr": "Informacijske i komunikacijske tehnologije",
        "tr": "Bilgi ve iletişim teknolojileri",
    },
    "Energy": {
        "cs": "Energetika",
        "sk": "Energetika",
        "pl": "Energetyka",
        "hu": "Energetika",
        "hr": "Energetika",
        "tr": "Enerji",
    },
    "Wood and furniture": {
        "cs": "Dřevo a nábytek",
        "sk": "Drevo a nábytok",
        "pl": "Drewno i meble",
        "hu": "Fa- és bútoripar",
        "hr": "Drvo i namještaj",
        "tr": "Ağaç ve mobilya",
    },
    "Plastics": {
        "cs": "Plasty",
        "sk": "Plasty",
        "pl": "Tworzywa sztuczne",
        "hu": "Műanyagipar",
        "hr": "Plastika",
        "tr": "Plastik",
    },
    "Mechanical engineering": {
        "cs": "Strojírenství",
        "sk": "Strojárstvo",
        "pl": "Budowa maszyn",
        "hu": "Gépipar",
        "hr": "Strojarstvo",
        "tr": "Makine imalatı",
    },
    "Tourism": {
        "cs": "Cestovní ruch",
        "sk": "Cestovný ruch",
        "pl": "Turystyka",
        "hu": "Turizmus",
        "hr": "Turizam",
        "tr": "Turizm",
    },
    "Textiles and fashion": {
        "cs": "Textil a móda",
        "sk": "Textil a móda",
        "pl": "Tekstylia i moda",
        "hu": "Textil- és divatipar",
        "hr": "Tekstil i moda",
        "tr": "Tekstil ve moda",
    },
    "Logistics": {
        "cs": "Logistika",
        "sk": "Logistika",
        "pl": "Logistyka",
        "hu": "Logisztika",
        "hr": "Logistika",
        "tr": "Lojistik",
    },
    "Health and life sciences": {
        "cs": "Zdravotnictví a vědy o živé přírodě",
        "sk": "Zdravotníctvo a vedy o živej prírode",
        "pl": "Zdrowie i nauki przyrodnicze",
        "hu": "Egészségipar és élettudományok",
        "hr": "Zdravstvo i znanosti o životu",
        "tr": "Sağlık ve yaşam bilimleri",
    },
    "Creative industries": {
        "cs": "Kreativní průmysl",
        "sk": "Kreatívny priemysel",
        "pl": "Przemysły kreatywne",
        "hu": "Kreatívipar",
        "hr": "Kreativne industrije",
        "tr": "Yaratıcı endüstriler",
    },
}
# Every region (as COUNTRIES names it) by its official name in all seven languages: the
# national one is the name the country itself uses (Moravskoslezský kraj, Województwo śląskie).
REGION_NAMES = {
    # Czechia: the 14 kraje (12 of them here).
    "Central Bohemia": {
        "en": "Central Bohemian Region",
        "cs": "Středočeský kraj",
        "sk": "Stredočeský kraj",
        "pl": "Kraj środkowoczeski",
        "hu": "Közép-csehországi kerület",
        "hr": "Srednjočeški kraj",
        "tr": "Orta Bohemya Bölgesi",
    },
    "South Moravia": {
        "en": "South Moravian Region",
        "cs": "Jihomoravský kraj",
        "sk": "Juhomoravský kraj",
        "pl": "Kraj południowomorawski",
        "hu": "Dél-morvaországi kerület",
        "hr": "Južnomoravski kraj",
        "tr": "Güney Moravya Bölgesi",
    },
    "Moravia-Silesia": {
        "en": "Moravian-Silesian Region",
        "cs": "Moravskoslezský kraj",
        "sk": "Moravskosliezsky kraj",
        "pl": "Kraj morawsko-śląski",
        "hu": "Morva-sziléziai kerület",
        "hr": "Moravsko-šleski kraj",
        "tr": "Moravya-Silezya Bölgesi",
    },
    "Plzeň": {
        "en": "Plzeň Region",
        "cs": "Plzeňský kraj",
        "sk": "Plzenský kraj",
        "pl": "Kraj pilzneński",
        "hu": "Plzeňi kerület",
        "hr": "Plzenski kraj",
        "tr": "Plzeň Bölgesi",
    },
    "Liberec": {
        "en": "Liberec Region",
        "cs": "Liberecký kraj",
        "sk": "Liberecký kraj",
        "pl": "Kraj liberecki",
        "hu": "Libereci kerület",
        "hr": "Liberečki kraj",
        "tr": "Liberec Bölgesi",
    },
    "Zlín": {
        "en": "Zlín Region",
        "cs": "Zlínský kraj",
        "sk": "Zlínsky kraj",
        "pl": "Kraj zliński",
        "hu": "Zlíni kerület",
        "hr": "Zlinski kraj",
        "tr": "Zlín Bölgesi",
    },
    "Hradec Králové": {
        "en": "Hradec Králové Region",
        "cs": "Královéhradecký kraj",
        "sk": "Královohradecký kraj",
        "pl": "Kraj hradecki",
        "hu": "Hradec Králové-i kerület",
        "hr": "Kraljevohradečki kraj",
        "tr": "Hradec Králové Bölgesi",
    },
    "Olomouc": {
        "en": "Olomouc Region",
        "cs": "Olomoucký kraj",
        "sk": "Olomoucký kraj",
        "pl": "Kraj ołomuniecki",
        "hu": "Olomouci kerület",
        "hr": "Olomoučki kraj",
        "tr": "Olomouc Bölgesi",
    },
    "Vysočina": {
        "en": "Vysočina Region",
        "cs": "Kraj Vysočina",
        "sk": "Kraj Vysočina",
        "pl": "Kraj Wysoczyna",
        "hu": "Vysočina kerület",
        "hr": "Kraj Vysočina",
        "tr": "Vysočina Bölgesi",
    },
    "Ústí nad Labem": {
        "en": "Ústí nad Labem Region",
        "cs": "Ústecký kraj",
        "sk": "Ústecký kraj",
        "pl": "Kraj ustecki",
        "hu": "Ústí nad Labem-i kerület",
        "hr": "Ustečki kraj",
        "tr": "Ústí nad Labem Bölgesi",
    },
    "South Bohemia": {
        "en": "South Bohemian Region",
        "cs": "Jihočeský kraj",
        "sk": "Juhočeský kraj",
        "pl": "Kraj południowoczeski",
        "hu": "Dél-csehországi kerület",
        "hr": "Južnočeški kraj",
        "tr": "Güney Bohemya Bölgesi",
    },
    "Prague": {
        "en": "Prague",
        "cs": "Hlavní město Praha",
        "sk": "Hlavné mesto Praha",
        "pl": "Praga",
        "hu": "Prága",
        "hr": "Prag",
        "tr": "Prag",
    },
    # Poland: voivodeships.
    "Silesia": {
        "en": "Silesian Voivodeship",
        "cs": "Slezské vojvodství",
        "sk": "Sliezske vojvodstvo",
        "pl": "Województwo śląskie",
        "hu": "Sziléziai vajdaság",
        "hr": "Šlesko vojvodstvo",
        "tr": "Silezya Voyvodalığı",
    },
    "Lesser Poland": {
        "en": "Lesser Poland Voivodeship",
        "cs": "Malopolské vojvodství",
        "sk": "Malopoľské vojvodstvo",
        "pl": "Województwo małopolskie",
        "hu": "Kis-lengyelországi vajdaság",
        "hr": "Malopoljsko vojvodstvo",
        "tr": "Küçük Polonya Voyvodalığı",
    },
    "Greater Poland": {
        "en": "Greater Poland Voivodeship",
        "cs": "Velkopolské vojvodství",
        "sk": "Veľkopoľské vojvodstvo",
        "pl": "Województwo wielkopolskie",
        "hu": "Nagy-lengyelországi vajdaság",
        "hr": "Velikopoljsko vojvodstvo",
        "tr": "Büyük Polonya Voyvodalığı",
    },
    "Pomerania": {
        "en": "Pomeranian Voivodeship",
        "cs": "Pomořské vojvodství",
        "sk": "Pomoranské vojvodstvo",
        "pl": "Województwo pomorskie",
        "hu": "Pomerániai vajdaság",
        "hr": "Pomeransko vojvodstvo",
        "tr": "Pomeranya Voyvodalığı",
    },
    "Lower Silesia": {
        "en": "Lower Silesian Voivodeship",
        "cs": "Dolnoslezské vojvodství",
        "sk": "Dolnosliezske vojvodstvo",
        "pl": "Województwo dolnośląskie",
        "hu": "Alsó-sziléziai vajdaság",
        "hr": "Donjošlesko vojvodstvo",
        "tr": "Aşağı Silezya Voyvodalığı",
    },
    "Masovia": {
        "en": "Masovian Voivodeship",
        "cs": "Mazovské vojvodství",
        "sk": "Mazovské vojvodstvo",
        "pl": "Województwo mazowieckie",
        "hu": "Mazóviai vajdaság",
        "hr": "Mazovjecko vojvodstvo",
        "tr": "Mazovya Voyvodalığı",
    },
    "Subcarpathia": {
        "en": "Subcarpathian Voivodeship",
        "cs": "Podkarpatské vojvodství",
        "sk": "Podkarpatské vojvodstvo",
        "pl": "Województwo podkarpackie",
        "hu": "Kárpátaljai vajdaság",
        "hr": "Potkarpatsko vojvodstvo",
        "tr": "Karpat Altı Voyvodalığı",
    },
    "Łódź": {
        "en": "Łódź Voivodeship",
        "cs": "Lodžské vojvodství",
        "sk": "Lodžské vojvodstvo",
        "pl": "Województwo łódzkie",
        "hu": "Łódźi vajdaság",
        "hr": "Lođsko vojvodstvo",
        "tr": "Łódź Voyvodalığı",
    },
    "Lublin": {
        "en": "Lublin Voivodeship",
        "cs": "Lublinské vojvodství",
        "sk": "Lublinské vojvodstvo",
        "pl": "Województwo lubelskie",
        "hu": "Lublini vajdaság",
        "hr": "Lublinsko vojvodstvo",
        "tr": "Lublin Voyvodalığı",
    },
    "West Pomerania": {
        "en": "West Pomeranian Voivodeship",
        "cs": "Západopomořanské vojvodství",
        "sk": "Západopomoranské vojvodstvo",
        "pl": "Województwo zachodniopomorskie",
        "hu": "Nyugat-pomerániai vajdaság",
        "hr": "Zapadnopomeransko vojvodstvo",
        "tr": "Batı Pomeranya Voyvodalığı",
    },
    # Slovakia: self-governing regions (kraje).
    "Bratislava": {
        "en": "Bratislava Region",
        "cs": "Bratislavský kraj",
        "sk": "Bratislavský kraj",
        "pl": "Kraj bratysławski",
        "hu": "Pozsonyi kerület",
        "hr": "Bratislavski kraj",
        "tr": "Bratislava Bölgesi",
    },
    "Trnava": {
        "en": "Trnava Region",
        "cs": "Trnavský kraj",
        "sk": "Trnavský kraj",
        "pl": "Kraj trnawski",
        "hu": "Nagyszombati kerület",
        "hr": "Trnavski kraj",
        "tr": "Trnava Bölgesi",
    },
    "Nitra": {
        "en": "Nitra Region",
        "cs": "Nitranský kraj",
        "sk": "Nitriansky kraj",
        "pl": "Kraj nitrzański",
        "hu": "Nyitrai kerület",
        "hr": "Nitranski kraj",
        "tr": "Nitra Bölgesi",
    },
    "Žilina": {
        "en": "Žilina Region",
        "cs": "Žilinský kraj",
        "sk": "Žilinský kraj",
        "pl": "Kraj żyliński",
        "hu": "Zsolnai kerület",
        "hr": "Žilinski kraj",
        "tr": "Žilina Bölgesi",
    },
    "Banská Bystrica": {
        "en": "Banská Bystrica Region",
        "cs": "Banskobystrický kraj",
        "sk": "Banskobystrický kraj",
        "pl": "Kraj bańskobystrzycki",
        "hu": "Besztercebányai kerület",
        "hr": "Banskobistrički kraj",
        "tr": "Banská Bystrica Bölgesi",
    },
    "Prešov": {
        "en": "Prešov Region",
        "cs": "Prešovský kraj",
        "sk": "Prešovský kraj",
        "pl": "Kraj preszowski",
        "hu": "Eperjesi kerület",
        "hr": "Prešovski kraj",
        "tr": "Prešov Bölgesi",
    },
    "Košice": {
        "en": "Košice Region",
        "cs": "Košický kraj",
        "sk": "Košický kraj",
        "pl": "Kraj koszycki",
        "hu": "Kassai kerület",
        "hr": "Košički kraj",
        "tr": "Košice Bölgesi",
    },
    "Trenčín": {
        "en": "Trenčín Region",
        "cs": "Trenčínský kraj",
        "sk": "Trenčiansky kraj",
        "pl": "Kraj trenczyński",
        "hu": "Trencséni kerület",
        "hr": "Trenčinski kraj",
        "tr": "Trenčín Bölgesi",
    },
    # Hungary: planning and statistical regions.
    "Western Transdanubia": {
        "en": "Western Transdanubia",
        "cs": "Západní Zadunají",
        "sk": "Západné Zadunajsko",
        "pl": "Zadunaje Zachodnie",
        "hu": "Nyugat-Dunántúl",
        "hr": "Zapadno Zadunavlje",
        "tr": "Batı Transdanubya",
    },
    "Budapest": {
        "en": "Budapest",
        "cs": "Budapešť",
        "sk": "Budapešť",
        "pl": "Budapeszt",
        "hu": "Budapest",
        "hr": "Budimpešta",
        "tr": "Budapeşte",
    },
    "Northern Great Plain": {
        "en": "Northern Great Plain",
        "cs": "Severní Velká pláň",
        "sk": "Severná Veľká nížina",
        "pl": "Wielka Nizina Północna",
        "hu": "Észak-Alföld",
        "hr": "Sjeverna Velika nizina",
        "tr": "Kuzey Büyük Ova",
    },
    "Southern Great Plain": {
        "en": "Southern Great Plain",
        "cs": "Jižní Velká pláň",
        "sk": "Južná Veľká nížina",
        "pl": "Wielka Nizina Południowa",
        "hu": "Dél-Alföld",
        "hr": "Južna Velika nizina",
        "tr": "Güney Büyük Ova",
    },
    "Central Transdanubia": {
        "en": "Central Transdanubia",
        "cs": "Střední Zadunají",
        "sk": "Stredné Zadunajsko",
        "pl": "Zadunaje Środkowe",
        "hu": "Közép-Dunántúl",
        "hr": "Središnje Zadunavlje",
        "tr": "Orta Transdanubya",
    },
    "Northern Hungary": {
        "en": "Northern Hungary",
        "cs": "Severní Maďarsko",
        "sk": "Severné Maďarsko",
        "pl": "Węgry Północne",
        "hu": "Észak-Magyarország",
        "hr": "Sjeverna Mađarska",
        "tr": "Kuzey Macaristan",
    },
    "Southern Transdanubia": {
        "en": "Southern Transdanubia",
        "cs": "Jižní Zadunají",
        "sk": "Južné Zadunajsko",
        "pl": "Zadunaje Południowe",
        "hu": "Dél-Dunántúl",
        "hr": "Južno Zadunavlje",
        "tr": "Güney Transdanubya",
    },
    # Croatia: counties (županije) and the City of Zagreb.
    "Split-Dalmatia": {
        "en": "Split-Dalmatia County",
        "cs": "Splitsko-dalmatská župa",
        "sk": "Splitsko-dalmátska župa",
        "pl": "Żupania splitsko-dalmatyńska",
        "hu": "Split-Dalmácia megye",
        "hr": "Splitsko-dalmatinska županija",
        "tr": "Split-Dalmaçya İli",
    },
    "City of Zagreb": {
        "en": "City of Zagreb",
        "cs": "Město Záhřeb",
        "sk": "Mesto Záhreb",
        "pl": "Miasto Zagrzeb",
        "hu": "Zágráb város",
        "hr": "Grad Zagreb",
        "tr": "Zagreb Şehri",
    },
    "Istria": {
        "en": "Istria County",
        "cs": "Istrijská župa",
        "sk": "Istrijská župa",
        "pl": "Żupania istryjska",
        "hu": "Isztria megye",
        "hr": "Istarska županija",
        "tr": "İstirya İli",
    },
    "Osijek-Baranja": {
        "en": "Osijek-Baranja County",
        "cs": "Osijecko-baranjská župa",
        "sk": "Osijecko-baranská župa",
        "pl": "Żupania osijecko-barańska",
        "hu": "Eszék-Baranya megye",
        "hr": "Osječko-baranjska županija",
        "tr": "Osijek-Baranja İli",
    },
    "Primorje-Gorski Kotar": {
        "en": "Primorje-Gorski Kotar County",
        "cs": "Přímořsko-gorskokotarská župa",
        "sk": "Prímorsko-gorskokotarská župa",
        "pl": "Żupania primorsko-gorska",
        "hu": "Tengermellék-Hegyvidék megye",
        "hr": "Primorsko-goranska županija",
        "tr": "Primorje-Gorski Kotar İli",
    },
    "Varaždin": {
        "en": "Varaždin County",
        "cs": "Varaždínská župa",
        "sk": "Varaždínska župa",
        "pl": "Żupania varażdińska",
        "hu": "Varasd megye",
        "hr": "Varaždinska županija",
        "tr": "Varaždin İli",
    },
    "Zadar": {
        "en": "Zadar County",
        "cs": "Zadarská župa",
        "sk": "Zadarská župa",
        "pl": "Żupania zadarska",
        "hu": "Zára megye",
        "hr": "Zadarska županija",
        "tr": "Zadar İli",
    },
    "Karlovac": {
        "en": "Karlovac County",
        "cs": "Karlovacká župa",
        "sk": "Karlovacká župa",
        "pl": "Żupania karlowacka",
        "hu": "Károlyváros megye",
        "hr": "Karlovačka županija",
        "tr": "Karlovac İli",
    },
}
# Turkey: districts of İzmir Province ("Izmir" without the dot outside Turkish and English).
IZMIR_DISTRICTS = ("Konak", "Bornova", "Kemalpaşa", "Torbalı", "Aliağa", "Çiğli", "Menemen", "Karşıyaka")
REGION_NAMES |= {
    f"İzmir – {district}": {
        "en": f"İzmir – {district}",
        "tr": f"İzmir – {district}",
        **dict.fromkeys(("cs", "sk", "pl", "hu", "hr"), f"Izmir – {district}"),
    }
    for district in IZMIR_DISTRICTS
}

# Clusters the demo accounts belong to (their organisations in portal/demo/seed.py).
FIXED = {
    "CZ-001": ("Bohemian Food Cluster", "Food and agriculture"),
    "SK-001": ("Slovak Automotive Cluster", "Automotive"),
    "HR-001": ("Adriatic Wood Cluster", "Wood and furniture"),
    # The clusters of the best-practice stories and news (portal/demo/content.py).
    "CZ-002": ("Moravský klastr zdravotnické techniky", "Health and life sciences"),
    "SK-004": ("Považský automobilový klaster", "Automotive"),
    "PL-007": ("Podkarpacki Klaster Drzewny", "Wood and furniture"),
    "HU-005": ("Dél-alföldi Élelmiszeripari Klaszter", "Food and agriculture"),
    "HR-003": ("Jadranski ICT klaster", "ICT"),
    "TR-005": ("İzmir Yenilenebilir Enerji Kümesi", "Energy"),
}
MANAGERS = {"manager.cz@centramo.example": "CZ-001", "manager.sk@centramo.example": "SK-001"}

DESCRIPTIONS = {
    "CZ-001": {
        "en": "Farmers, food processors, the Czech University of Life Sciences and regional schools working together on shorter supply chains, food safety and export.",
        "cs": "Zemědělci, zpracovatelé potravin, Česká zemědělská univerzita a regionální školy spolupracují na kratších dodavatelských řetězcích, bezpečnosti potravin a exportu.",
        "sk": "Poľnohospodári, spracovatelia potravín, Česká poľnohospodárska univerzita a regionálne školy spolupracujú na kratších dodávateľských reťazcoch, bezpečnosti potravín a exporte.",
        "pl": "Rolnicy, przetwórcy żywności, Czeski Uniwersytet Przyrodniczy i szkoły regionu współpracują nad krótszymi łańcuchami dostaw, bezpieczeństwem żywności i eksportem.",
        "hu": "Gazdálkodók, élelmiszer-feldolgozók, a Cseh Agrártudományi Egyetem és regionális iskolák dolgoznak együtt a rövidebb ellátási láncokon, az élelmiszer-biztonságon és az exporton.",
        "hr": "Poljoprivrednici, prerađivači hrane, Češko sveučilište bioloških znanosti i regionalne škole zajedno rade na kraćim opskrbnim lancima, sigurnosti hrane i izvozu.",
        "tr": "Çiftçiler, gıda işleyicileri, Çek Yaşam Bilimleri Üniversitesi ve bölgedeki okullar daha kısa tedarik zincirleri, gıda güvenliği ve ihracat üzerinde birlikte çalışıyor.",
    },
    "SK-001": {
        "en": "Suppliers of the four car plants in Slovakia sharing training, quality management and a joint path to electromobility.",
        "sk": "Dodávatelia štyroch automobiliek na Slovensku, ktorí zdieľajú vzdelávanie, riadenie kvality a spoločnú cestu k elektromobilite.",
        "cs": "Dodavatelé čtyř automobilek na Slovensku, kteří sdílejí vzdělávání, řízení kvality a společnou cestu k elektromobilitě.",
    },
    "PL-001": {
        "en": "Mining-equipment makers in Silesia turning their know-how into clean-energy and circular-economy products.",
        "pl": "Producenci maszyn górniczych na Śląsku, którzy przekuwają swoją wiedzę w produkty dla czystej energii i gospodarki obiegu zamkniętego.",
    },
    "HU-001": {
        "en": "Automotive and machinery companies of Western Transdanubia building a shared pool of skilled workers with local vocational schools.",
        "hu": "Nyugat-dunántúli autóipari és gépipari vállalatok, amelyek a helyi szakképző iskolákkal közösen építenek képzett munkaerő-bázist.",
    },
    "HR-001": {
        "en": "Sawmills, furniture makers and designers along the Adriatic coast promoting certified wood and Croatian design abroad.",
        "hr": "Pilane, proizvođači namještaja i dizajneri uz jadransku obalu koji u inozemstvu promiču certificirano drvo i hrvatski dizajn.",
    },
    "TR-001": {
        "en": "Food exporters of the İzmir region cooperating on certification, logistics and joint trade missions.",
        "tr": "İzmir bölgesinin gıda ihracatçıları; sertifikasyon, lojistik ve ortak ticaret heyetleri konusunda işbirliği yapıyor.",
    },
}

# Clusters whose managers did not agree to be matched as peers (never offered as hosts).
NO_CONSENT_NUMBERS = {"004", "008"}

RED, YELLOW, GREEN = Rating.RED, Rating.YELLOW, Rating.GREEN


def _vocabulary():
    """The demo's sectors and regions, saved, named in all seven languages."""
    sectors = {
        english: Sector(code=code_for(english), name=english, name_en=english, **_names(names))
        for english, names in SECTOR_NAMES.items()
    }
    regions = {}
    for country, (_count, _language, _prefixes, places) in COUNTRIES.items():
        for place in places:
            names = REGION_NAMES[place]
            regions[place] = Region(country=country, code=code_for(names["en"]), name=names["en"], **_names(names))
    # An analyst may have added some of them already (by hand or by an import): those are kept.
    Sector.objects.bulk_create(sectors.values(), ignore_conflicts=True)
    Region.objects.bulk_create(regions.values(), ignore_conflicts=True)
    saved_sectors = Sector.objects.in_bulk(field_name="code")
    saved_regions = {(str(region.country), region.code): region for region in Region.objects.all()}
    return (
        {english: saved_sectors[sector.code] for english, sector in sectors.items()},
        {place: saved_regions[(str(region.country), region.code)] for place, region in regions.items()},
    )


def _names(names):
    return {f"name_{language}": name for language, name in names.items()}


def _clusters(rng):
    sectors, regions = _vocabulary()
    clusters = []
    for country, (count, language, prefixes, places) in COUNTRIES.items():
        for number in range(1, count + 1):
            code = f"{country}-{number:03}"
            sector = SECTORS[(number * 5 + len(country) + ord(country[0])) % len(SECTORS)]
            name = f"{prefixes[number - 1]} {SHORT_SECTOR[sector]} Cluster"
            if code in FIXED:
                name, sector = FIXED[code]
            english = (
                f"A {sector.lower()} cluster in {places[number - 1]} bringing companies, research and public partners together."
                if sector != "ICT"
                else f"An ICT cluster in {places[number - 1]} bringing companies, research and public partners together."
            )
            descriptions = {"en": english, **DESCRIPTIONS.get(code, {})}
            languages = [language, "en"] + (["de"] if rng.random() < 0.3 else [])
            clusters.append(
                Cluster(
                    code=code,
                    name=name,
                    country=country,
                    region=regions[places[number - 1]],
                    sector=sectors[sector],
                    website=f"https://www.{slugify(name)}.example",
                    languages=languages,
                    is_public=True,
                    **{f"description_{lang}": text for lang, text in descriptions.items()},
                )
            )
    return clusters


def _first_ratings(rng, strength, indicator_count):
    ratings = []
    for _index in range(indicator_count):
        draw = rng.random() + strength
        ratings.append(RED if draw < 0.3 else YELLOW if draw < 0.9 else GREEN)
    return ratings


def _second_ratings(rng, ratings):
    """Most clusters improve somewhere; a few indicators decline."""
    result = []
    for rating in ratings:
        draw = rng.random()
        if rating < GREEN and draw < 0.28:
            rating += 1
        elif rating > RED and draw > 0.95:
            rating -= 1
        result.append(rating)
    return result


def _value(rng, rating):
    low, high = ((0, 40), (30, 75), (60, 100))[rating]
    return Decimal(str(round(rng.uniform(low, high), 1)))


def seed_mobility():
    """Create the demo clusters and benchmarks unless clusters exist. Returns the number of objects created."""
    if Cluster.objects.exists():
        return seed_matching_consents()
    rng = random.Random(20121014)
    indicators = list(Indicator.objects.in_order())
    if not indicators:
        return 0
    editions = [
        BenchmarkEdition.objects.get_or_create(name=name, defaults={"date": date})[0] for name, date in EDITIONS
    ]
    clusters = Cluster.objects.bulk_create(_clusters(rng))
    clusters = list(Cluster.objects.order_by("code"))

    results, planned = [], []
    for cluster in clusters:
        strength = rng.uniform(-0.25, 0.35)
        first = _first_ratings(rng, strength, len(indicators))
        second = _second_ratings(rng, first)
        # A few clusters joined the network in 2014 only.
        in_2012 = cluster.code[-3:] not in {"010", "009"} or cluster.country in {"CZ"}
        day_2012 = datetime.date(2012, rng.randint(3, 11), rng.randint(1, 28))
        day_2014 = datetime.date(2014, rng.randint(3, 11), rng.randint(1, 28))
        if in_2012:
            results.append(BenchmarkResult(cluster=cluster, edition=editions[0], benchmarked_on=day_2012))
            planned.append(first)
        results.append(BenchmarkResult(cluster=cluster, edition=editions[1], benchmarked_on=day_2014))
        planned.append(second)
    BenchmarkResult.objects.bulk_create(results)
    results = list(BenchmarkResult.objects.filter(edition__in=editions).order_by("cluster__code", "edition__date"))

    scores = [
        Score(result=result, indicator=indicator, rating=rating, value=_value(rng, rating))
        for result, ratings in zip(results, planned, strict=True)
        for indicator, rating in zip(indicators, ratings, strict=True)
    ]
    Score.objects.bulk_create(scores, batch_size=2000)

    labels = []
    today = timezone.localdate()
    for result in results:
        if rng.random() < 0.7:
            labels.append(
                Label(
                    cluster=result.cluster,
                    level=LabelLevel.BRONZE,
                    awarded_on=result.benchmarked_on,
                    valid_until=add_years(result.benchmarked_on.replace(day=1), 2),
                )
            )
    # Clusters that renewed their label recently: some still valid, a few expiring within six months.
    for cluster in clusters[::2]:
        awarded_on = today - datetime.timedelta(days=rng.randint(60, 700))
        level = LabelLevel.SILVER if rng.random() < 0.1 else LabelLevel.BRONZE
        labels.append(Label(cluster=cluster, level=level, awarded_on=awarded_on, valid_until=add_years(awarded_on, 2)))
    Label.objects.bulk_create(labels)

    analyst = User.objects.filter(email="analyst@centramo.example").first()
    by_code = {cluster.code: cluster for cluster in clusters}
    memberships = [
        ClusterMembership(
            cluster=by_code[code],
            user=user,
            role=MembershipRole.MANAGER,
            status=MembershipStatus.APPROVED,
            decided_by=analyst,
            decided_at=timezone.now(),
        )
        for user in User.objects.filter(email__in=list(MANAGERS))
        for code in [MANAGERS[user.email]]
    ]
    ClusterMembership.objects.bulk_create(memberships)
    created = len(editions) + len(clusters) + len(results) + len(scores) + len(labels) + len(memberships)
    return created + seed_matching_consents()


def seed_matching_consents():
    """Most demo clusters agreed to be matched: the demo managers for their clusters, the others in
    writing (recorded by the analyst); those numbered 004 and 008 did not. Only when no consent exists yet."""
    if MatchingConsent.objects.exists():
        return 0
    analyst = User.objects.filter(email="analyst@centramo.example").first()
    managers = {code: email for email, code in MANAGERS.items()}
    given_by = {user.email: user for user in User.objects.filter(email__in=list(MANAGERS))}
    given_at = timezone.now()
    consents = []
    for cluster in Cluster.objects.filter(code__regex=r"^[A-Z]{2}-[0-9]{3}$").order_by("code"):
        if cluster.code[-3:] in NO_CONSENT_NUMBERS:
            continue
        manager = given_by.get(managers.get(cluster.code, ""))
        consents.append(
            MatchingConsent(
                cluster=cluster,
                given_by=manager or analyst,
                given_at=given_at,
                written=manager is None,
                note="" if manager else "Demo: signed consent form",
            )
        )
    MatchingConsent.objects.bulk_create(consents)
    return len(consents)
