"""Seed the default indicator set of DESIGN.md 4.1: 6 dimensions, 36 indicators,
names and one-sentence descriptions in all seven languages.

Existing rows (matched by code) are updated, never duplicated, so the migration
is safe to run on a database where analysts already created some of them.
"""

from django.db import migrations

# (dimension code, [indicator codes]) in the order of the methodology.
STRUCTURE = [
    ("STR", ["STR.1", "STR.2", "STR.3", "STR.4", "STR.5", "STR.6"]),
    ("GOV", ["GOV.1", "GOV.2", "GOV.3", "GOV.4", "GOV.5", "GOV.6", "GOV.7"]),
    ("FIN", ["FIN.1", "FIN.2", "FIN.3", "FIN.4", "FIN.5"]),
    ("SRV", ["SRV.1", "SRV.2", "SRV.3", "SRV.4", "SRV.5", "SRV.6", "SRV.7"]),
    ("COM", ["COM.1", "COM.2", "COM.3", "COM.4", "COM.5"]),
    ("ACH", ["ACH.1", "ACH.2", "ACH.3", "ACH.4", "ACH.5", "ACH.6"]),
]

# TEXT[language][code] = (name, description)
TEXT = {
    "en": {
        "STR": ("Structure of the cluster", "Who takes part in the cluster and how its participants are composed."),
        "GOV": ("Cluster management and governance", "How the cluster organisation is run, staffed and steered."),
        "FIN": (
            "Financing of cluster management",
            "How the cluster management is funded and how secure that funding is.",
        ),
        "SRV": (
            "Services of the cluster management",
            "Which services the cluster management offers its participants and how they are used.",
        ),
        "COM": (
            "Contacts and interaction",
            "How the cluster management communicates with participants and fosters their cooperation.",
        ),
        "ACH": (
            "Achievements and recognition",
            "What the cluster has achieved and how visible it is beyond its region.",
        ),
        "STR.1": (
            "Committed participants",
            "Number of participants formally committed to the cluster by a written agreement or membership.",
        ),
        "STR.2": ("Share of SMEs", "Share of small and medium-sized enterprises among the committed participants."),
        "STR.3": (
            "Research and education participants",
            "Number of universities, research institutes and training bodies taking part in the cluster.",
        ),
        "STR.4": ("Large companies", "Number of large companies among the committed participants."),
        "STR.5": ("Regional concentration", "Share of participants located in the cluster's core region."),
        "STR.6": ("Membership growth", "Change in the number of committed participants over the last two years."),
        "GOV.1": ("Maturity of the cluster organisation", "Number of years the cluster organisation has operated."),
        "GOV.2": ("Management staff (FTE)", "Staff of the cluster management in full-time equivalents."),
        "GOV.3": ("Staff experience", "Professional experience of the cluster management team in years."),
        "GOV.4": (
            "Participants in governance bodies",
            "Involvement of participants in the board and other decision-making bodies.",
        ),
        "GOV.5": (
            "Documented strategy",
            "Existence of a written cluster strategy with objectives and an action plan.",
        ),
        "GOV.6": ("Strategy monitoring", "Regular review of the strategy against measurable targets."),
        "GOV.7": (
            "Continuity of the cluster manager",
            "Number of years the current cluster manager has held the post.",
        ),
        "FIN.1": ("Annual budget", "Annual budget available to the cluster management."),
        "FIN.2": ("Share of private funding", "Share of the budget that comes from private sources."),
        "FIN.3": ("Share of membership fees", "Share of the budget covered by participants' fees."),
        "FIN.4": (
            "Financial sustainability horizon",
            "Number of years for which the funding of the cluster management is secured.",
        ),
        "FIN.5": (
            "Diversity of funding sources",
            "Number and balance of the different sources that fund the cluster management.",
        ),
        "SRV.1": ("Range of services", "Breadth of the services the cluster management offers its participants."),
        "SRV.2": (
            "Internationalisation",
            "Support for participants in entering foreign markets and building international partnerships.",
        ),
        "SRV.3": (
            "Innovation and R&D support",
            "Support for participants' research, development and innovation projects.",
        ),
        "SRV.4": (
            "Training and qualification",
            "Training and qualification activities offered to the participants' staff.",
        ),
        "SRV.5": (
            "Matchmaking and cooperation",
            "Activities that bring participants together to find partners and start cooperating.",
        ),
        "SRV.6": ("Service uptake", "Share of participants that actively use the services of the cluster management."),
        "SRV.7": (
            "Digital and green transition support",
            "Support for participants in the digital and green transition of their businesses.",
        ),
        "COM.1": (
            "Communication channels",
            "Variety and regular use of the channels through which the cluster management informs participants.",
        ),
        "COM.2": ("Events per year", "Number of events the cluster management organises each year."),
        "COM.3": (
            "Cooperation projects among participants",
            "Number of cooperation projects that participants carry out together.",
        ),
        "COM.4": (
            "Cooperation with other clusters",
            "Cooperation agreements and joint activities with other clusters at home and abroad.",
        ),
        "COM.5": (
            "Participant satisfaction survey",
            "Regular survey of participants' satisfaction with the cluster management, with its results analysed.",
        ),
        "ACH.1": (
            "Media coverage",
            "Number of times the cluster appeared in the press, online and broadcast media in the last year.",
        ),
        "ACH.2": (
            "Documented success stories",
            "Number of participants' success stories that the cluster has documented and published.",
        ),
        "ACH.3": (
            "Joint projects launched",
            "Number of joint projects launched with the help of the cluster management.",
        ),
        "ACH.4": (
            "International visibility",
            "Presence of the cluster at international events, platforms and networks.",
        ),
        "ACH.5": ("Awards", "Awards and distinctions received by the cluster or its management."),
        "ACH.6": (
            "Impact measurement",
            "Systematic measurement of the cluster's impact on participants and the region.",
        ),
    },
    "cs": {
        "STR": ("Struktura klastru", "Kdo se na klastru podílí a jaké je složení jeho členské základny."),
        "GOV": (
            "Management a řízení klastru",
            "Jak klastrová organizace funguje, jak je personálně obsazena a jak je řízena.",
        ),
        "FIN": (
            "Financování managementu klastru",
            "Jak je management klastru financován a jak jisté je toto financování.",
        ),
        "SRV": (
            "Služby managementu klastru",
            "Jaké služby management klastru nabízí svým členům a jak jsou využívány.",
        ),
        "COM": (
            "Kontakty a interakce",
            "Jak management klastru komunikuje se členy a jak podporuje jejich spolupráci.",
        ),
        "ACH": ("Úspěchy a uznání", "Čeho klastr dosáhl a jak je viditelný i mimo svůj region."),
        "STR.1": (
            "Závazně zapojení členové",
            "Počet členů, kteří se ke klastru formálně zavázali písemnou dohodou nebo členstvím.",
        ),
        "STR.2": ("Podíl MSP", "Podíl malých a středních podniků mezi závazně zapojenými členy."),
        "STR.3": (
            "Členové z výzkumu a vzdělávání",
            "Počet univerzit, výzkumných ústavů a vzdělávacích institucí zapojených do klastru.",
        ),
        "STR.4": ("Velké podniky", "Počet velkých podniků mezi závazně zapojenými členy."),
        "STR.5": ("Regionální koncentrace", "Podíl členů se sídlem v hlavním regionu klastru."),
        "STR.6": ("Růst členské základny", "Změna počtu závazně zapojených členů za poslední dva roky."),
        "GOV.1": ("Vyspělost klastrové organizace", "Počet let, po které klastrová organizace působí."),
        "GOV.2": (
            "Pracovníci managementu (FTE)",
            "Počet pracovníků managementu klastru v přepočtu na plné úvazky.",
        ),
        "GOV.3": ("Zkušenosti pracovníků", "Odborná praxe týmu managementu klastru vyjádřená v letech."),
        "GOV.4": (
            "Členové v řídicích orgánech",
            "Zapojení členů do představenstva a dalších rozhodovacích orgánů.",
        ),
        "GOV.5": ("Zdokumentovaná strategie", "Existence písemné strategie klastru s cíli a akčním plánem."),
        "GOV.6": ("Sledování strategie", "Pravidelné vyhodnocování strategie podle měřitelných cílů."),
        "GOV.7": (
            "Kontinuita manažera klastru",
            "Počet let, po které současný manažer klastru zastává svou funkci.",
        ),
        "FIN.1": ("Roční rozpočet", "Roční rozpočet, který má management klastru k dispozici."),
        "FIN.2": ("Podíl soukromého financování", "Podíl rozpočtu, který pochází ze soukromých zdrojů."),
        "FIN.3": ("Podíl členských příspěvků", "Podíl rozpočtu, který pokrývají příspěvky členů."),
        "FIN.4": (
            "Horizont finanční udržitelnosti",
            "Počet let, na které je financování managementu klastru zajištěno.",
        ),
        "FIN.5": (
            "Rozmanitost zdrojů financování",
            "Počet a vyváženost různých zdrojů, z nichž je management klastru financován.",
        ),
        "SRV.1": ("Rozsah služeb", "Šíře služeb, které management klastru nabízí svým členům."),
        "SRV.2": (
            "Internacionalizace",
            "Podpora členů při vstupu na zahraniční trhy a při navazování mezinárodních partnerství.",
        ),
        "SRV.3": ("Podpora inovací a VaV", "Podpora výzkumných, vývojových a inovačních projektů členů."),
        "SRV.4": ("Vzdělávání a kvalifikace", "Vzdělávací a kvalifikační aktivity nabízené zaměstnancům členů."),
        "SRV.5": (
            "Zprostředkování kontaktů a spolupráce",
            "Aktivity, které členy propojují, aby našli partnery a zahájili spolupráci.",
        ),
        "SRV.6": ("Využívání služeb", "Podíl členů, kteří aktivně využívají služby managementu klastru."),
        "SRV.7": (
            "Podpora digitální a zelené transformace",
            "Podpora členů při digitální a zelené transformaci jejich podnikání.",
        ),
        "COM.1": (
            "Komunikační kanály",
            "Rozmanitost a pravidelné využívání kanálů, jimiž management klastru informuje členy.",
        ),
        "COM.2": ("Akce za rok", "Počet akcí, které management klastru každoročně pořádá."),
        "COM.3": ("Projekty spolupráce mezi členy", "Počet projektů spolupráce, které členové realizují společně."),
        "COM.4": (
            "Spolupráce s jinými klastry",
            "Dohody o spolupráci a společné aktivity s jinými klastry v tuzemsku i v zahraničí.",
        ),
        "COM.5": (
            "Průzkum spokojenosti členů",
            "Pravidelný průzkum spokojenosti členů s managementem klastru a vyhodnocení jeho výsledků.",
        ),
        "ACH.1": (
            "Mediální pokrytí",
            "Počet zmínek o klastru v tisku, na internetu a ve vysílání za poslední rok.",
        ),
        "ACH.2": (
            "Zdokumentované příběhy úspěchu",
            "Počet příběhů úspěchu členů, které klastr zdokumentoval a zveřejnil.",
        ),
        "ACH.3": ("Zahájené společné projekty", "Počet společných projektů zahájených s pomocí managementu klastru."),
        "ACH.4": ("Mezinárodní viditelnost", "Účast klastru na mezinárodních akcích, platformách a v sítích."),
        "ACH.5": ("Ocenění", "Ocenění a vyznamenání, která klastr nebo jeho management získal."),
        "ACH.6": ("Měření dopadů", "Systematické měření dopadu klastru na členy a region."),
    },
    "sk": {
        "STR": ("Štruktúra klastra", "Kto sa na klastri podieľa a aké je zloženie jeho členskej základne."),
        "GOV": (
            "Manažment a riadenie klastra",
            "Ako klastrová organizácia funguje, ako je personálne obsadená a ako je riadená.",
        ),
        "FIN": (
            "Financovanie manažmentu klastra",
            "Ako je manažment klastra financovaný a aké isté je toto financovanie.",
        ),
        "SRV": (
            "Služby manažmentu klastra",
            "Aké služby manažment klastra ponúka svojim členom a ako sa využívajú.",
        ),
        "COM": (
            "Kontakty a interakcia",
            "Ako manažment klastra komunikuje s členmi a ako podporuje ich spoluprácu.",
        ),
        "ACH": ("Úspechy a uznanie", "Čo klaster dosiahol a aký je viditeľný aj mimo svojho regiónu."),
        "STR.1": (
            "Záväzne zapojení členovia",
            "Počet členov, ktorí sa ku klastru formálne zaviazali písomnou dohodou alebo členstvom.",
        ),
        "STR.2": ("Podiel MSP", "Podiel malých a stredných podnikov medzi záväzne zapojenými členmi."),
        "STR.3": (
            "Členovia z výskumu a vzdelávania",
            "Počet univerzít, výskumných ústavov a vzdelávacích inštitúcií zapojených do klastra.",
        ),
        "STR.4": ("Veľké podniky", "Počet veľkých podnikov medzi záväzne zapojenými členmi."),
        "STR.5": ("Regionálna koncentrácia", "Podiel členov so sídlom v hlavnom regióne klastra."),
        "STR.6": ("Rast členskej základne", "Zmena počtu záväzne zapojených členov za posledné dva roky."),
        "GOV.1": ("Vyspelosť klastrovej organizácie", "Počet rokov, počas ktorých klastrová organizácia pôsobí."),
        "GOV.2": (
            "Pracovníci manažmentu (FTE)",
            "Počet pracovníkov manažmentu klastra v prepočte na plné úväzky.",
        ),
        "GOV.3": ("Skúsenosti pracovníkov", "Odborná prax tímu manažmentu klastra vyjadrená v rokoch."),
        "GOV.4": (
            "Členovia v riadiacich orgánoch",
            "Zapojenie členov do predstavenstva a ďalších rozhodovacích orgánov.",
        ),
        "GOV.5": ("Zdokumentovaná stratégia", "Existencia písomnej stratégie klastra s cieľmi a akčným plánom."),
        "GOV.6": ("Sledovanie stratégie", "Pravidelné vyhodnocovanie stratégie podľa merateľných cieľov."),
        "GOV.7": (
            "Kontinuita manažéra klastra",
            "Počet rokov, počas ktorých súčasný manažér klastra zastáva svoju funkciu.",
        ),
        "FIN.1": ("Ročný rozpočet", "Ročný rozpočet, ktorý má manažment klastra k dispozícii."),
        "FIN.2": ("Podiel súkromného financovania", "Podiel rozpočtu, ktorý pochádza zo súkromných zdrojov."),
        "FIN.3": ("Podiel členských príspevkov", "Podiel rozpočtu, ktorý pokrývajú príspevky členov."),
        "FIN.4": (
            "Horizont finančnej udržateľnosti",
            "Počet rokov, na ktoré je financovanie manažmentu klastra zabezpečené.",
        ),
        "FIN.5": (
            "Rozmanitosť zdrojov financovania",
            "Počet a vyváženosť rôznych zdrojov, z ktorých je manažment klastra financovaný.",
        ),
        "SRV.1": ("Rozsah služieb", "Šírka služieb, ktoré manažment klastra ponúka svojim členom."),
        "SRV.2": (
            "Internacionalizácia",
            "Podpora členov pri vstupe na zahraničné trhy a pri nadväzovaní medzinárodných partnerstiev.",
        ),
        "SRV.3": ("Podpora inovácií a VaV", "Podpora výskumných, vývojových a inovačných projektov členov."),
        "SRV.4": ("Vzdelávanie a kvalifikácia", "Vzdelávacie a kvalifikačné aktivity ponúkané zamestnancom členov."),
        "SRV.5": (
            "Sprostredkovanie kontaktov a spolupráce",
            "Aktivity, ktoré členov prepájajú, aby našli partnerov a začali spolupracovať.",
        ),
        "SRV.6": ("Využívanie služieb", "Podiel členov, ktorí aktívne využívajú služby manažmentu klastra."),
        "SRV.7": (
            "Podpora digitálnej a zelenej transformácie",
            "Podpora členov pri digitálnej a zelenej transformácii ich podnikania.",
        ),
        "COM.1": (
            "Komunikačné kanály",
            "Rozmanitosť a pravidelné využívanie kanálov, ktorými manažment klastra informuje členov.",
        ),
        "COM.2": ("Podujatia za rok", "Počet podujatí, ktoré manažment klastra každoročne organizuje."),
        "COM.3": (
            "Projekty spolupráce medzi členmi",
            "Počet projektov spolupráce, ktoré členovia realizujú spoločne.",
        ),
        "COM.4": (
            "Spolupráca s inými klastrami",
            "Dohody o spolupráci a spoločné aktivity s inými klastrami doma aj v zahraničí.",
        ),
        "COM.5": (
            "Prieskum spokojnosti členov",
            "Pravidelný prieskum spokojnosti členov s manažmentom klastra a vyhodnotenie jeho výsledkov.",
        ),
        "ACH.1": (
            "Mediálne pokrytie",
            "Počet zmienok o klastri v tlači, na internete a vo vysielaní za posledný rok.",
        ),
        "ACH.2": (
            "Zdokumentované príbehy úspechu",
            "Počet príbehov úspechu členov, ktoré klaster zdokumentoval a zverejnil.",
        ),
        "ACH.3": ("Začaté spoločné projekty", "Počet spoločných projektov začatých s pomocou manažmentu klastra."),
        "ACH.4": ("Medzinárodná viditeľnosť", "Účasť klastra na medzinárodných podujatiach, platformách a v sieťach."),
        "ACH.5": ("Ocenenia", "Ocenenia a vyznamenania, ktoré získal klaster alebo jeho manažment."),
        "ACH.6": ("Meranie vplyvu", "Systematické meranie vplyvu klastra na členov a región."),
    },
    "pl": {
        "STR": ("Struktura klastra", "Kto uczestniczy w klastrze i jaki jest skład jego uczestników."),
        "GOV": (
            "Zarządzanie klastrem i ład organizacyjny",
            "Jak działa organizacja klastrowa, jaki ma personel i w jaki sposób jest kierowana.",
        ),
        "FIN": (
            "Finansowanie zarządzania klastrem",
            "Jak finansowane jest zarządzanie klastrem i na ile pewne jest to finansowanie.",
        ),
        "SRV": (
            "Usługi koordynatora klastra",
            "Jakie usługi koordynator klastra oferuje uczestnikom i w jakim stopniu są one wykorzystywane.",
        ),
        "COM": (
            "Kontakty i interakcje",
            "Jak koordynator klastra komunikuje się z uczestnikami i wspiera ich współpracę.",
        ),
        "ACH": ("Osiągnięcia i uznanie", "Co klaster osiągnął i jak bardzo jest widoczny poza swoim regionem."),
        "STR.1": (
            "Zaangażowani uczestnicy",
            "Liczba uczestników formalnie związanych z klastrem pisemną umową lub członkostwem.",
        ),
        "STR.2": ("Udział MŚP", "Udział małych i średnich przedsiębiorstw wśród zaangażowanych uczestników."),
        "STR.3": (
            "Uczestnicy z sektora nauki i edukacji",
            "Liczba uczelni, instytutów badawczych i instytucji szkoleniowych uczestniczących w klastrze.",
        ),
        "STR.4": ("Duże przedsiębiorstwa", "Liczba dużych przedsiębiorstw wśród zaangażowanych uczestników."),
        "STR.5": ("Koncentracja regionalna", "Udział uczestników mających siedzibę w głównym regionie klastra."),
        "STR.6": ("Wzrost liczby uczestników", "Zmiana liczby zaangażowanych uczestników w ciągu ostatnich dwóch lat."),
        "GOV.1": ("Dojrzałość organizacji klastrowej", "Liczba lat działalności organizacji klastrowej."),
        "GOV.2": ("Personel zarządzający (etaty)", "Personel koordynatora klastra w przeliczeniu na pełne etaty."),
        "GOV.3": ("Doświadczenie personelu", "Doświadczenie zawodowe zespołu koordynatora klastra wyrażone w latach."),
        "GOV.4": (
            "Uczestnicy w organach zarządczych",
            "Udział uczestników w zarządzie i innych organach decyzyjnych.",
        ),
        "GOV.5": ("Udokumentowana strategia", "Istnienie pisemnej strategii klastra z celami i planem działania."),
        "GOV.6": ("Monitorowanie strategii", "Regularny przegląd realizacji strategii względem mierzalnych celów."),
        "GOV.7": (
            "Ciągłość na stanowisku menedżera klastra",
            "Liczba lat, przez które obecny menedżer klastra pełni swoją funkcję.",
        ),
        "FIN.1": ("Budżet roczny", "Roczny budżet, którym dysponuje koordynator klastra."),
        "FIN.2": ("Udział finansowania prywatnego", "Część budżetu pochodząca ze źródeł prywatnych."),
        "FIN.3": ("Udział składek członkowskich", "Część budżetu pokrywana ze składek uczestników."),
        "FIN.4": (
            "Horyzont stabilności finansowej",
            "Liczba lat, na które zapewnione jest finansowanie koordynatora klastra.",
        ),
        "FIN.5": (
            "Różnorodność źródeł finansowania",
            "Liczba i zrównoważenie różnych źródeł finansowania koordynatora klastra.",
        ),
        "SRV.1": ("Zakres usług", "Szerokość oferty usług, jakie koordynator klastra zapewnia uczestnikom."),
        "SRV.2": (
            "Internacjonalizacja",
            "Wsparcie uczestników w wejściu na rynki zagraniczne i nawiązywaniu partnerstw międzynarodowych.",
        ),
        "SRV.3": (
            "Wsparcie innowacji i B+R",
            "Wsparcie projektów badawczych, rozwojowych i innowacyjnych uczestników.",
        ),
        "SRV.4": (
            "Szkolenia i kwalifikacje",
            "Działania szkoleniowe i podnoszące kwalifikacje oferowane pracownikom uczestników.",
        ),
        "SRV.5": (
            "Kojarzenie partnerów i współpraca",
            "Działania, które łączą uczestników, aby mogli znaleźć partnerów i rozpocząć współpracę.",
        ),
        "SRV.6": ("Wykorzystanie usług", "Udział uczestników aktywnie korzystających z usług koordynatora klastra."),
        "SRV.7": (
            "Wsparcie transformacji cyfrowej i ekologicznej",
            "Wsparcie uczestników w cyfrowej i ekologicznej transformacji ich działalności.",
        ),
        "COM.1": (
            "Kanały komunikacji",
            "Różnorodność i regularne wykorzystanie kanałów, którymi koordynator klastra informuje uczestników.",
        ),
        "COM.2": ("Wydarzenia w roku", "Liczba wydarzeń organizowanych co roku przez koordynatora klastra."),
        "COM.3": (
            "Projekty współpracy między uczestnikami",
            "Liczba projektów współpracy realizowanych wspólnie przez uczestników.",
        ),
        "COM.4": (
            "Współpraca z innymi klastrami",
            "Umowy o współpracy i wspólne działania z innymi klastrami w kraju i za granicą.",
        ),
        "COM.5": (
            "Badanie satysfakcji uczestników",
            "Regularne badanie zadowolenia uczestników z pracy koordynatora klastra wraz z analizą wyników.",
        ),
        "ACH.1": (
            "Obecność w mediach",
            "Liczba wzmianek o klastrze w prasie, internecie i mediach elektronicznych w ostatnim roku.",
        ),
        "ACH.2": (
            "Udokumentowane historie sukcesu",
            "Liczba historii sukcesu uczestników, które klaster udokumentował i opublikował.",
        ),
        "ACH.3": (
            "Rozpoczęte wspólne projekty",
            "Liczba wspólnych projektów rozpoczętych z pomocą koordynatora klastra.",
        ),
        "ACH.4": (
            "Widoczność międzynarodowa",
            "Obecność klastra na międzynarodowych wydarzeniach, platformach i w sieciach.",
        ),
        "ACH.5": ("Nagrody", "Nagrody i wyróżnienia otrzymane przez klaster lub jego koordynatora."),
        "ACH.6": ("Pomiar oddziaływania", "Systematyczny pomiar wpływu klastra na uczestników i region."),
    },
    "hu": {
        "STR": ("A klaszter szerkezete", "Kik vesznek részt a klaszterben, és milyen a tagság összetétele."),
        "GOV": (
            "Klasztermenedzsment és irányítás",
            "Hogyan működik a klaszterszervezet, milyen munkatársakkal és milyen irányítással.",
        ),
        "FIN": (
            "A klasztermenedzsment finanszírozása",
            "Hogyan finanszírozzák a klasztermenedzsmentet, és mennyire biztos ez a finanszírozás.",
        ),
        "SRV": (
            "A klasztermenedzsment szolgáltatásai",
            "Milyen szolgáltatásokat kínál a klasztermenedzsment a tagoknak, és ezeket hogyan veszik igénybe.",
        ),
        "COM": (
            "Kapcsolatok és interakció",
            "Hogyan kommunikál a klasztermenedzsment a tagokkal, és hogyan segíti az együttműködésüket.",
        ),
        "ACH": ("Eredmények és elismerés", "Mit ért el a klaszter, és mennyire látható a régióján túl."),
        "STR.1": (
            "Elkötelezett tagok",
            "Azon tagok száma, akik írásos megállapodással vagy tagsággal hivatalosan csatlakoztak a klaszterhez.",
        ),
        "STR.2": ("A kkv-k aránya", "A kis- és középvállalkozások aránya az elkötelezett tagok között."),
        "STR.3": (
            "Kutatási és oktatási tagok",
            "A klaszterben részt vevő egyetemek, kutatóintézetek és képzőintézmények száma.",
        ),
        "STR.4": ("Nagyvállalatok", "A nagyvállalatok száma az elkötelezett tagok között."),
        "STR.5": ("Regionális koncentráció", "A klaszter központi régiójában működő tagok aránya."),
        "STR.6": ("A taglétszám növekedése", "Az elkötelezett tagok számának változása az elmúlt két évben."),
        "GOV.1": ("A klaszterszervezet érettsége", "Az, hogy hány éve működik a klaszterszervezet."),
        "GOV.2": (
            "Menedzsment munkatársak (FTE)",
            "A klasztermenedzsment munkatársainak létszáma teljes munkaidős egyenértékben.",
        ),
        "GOV.3": ("A munkatársak tapasztalata", "A klasztermenedzsment csapatának szakmai tapasztalata években."),
        "GOV.4": (
            "Tagok az irányító testületekben",
            "A tagok részvétele az igazgatóságban és más döntéshozó testületekben.",
        ),
        "GOV.5": (
            "Írásba foglalt stratégia",
            "Célokat és cselekvési tervet tartalmazó írásos klaszterstratégia megléte.",
        ),
        "GOV.6": ("A stratégia nyomon követése", "A stratégia rendszeres felülvizsgálata mérhető célok alapján."),
        "GOV.7": (
            "A klasztermenedzser folytonossága",
            "Az, hogy hány éve tölti be tisztségét a jelenlegi klasztermenedzser.",
        ),
        "FIN.1": ("Éves költségvetés", "A klasztermenedzsment rendelkezésére álló éves költségvetés."),
        "FIN.2": ("A magánfinanszírozás aránya", "A költségvetés magánforrásokból származó része."),
        "FIN.3": ("A tagdíjak aránya", "A költségvetés tagdíjakból fedezett része."),
        "FIN.4": (
            "A pénzügyi fenntarthatóság időtávja",
            "Az, hogy hány évre biztosított a klasztermenedzsment finanszírozása.",
        ),
        "FIN.5": (
            "A finanszírozási források sokfélesége",
            "A klasztermenedzsmentet finanszírozó különböző források száma és kiegyensúlyozottsága.",
        ),
        "SRV.1": (
            "A szolgáltatások köre",
            "A klasztermenedzsment által a tagoknak kínált szolgáltatások sokszínűsége.",
        ),
        "SRV.2": (
            "Nemzetköziesítés",
            "A tagok támogatása a külpiacokra lépésben és nemzetközi partnerségek kialakításában.",
        ),
        "SRV.3": (
            "Az innováció és a K+F támogatása",
            "A tagok kutatási, fejlesztési és innovációs projektjeinek támogatása.",
        ),
        "SRV.4": ("Képzés és továbbképzés", "A tagok munkatársainak kínált képzési és továbbképzési tevékenységek."),
        "SRV.5": (
            "Partnerkeresés és együttműködés",
            "Olyan tevékenységek, amelyek összehozzák a tagokat, hogy partnert találjanak "
            "és együttműködést indítsanak.",
        ),
        "SRV.6": (
            "A szolgáltatások igénybevétele",
            "A klasztermenedzsment szolgáltatásait aktívan igénybe vevő tagok aránya.",
        ),
        "SRV.7": (
            "A digitális és zöld átállás támogatása",
            "A tagok támogatása vállalkozásuk digitális és zöld átállásában.",
        ),
        "COM.1": (
            "Kommunikációs csatornák",
            "Azon csatornák sokfélesége és rendszeres használata, amelyeken a klasztermenedzsment "
            "tájékoztatja a tagokat.",
        ),
        "COM.2": ("Éves rendezvények", "A klasztermenedzsment által évente szervezett rendezvények száma."),
        "COM.3": (
            "Tagok közötti együttműködési projektek",
            "A tagok által közösen megvalósított együttműködési projektek száma.",
        ),
        "COM.4": (
            "Együttműködés más klaszterekkel",
            "Együttműködési megállapodások és közös tevékenységek más hazai és külföldi klaszterekkel.",
        ),
        "COM.5": (
            "Tagi elégedettségi felmérés",
            "A tagok klasztermenedzsmenttel való elégedettségének rendszeres felmérése és az eredmények értékelése.",
        ),
        "ACH.1": (
            "Médiamegjelenés",
            "A klaszter megjelenéseinek száma a sajtóban, az interneten és az elektronikus médiában az elmúlt évben.",
        ),
        "ACH.2": (
            "Dokumentált sikertörténetek",
            "A tagok azon sikertörténeteinek száma, amelyeket a klaszter dokumentált és közzétett.",
        ),
        "ACH.3": (
            "Elindított közös projektek",
            "A klasztermenedzsment segítségével elindított közös projektek száma.",
        ),
        "ACH.4": (
            "Nemzetközi láthatóság",
            "A klaszter jelenléte nemzetközi rendezvényeken, platformokon és hálózatokban.",
        ),
        "ACH.5": ("Díjak", "A klaszter vagy menedzsmentje által elnyert díjak és elismerések."),
        "ACH.6": ("Hatásmérés", "A klaszter tagokra és a régióra gyakorolt hatásának rendszeres mérése."),
    },
    "hr": {
        "STR": ("Struktura klastera", "Tko sudjeluje u klasteru i kakav je sastav njegovih članova."),
        "GOV": (
            "Menadžment i upravljanje klasterom",
            "Kako klasterska organizacija djeluje, koliko osoblja ima i kako se njome upravlja.",
        ),
        "FIN": (
            "Financiranje menadžmenta klastera",
            "Kako se financira menadžment klastera i koliko je to financiranje sigurno.",
        ),
        "SRV": (
            "Usluge menadžmenta klastera",
            "Koje usluge menadžment klastera nudi članovima i koliko se one koriste.",
        ),
        "COM": (
            "Kontakti i interakcija",
            "Kako menadžment klastera komunicira s članovima i potiče njihovu suradnju.",
        ),
        "ACH": ("Postignuća i priznanja", "Što je klaster postigao i koliko je vidljiv izvan svoje regije."),
        "STR.1": (
            "Predani članovi",
            "Broj članova koji su se klasteru formalno obvezali pisanim sporazumom ili članstvom.",
        ),
        "STR.2": ("Udio MSP-ova", "Udio malih i srednjih poduzeća među predanim članovima."),
        "STR.3": (
            "Članovi iz istraživanja i obrazovanja",
            "Broj sveučilišta, istraživačkih instituta i obrazovnih ustanova koji sudjeluju u klasteru.",
        ),
        "STR.4": ("Velika poduzeća", "Broj velikih poduzeća među predanim članovima."),
        "STR.5": ("Regionalna koncentracija", "Udio članova sa sjedištem u središnjoj regiji klastera."),
        "STR.6": ("Rast članstva", "Promjena broja predanih članova u posljednje dvije godine."),
        "GOV.1": ("Zrelost klasterske organizacije", "Broj godina koliko klasterska organizacija djeluje."),
        "GOV.2": (
            "Osoblje menadžmenta (FTE)",
            "Osoblje menadžmenta klastera izraženo u ekvivalentu punog radnog vremena.",
        ),
        "GOV.3": ("Iskustvo osoblja", "Profesionalno iskustvo tima menadžmenta klastera izraženo u godinama."),
        "GOV.4": (
            "Članovi u upravljačkim tijelima",
            "Sudjelovanje članova u upravnom odboru i drugim tijelima odlučivanja.",
        ),
        "GOV.5": ("Dokumentirana strategija", "Postojanje pisane strategije klastera s ciljevima i akcijskim planom."),
        "GOV.6": ("Praćenje strategije", "Redovita provjera provedbe strategije prema mjerljivim ciljevima."),
        "GOV.7": (
            "Kontinuitet menadžera klastera",
            "Broj godina koliko sadašnji menadžer klastera obnaša svoju funkciju.",
        ),
        "FIN.1": ("Godišnji proračun", "Godišnji proračun kojim raspolaže menadžment klastera."),
        "FIN.2": ("Udio privatnog financiranja", "Udio proračuna koji dolazi iz privatnih izvora."),
        "FIN.3": ("Udio članarina", "Udio proračuna koji se pokriva članarinama."),
        "FIN.4": (
            "Horizont financijske održivosti",
            "Broj godina za koje je osigurano financiranje menadžmenta klastera.",
        ),
        "FIN.5": (
            "Raznolikost izvora financiranja",
            "Broj i uravnoteženost različitih izvora iz kojih se financira menadžment klastera.",
        ),
        "SRV.1": ("Raspon usluga", "Širina ponude usluga koje menadžment klastera nudi članovima."),
        "SRV.2": (
            "Internacionalizacija",
            "Potpora članovima pri ulasku na strana tržišta i sklapanju međunarodnih partnerstava.",
        ),
        "SRV.3": (
            "Potpora inovacijama te istraživanju i razvoju",
            "Potpora istraživačkim, razvojnim i inovacijskim projektima članova.",
        ),
        "SRV.4": (
            "Obrazovanje i kvalifikacije",
            "Aktivnosti obrazovanja i stjecanja kvalifikacija namijenjene zaposlenicima članova.",
        ),
        "SRV.5": (
            "Povezivanje i suradnja",
            "Aktivnosti koje povezuju članove kako bi pronašli partnere i započeli suradnju.",
        ),
        "SRV.6": ("Korištenje usluga", "Udio članova koji aktivno koriste usluge menadžmenta klastera."),
        "SRV.7": (
            "Potpora digitalnoj i zelenoj tranziciji",
            "Potpora članovima u digitalnoj i zelenoj tranziciji njihova poslovanja.",
        ),
        "COM.1": (
            "Komunikacijski kanali",
            "Raznolikost i redovito korištenje kanala kojima menadžment klastera obavještava članove.",
        ),
        "COM.2": ("Događanja godišnje", "Broj događanja koja menadžment klastera organizira svake godine."),
        "COM.3": ("Projekti suradnje među članovima", "Broj projekata suradnje koje članovi provode zajedno."),
        "COM.4": (
            "Suradnja s drugim klasterima",
            "Sporazumi o suradnji i zajedničke aktivnosti s drugim klasterima u zemlji i inozemstvu.",
        ),
        "COM.5": (
            "Ispitivanje zadovoljstva članova",
            "Redovito ispitivanje zadovoljstva članova radom menadžmenta klastera i analiza rezultata.",
        ),
        "ACH.1": (
            "Medijska pokrivenost",
            "Broj spominjanja klastera u tisku, na internetu i u elektroničkim medijima tijekom prošle godine.",
        ),
        "ACH.2": (
            "Dokumentirane priče o uspjehu",
            "Broj priča o uspjehu članova koje je klaster dokumentirao i objavio.",
        ),
        "ACH.3": (
            "Pokrenuti zajednički projekti",
            "Broj zajedničkih projekata pokrenutih uz pomoć menadžmenta klastera.",
        ),
        "ACH.4": (
            "Međunarodna vidljivost",
            "Prisutnost klastera na međunarodnim događanjima, platformama i u mrežama.",
        ),
        "ACH.5": ("Nagrade", "Nagrade i priznanja koje su dobili klaster ili njegov menadžment."),
        "ACH.6": ("Mjerenje učinka", "Sustavno mjerenje učinka klastera na članove i regiju."),
    },
    "tr": {
        "STR": (
            "Kümenin yapısı",
            "Kümede kimlerin yer aldığı ve katılımcıların nasıl bir bileşime sahip olduğu.",
        ),
        "GOV": (
            "Küme yönetimi ve yönetişim",
            "Küme organizasyonunun nasıl işletildiği, hangi personelle çalıştığı ve nasıl yönlendirildiği.",
        ),
        "FIN": (
            "Küme yönetiminin finansmanı",
            "Küme yönetiminin nasıl finanse edildiği ve bu finansmanın ne kadar güvence altında olduğu.",
        ),
        "SRV": (
            "Küme yönetiminin hizmetleri",
            "Küme yönetiminin katılımcılara hangi hizmetleri sunduğu ve bunların nasıl kullanıldığı.",
        ),
        "COM": (
            "İletişim ve etkileşim",
            "Küme yönetiminin katılımcılarla nasıl iletişim kurduğu ve aralarındaki işbirliğini nasıl teşvik ettiği.",
        ),
        "ACH": (
            "Başarılar ve tanınırlık",
            "Kümenin neler başardığı ve kendi bölgesinin ötesinde ne kadar görünür olduğu.",
        ),
        "STR.1": (
            "Taahhütlü katılımcılar",
            "Kümeye yazılı bir anlaşma veya üyelikle resmen bağlı olan katılımcıların sayısı.",
        ),
        "STR.2": ("KOBİ payı", "Taahhütlü katılımcılar arasında küçük ve orta büyüklükteki işletmelerin payı."),
        "STR.3": (
            "Araştırma ve eğitim katılımcıları",
            "Kümede yer alan üniversitelerin, araştırma enstitülerinin ve eğitim kurumlarının sayısı.",
        ),
        "STR.4": ("Büyük şirketler", "Taahhütlü katılımcılar arasındaki büyük şirketlerin sayısı."),
        "STR.5": ("Bölgesel yoğunlaşma", "Kümenin ana bölgesinde bulunan katılımcıların payı."),
        "STR.6": ("Üyelik büyümesi", "Taahhütlü katılımcı sayısının son iki yıldaki değişimi."),
        "GOV.1": ("Küme organizasyonunun olgunluğu", "Küme organizasyonunun kaç yıldır faaliyette olduğu."),
        "GOV.2": ("Yönetim personeli (TZE)", "Küme yönetimi personelinin tam zamanlı eşdeğer cinsinden sayısı."),
        "GOV.3": ("Personel deneyimi", "Küme yönetimi ekibinin yıl cinsinden mesleki deneyimi."),
        "GOV.4": (
            "Yönetim organlarındaki katılımcılar",
            "Katılımcıların yönetim kuruluna ve diğer karar organlarına katılımı.",
        ),
        "GOV.5": (
            "Belgelenmiş strateji",
            "Hedefler ve eylem planı içeren yazılı bir küme stratejisinin varlığı.",
        ),
        "GOV.6": ("Strateji izleme", "Stratejinin ölçülebilir hedeflere göre düzenli olarak gözden geçirilmesi."),
        "GOV.7": ("Küme yöneticisinin sürekliliği", "Mevcut küme yöneticisinin kaç yıldır görevde olduğu."),
        "FIN.1": ("Yıllık bütçe", "Küme yönetiminin kullanabildiği yıllık bütçe."),
        "FIN.2": ("Özel finansman payı", "Bütçenin özel kaynaklardan gelen payı."),
        "FIN.3": ("Üyelik aidatlarının payı", "Bütçenin katılımcı aidatlarıyla karşılanan payı."),
        "FIN.4": (
            "Finansal sürdürülebilirlik ufku",
            "Küme yönetiminin finansmanının kaç yıl için güvence altında olduğu.",
        ),
        "FIN.5": (
            "Finansman kaynaklarının çeşitliliği",
            "Küme yönetimini finanse eden farklı kaynakların sayısı ve dengesi.",
        ),
        "SRV.1": ("Hizmet yelpazesi", "Küme yönetiminin katılımcılara sunduğu hizmetlerin kapsamı."),
        "SRV.2": (
            "Uluslararasılaşma",
            "Katılımcılara yurt dışı pazarlara girişte ve uluslararası ortaklıklar kurmada verilen destek.",
        ),
        "SRV.3": (
            "İnovasyon ve Ar-Ge desteği",
            "Katılımcıların araştırma, geliştirme ve inovasyon projelerine verilen destek.",
        ),
        "SRV.4": (
            "Eğitim ve nitelik geliştirme",
            "Katılımcıların çalışanlarına sunulan eğitim ve nitelik geliştirme faaliyetleri.",
        ),
        "SRV.5": (
            "Eşleştirme ve işbirliği",
            "Katılımcıları bir araya getirerek ortak bulmalarını ve işbirliği başlatmalarını sağlayan faaliyetler.",
        ),
        "SRV.6": ("Hizmet kullanımı", "Küme yönetiminin hizmetlerini aktif olarak kullanan katılımcıların payı."),
        "SRV.7": (
            "Dijital ve yeşil dönüşüm desteği",
            "Katılımcılara işletmelerinin dijital ve yeşil dönüşümünde verilen destek.",
        ),
        "COM.1": (
            "İletişim kanalları",
            "Küme yönetiminin katılımcıları bilgilendirdiği kanalların çeşitliliği ve düzenli kullanımı.",
        ),
        "COM.2": ("Yıllık etkinlikler", "Küme yönetiminin her yıl düzenlediği etkinliklerin sayısı."),
        "COM.3": (
            "Katılımcılar arası işbirliği projeleri",
            "Katılımcıların ortaklaşa yürüttüğü işbirliği projelerinin sayısı.",
        ),
        "COM.4": (
            "Diğer kümelerle işbirliği",
            "Yurt içindeki ve yurt dışındaki diğer kümelerle yapılan işbirliği anlaşmaları ve ortak faaliyetler.",
        ),
        "COM.5": (
            "Katılımcı memnuniyeti anketi",
            "Katılımcıların küme yönetiminden memnuniyetinin düzenli olarak ölçülmesi ve sonuçların değerlendirilmesi.",
        ),
        "ACH.1": (
            "Medyada yer alma",
            "Kümenin geçen yıl basında, internette ve yayın organlarında yer alma sayısı.",
        ),
        "ACH.2": (
            "Belgelenmiş başarı hikâyeleri",
            "Kümenin belgeleyip yayımladığı katılımcı başarı hikâyelerinin sayısı.",
        ),
        "ACH.3": ("Başlatılan ortak projeler", "Küme yönetiminin yardımıyla başlatılan ortak projelerin sayısı."),
        "ACH.4": (
            "Uluslararası görünürlük",
            "Kümenin uluslararası etkinliklerde, platformlarda ve ağlarda yer alması.",
        ),
        "ACH.5": ("Ödüller", "Kümenin veya küme yönetiminin aldığı ödüller ve takdirler."),
        "ACH.6": ("Etki ölçümü", "Kümenin katılımcılar ve bölge üzerindeki etkisinin sistematik olarak ölçülmesi."),
    },
}


def _translated(code):
    fields = {"name": TEXT["en"][code][0], "description": TEXT["en"][code][1]}
    for language, texts in TEXT.items():
        name, description = texts[code]
        fields[f"name_{language}"] = name
        fields[f"description_{language}"] = description
    return fields


def seed_indicator_set(apps, schema_editor):
    Dimension = apps.get_model("mobility", "Dimension")
    Indicator = apps.get_model("mobility", "Indicator")
    for dimension_position, (dimension_code, indicator_codes) in enumerate(STRUCTURE, start=1):
        dimension, _created = Dimension.objects.update_or_create(
            code=dimension_code, defaults={"position": dimension_position, **_translated(dimension_code)}
        )
        for position, code in enumerate(indicator_codes, start=1):
            Indicator.objects.update_or_create(
                code=code, defaults={"dimension": dimension, "position": position, **_translated(code)}
            )


def remove_unused_indicator_set(apps, schema_editor):
    Dimension = apps.get_model("mobility", "Dimension")
    Indicator = apps.get_model("mobility", "Indicator")
    codes = [code for _dimension, codes in STRUCTURE for code in codes]
    Indicator.objects.filter(code__in=codes, scores__isnull=True).delete()
    Dimension.objects.filter(code__in=[code for code, _codes in STRUCTURE], indicators__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("mobility", "0001_initial")]

    operations = [migrations.RunPython(seed_indicator_set, remove_unused_indicator_set)]
