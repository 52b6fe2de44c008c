# ruff: noqa: E501
"""Demo training materials and seminars for `seed_demo`: pure data, then `seed_training()`.

Every text is keyed by language code and is original, fictional demo material.
"""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from mobility.models import Indicator
from portal.demo.pictures import MATERIAL_PICTURES, DemoPictures
from portal.demo.sections import in_every_language, publish, slugify_title
from portal.models import User
from training.models import (
    MaterialDocument,
    Registration,
    RegistrationStatus,
    SeminarIndexPage,
    SeminarPage,
    TrainingLibraryPage,
    TrainingMaterialPage,
)
from training.services import update_seminar_facts

LANGS = ("en", "cs", "sk", "pl", "hu", "hr", "tr")
TRAINER_EMAIL = "trainer@centramo.example"
# format, level, minutes, topics, then texts. "notes": country notes of some translations.
MATERIALS = [
    {
        "key": "strategy",
        "format": "handbook",
        "level": "intermediate",
        "minutes": 120,
        "topics": ["GOV.5", "GOV.6"],
        "title": {
            "en": "Writing a cluster strategy members will use",
            "cs": "Jak napsat strategii klastru, kterou členové opravdu použijí",
            "sk": "Ako napísať stratégiu klastra, ktorú členovia naozaj použijú",
            "pl": "Jak napisać strategię klastra, z której członkowie będą korzystać",
            "hu": "Hogyan írjunk olyan klaszterstratégiát, amelyet a tagok használnak",
            "hr": "Kako napisati strategiju klastera koju će članovi koristiti",
            "tr": "Üyelerin gerçekten kullanacağı bir küme stratejisi yazmak",
        },
        "summary": {
            "en": "A step-by-step handbook for turning member interviews and benchmark results into a short, monitored strategy.",
            "cs": "Příručka krok za krokem, jak z rozhovorů se členy a výsledků benchmarkingu vytvořit krátkou a sledovanou strategii.",
            "sk": "Príručka krok za krokom, ako z rozhovorov s členmi a výsledkov benchmarkingu vytvoriť krátku a sledovanú stratégiu.",
            "pl": "Podręcznik krok po kroku: jak z wywiadów z członkami i wyników benchmarkingu zbudować krótką, monitorowaną strategię.",
            "hu": "Lépésről lépésre haladó kézikönyv arról, hogyan lesz a taginterjúkból és a benchmarking eredményeiből rövid, nyomon követett stratégia.",
            "hr": "Priručnik korak po korak o tome kako razgovore s članovima i rezultate benchmarkinga pretvoriti u kratku strategiju koja se prati.",
            "tr": "Üye görüşmelerini ve kıyaslama sonuçlarını kısa ve izlenen bir stratejiye dönüştürmek için adım adım el kitabı.",
        },
        "body": {
            "en": "<p>Start with ten interviews with members of different sizes. Write down what they expect from the cluster in the next three years, then compare it with the weak points of your benchmarking report. Keep the strategy to five pages and give every goal one indicator that the board reviews twice a year.</p>",
            "cs": "<p>Začněte deseti rozhovory se členy různé velikosti. Zapište si, co od klastru očekávají v příštích třech letech, a porovnejte to se slabými místy ze zprávy z benchmarkingu. Strategii udržte na pěti stranách a každému cíli přiřaďte jeden ukazatel, který správní rada posuzuje dvakrát ročně.</p>",
            "sk": "<p>Začnite desiatimi rozhovormi s členmi rôznej veľkosti. Zapíšte si, čo od klastra očakávajú v nasledujúcich troch rokoch, a porovnajte to so slabými miestami zo správy z benchmarkingu. Stratégiu udržte na piatich stranách a každému cieľu priraďte jeden ukazovateľ, ktorý správna rada posudzuje dvakrát ročne.</p>",
            "pl": "<p>Zacznij od dziesięciu wywiadów z członkami różnej wielkości. Zapisz, czego oczekują od klastra w ciągu najbliższych trzech lat, i porównaj to ze słabymi punktami z raportu benchmarkingowego. Ogranicz strategię do pięciu stron i przypisz każdemu celowi jeden wskaźnik, który zarząd przegląda dwa razy w roku.</p>",
            "hu": "<p>Kezdje tíz interjúval különböző méretű tagokkal. Jegyezze fel, mit várnak a klasztertől a következő három évben, majd vesse össze a benchmarking jelentés gyenge pontjaival. A stratégia legyen legfeljebb öt oldal, és minden célhoz tartozzon egy mutató, amelyet az elnökség évente kétszer áttekint.</p>",
            "hr": "<p>Počnite s deset razgovora s članovima različite veličine. Zapišite što očekuju od klastera u sljedeće tri godine i usporedite to sa slabim točkama iz izvješća o benchmarkingu. Strategiju ograničite na pet stranica i svakom cilju dodijelite jedan pokazatelj koji upravni odbor pregledava dvaput godišnje.</p>",
            "tr": "<p>Farklı büyüklükteki üyelerle on görüşme yaparak başlayın. Önümüzdeki üç yılda kümeden ne beklediklerini not edin ve bunu kıyaslama raporunuzdaki zayıf noktalarla karşılaştırın. Stratejiyi beş sayfada tutun ve her hedefe yönetim kurulunun yılda iki kez gözden geçirdiği bir gösterge atayın.</p>",
        },
        "notes": {
            "sk": "<p>Na Slovensku môžu klastre prepojiť stratégiu s krajskými inovačnými stratégiami; vyššie územné celky to často vyžadujú pri podpore.</p>",
            "hu": "<p>Magyarországon érdemes a stratégiát összehangolni a megyei fejlesztési koncepciókkal, mert a pályázatok gyakran hivatkoznak rájuk.</p>",
            "hr": "<p>U Hrvatskoj je korisno strategiju povezati sa strategijom pametne specijalizacije, na koju se pozivaju mnogi natječaji.</p>",
        },
        "document": True,
    },
    {
        "key": "financing",
        "format": "slides",
        "level": "intermediate",
        "minutes": 90,
        "topics": ["FIN.2", "FIN.5"],
        "title": {
            "en": "Diversifying the financing of cluster management",
            "cs": "Jak rozložit financování řízení klastru",
            "sk": "Ako rozložiť financovanie riadenia klastra",
            "pl": "Dywersyfikacja finansowania zarządzania klastrem",
            "hu": "A klasztermenedzsment finanszírozásának diverzifikálása",
            "hr": "Raznolikost izvora financiranja upravljanja klasterom",
            "tr": "Küme yönetiminin finansmanını çeşitlendirmek",
        },
        "summary": {
            "en": "Slides on moving from one public grant to a mix of fees, paid services and projects.",
            "cs": "Prezentace o přechodu od jediné veřejné dotace ke kombinaci poplatků, placených služeb a projektů.",
            "sk": "Prezentácia o prechode od jedinej verejnej dotácie ku kombinácii poplatkov, platených služieb a projektov.",
            "pl": "Prezentacja o przejściu od jednej dotacji publicznej do połączenia składek, płatnych usług i projektów.",
            "hu": "Diasor arról, hogyan lehet egyetlen állami támogatás helyett tagdíjak, fizetős szolgáltatások és projektek keverékére építeni.",
            "hr": "Prezentacija o prijelazu s jedne javne potpore na kombinaciju članarina, plaćenih usluga i projekata.",
            "tr": "Tek bir kamu hibesinden aidat, ücretli hizmet ve projelerden oluşan bir karışıma geçiş üzerine sunum.",
        },
        "body": {
            "en": "<p>Clusters rated red on the share of private funding usually depend on one grant. The slides show how three clusters in the network introduced tiered membership fees and two paid services within eighteen months.</p>",
            "cs": "<p>Klastry s červeným hodnocením podílu soukromých zdrojů obvykle závisejí na jediné dotaci. Prezentace ukazuje, jak tři klastry v síti během osmnácti měsíců zavedly odstupňované členské poplatky a dvě placené služby.</p>",
            "sk": "<p>Klastre s červeným hodnotením podielu súkromných zdrojov zvyčajne závisia od jedinej dotácie. Prezentácia ukazuje, ako tri klastre v sieti počas osemnástich mesiacov zaviedli odstupňované členské poplatky a dve platené služby.</p>",
            "pl": "<p>Klastry z czerwoną oceną udziału finansowania prywatnego zwykle zależą od jednej dotacji. Prezentacja pokazuje, jak trzy klastry z sieci w ciągu osiemnastu miesięcy wprowadziły zróżnicowane składki członkowskie i dwie płatne usługi.</p>",
            "hu": "<p>A magánfinanszírozás arányában piros értékelést kapott klaszterek általában egyetlen támogatástól függenek. A diasor bemutatja, hogyan vezetett be a hálózat három klasztere tizennyolc hónap alatt sávos tagdíjat és két fizetős szolgáltatást.</p>",
            "hr": "<p>Klasteri s crvenom ocjenom udjela privatnog financiranja obično ovise o jednoj potpori. Prezentacija pokazuje kako su tri klastera iz mreže u osamnaest mjeseci uvela stupnjevane članarine i dvije plaćene usluge.</p>",
            "tr": "<p>Özel finansman payında kırmızı not alan kümeler genellikle tek bir hibeye bağımlıdır. Sunum, ağdaki üç kümenin on sekiz ay içinde kademeli üyelik aidatlarını ve iki ücretli hizmeti nasıl başlattığını gösteriyor.</p>",
        },
        "notes": {
            "cs": "<p>V Česku lze část služeb financovat z programu OP TAK; pozor na pravidla veřejné podpory při placených službách pro členy.</p>",
            "pl": "<p>W Polsce klastry ze statusem Krajowego Klastra Kluczowego mają dostęp do osobnych konkursów; warto uwzględnić je w planie finansowania.</p>",
            "tr": "<p>Türkiye'de kalkınma ajanslarının destek programları ile KOSGEB'in işbirliği destekleri finansman karmasına eklenebilir.</p>",
        },
        "document": True,
    },
    {
        "key": "services",
        "format": "exercise",
        "level": "introductory",
        "minutes": 60,
        "topics": ["SRV.1", "SRV.6"],
        "title": {
            "en": "Designing services members pay for",
            "cs": "Navrhujeme služby, za které členové zaplatí",
            "sk": "Navrhujeme služby, za ktoré členovia zaplatia",
            "pl": "Projektowanie usług, za które członkowie zapłacą",
            "hu": "Olyan szolgáltatások tervezése, amelyekért a tagok fizetnek",
            "hr": "Osmišljavanje usluga koje članovi plaćaju",
            "tr": "Üyelerin ücret ödeyeceği hizmetler tasarlamak",
        },
        "summary": {
            "en": "A group exercise that maps member needs against the services a cluster already offers.",
            "cs": "Skupinové cvičení, které porovnává potřeby členů se službami, jež klastr už nabízí.",
            "sk": "Skupinové cvičenie, ktoré porovnáva potreby členov so službami, ktoré klaster už ponúka.",
            "pl": "Ćwiczenie grupowe zestawiające potrzeby członków z usługami, które klaster już oferuje.",
            "hu": "Csoportos gyakorlat, amely a tagok igényeit veti össze a klaszter meglévő szolgáltatásaival.",
            "hr": "Grupna vježba koja uspoređuje potrebe članova s uslugama koje klaster već nudi.",
            "tr": "Üye ihtiyaçlarını kümenin hâlihazırda sunduğu hizmetlerle eşleştiren bir grup alıştırması.",
        },
        "body": {
            "en": "<p>Participants fill in a grid with member needs in rows and existing services in columns. Empty rows are candidates for new services; columns nobody uses are candidates for closing. The exercise ends with one service each participant will test with three members.</p>",
            "cs": "<p>Účastníci vyplní tabulku, kde jsou v řádcích potřeby členů a ve sloupcích stávající služby. Prázdné řádky jsou kandidáty na nové služby, sloupce, které nikdo nevyužívá, na zrušení. Cvičení končí jednou službou, kterou každý účastník vyzkouší se třemi členy.</p>",
            "sk": "<p>Účastníci vyplnia tabuľku, kde sú v riadkoch potreby členov a v stĺpcoch existujúce služby. Prázdne riadky sú kandidátmi na nové služby, stĺpce, ktoré nikto nevyužíva, na zrušenie. Cvičenie končí jednou službou, ktorú každý účastník vyskúša s tromi členmi.</p>",
            "pl": "<p>Uczestnicy wypełniają tabelę z potrzebami członków w wierszach i istniejącymi usługami w kolumnach. Puste wiersze to kandydaci na nowe usługi, a kolumny, z których nikt nie korzysta, to kandydaci do zamknięcia. Ćwiczenie kończy się jedną usługą, którą każdy uczestnik przetestuje z trzema członkami.</p>",
            "hu": "<p>A résztvevők kitöltenek egy táblázatot: a sorokban a tagok igényei, az oszlopokban a meglévő szolgáltatások szerepelnek. Az üres sorok új szolgáltatások jelöltjei, a senki által nem használt oszlopok a megszüntetéséi. A gyakorlat végén minden résztvevő kiválaszt egy szolgáltatást, amelyet három taggal kipróbál.</p>",
            "hr": "<p>Sudionici ispunjavaju tablicu u kojoj su u redovima potrebe članova, a u stupcima postojeće usluge. Prazni redovi kandidati su za nove usluge, a stupci koje nitko ne koristi za ukidanje. Vježba završava jednom uslugom koju će svaki sudionik isprobati s tri člana.</p>",
            "tr": "<p>Katılımcılar satırlarında üye ihtiyaçları, sütunlarında mevcut hizmetler bulunan bir tablo doldurur. Boş satırlar yeni hizmet adaylarıdır; kimsenin kullanmadığı sütunlar ise kapatılma adaylarıdır. Alıştırma, her katılımcının üç üyeyle deneyeceği bir hizmetle sona erer.</p>",
        },
    },
    {
        "key": "international",
        "format": "case_study",
        "level": "advanced",
        "minutes": 45,
        "topics": ["SRV.2", "COM.4"],
        "title": {
            "en": "Taking members abroad: a joint trade mission",
            "cs": "Se členy do zahraničí: společná obchodní mise",
            "sk": "So členmi do zahraničia: spoločná obchodná misia",
            "pl": "Z członkami za granicę: wspólna misja handlowa",
            "hu": "Tagokkal külföldre: közös üzleti misszió",
            "hr": "S članovima u inozemstvo: zajednička trgovinska misija",
            "tr": "Üyelerle yurt dışına: ortak bir ticaret heyeti",
        },
        "summary": {
            "en": "How two clusters from different countries organised a shared mission and split the costs.",
            "cs": "Jak dva klastry z různých zemí zorganizovaly společnou misi a rozdělily si náklady.",
            "sk": "Ako dva klastre z rôznych krajín zorganizovali spoločnú misiu a rozdelili si náklady.",
            "pl": "Jak dwa klastry z różnych krajów zorganizowały wspólną misję i podzieliły się kosztami.",
            "hu": "Hogyan szervezett két, különböző országból származó klaszter közös missziót, és hogyan osztották meg a költségeket.",
            "hr": "Kako su dva klastera iz različitih zemalja organizirala zajedničku misiju i podijelila troškove.",
            "tr": "Farklı ülkelerden iki kümenin ortak bir heyeti nasıl düzenlediği ve maliyetleri nasıl paylaştığı.",
        },
        "body": {
            "en": "<p>A Slovak automotive cluster and a Hungarian mechatronics cluster took twelve companies to a supplier fair together. They shared one stand, one interpreter and one matchmaking platform, and each member paid a third of what a solo trip would have cost.</p>",
            "cs": "<p>Slovenský automobilový klastr a maďarský mechatronický klastr vzaly společně dvanáct firem na veletrh dodavatelů. Sdílely jeden stánek, jednoho tlumočníka a jednu platformu pro dohazování kontaktů a každý člen zaplatil třetinu toho, co by stála samostatná cesta.</p>",
            "sk": "<p>Slovenský automobilový klaster a maďarský mechatronický klaster vzali spolu dvanásť firiem na veľtrh dodávateľov. Zdieľali jeden stánok, jedného tlmočníka a jednu platformu na sprostredkovanie kontaktov a každý člen zaplatil tretinu toho, čo by stála samostatná cesta.</p>",
            "pl": "<p>Słowacki klaster motoryzacyjny i węgierski klaster mechatroniczny zabrały razem dwanaście firm na targi dostawców. Dzieliły jedno stoisko, jednego tłumacza i jedną platformę kojarzenia partnerów, a każdy członek zapłacił jedną trzecią kosztów samodzielnego wyjazdu.</p>",
            "hu": "<p>Egy szlovák autóipari és egy magyar mechatronikai klaszter együtt vitt el tizenkét céget egy beszállítói vásárra. Egy standon, egy tolmáccsal és egy partnerkereső platformmal dolgoztak, így minden tag egyharmadát fizette annak, amibe egy önálló út került volna.</p>",
            "hr": "<p>Slovački automobilski klaster i mađarski mehatronički klaster zajedno su odveli dvanaest tvrtki na sajam dobavljača. Dijelili su jedan štand, jednog prevoditelja i jednu platformu za povezivanje, a svaki je član platio trećinu onoga što bi stajalo samostalno putovanje.</p>",
            "tr": "<p>Slovak bir otomotiv kümesi ile Macar bir mekatronik kümesi on iki şirketi birlikte bir tedarikçi fuarına götürdü. Tek bir stant, tek bir tercüman ve tek bir eşleştirme platformu paylaştılar; her üye tek başına bir yolculuğun maliyetinin üçte birini ödedi.</p>",
        },
    },
    {
        "key": "satisfaction",
        "format": "exercise",
        "level": "introductory",
        "minutes": 45,
        "topics": ["COM.5"],
        "title": {
            "en": "A member satisfaction survey in ten questions",
            "cs": "Průzkum spokojenosti členů v deseti otázkách",
            "sk": "Prieskum spokojnosti členov v desiatich otázkach",
            "pl": "Badanie satysfakcji członków w dziesięciu pytaniach",
            "hu": "Tagi elégedettségi felmérés tíz kérdésben",
            "hr": "Anketa o zadovoljstvu članova u deset pitanja",
            "tr": "On soruda üye memnuniyeti anketi",
        },
        "summary": {
            "en": "A ready-to-use questionnaire and a guide to reading the answers with your board.",
            "cs": "Hotový dotazník a návod, jak odpovědi projít se správní radou.",
            "sk": "Hotový dotazník a návod, ako odpovede prejsť so správnou radou.",
            "pl": "Gotowy kwestionariusz i wskazówki, jak omówić odpowiedzi z zarządem.",
            "hu": "Használatra kész kérdőív és útmutató a válaszok elnökséggel való értékeléséhez.",
            "hr": "Upitnik spreman za upotrebu i vodič za analizu odgovora s upravnim odborom.",
            "tr": "Kullanıma hazır bir anket ve yanıtları yönetim kurulunuzla değerlendirme rehberi.",
        },
        "body": {
            "en": "<p>Ask the same ten questions every year so that answers can be compared. Send the survey to the person who actually uses the services, not only to the managing director, and publish the three main findings to members within a month.</p>",
            "cs": "<p>Pokládejte každý rok stejných deset otázek, aby bylo možné odpovědi porovnat. Průzkum posílejte člověku, který služby skutečně využívá, nejen jednateli, a tři hlavní zjištění zveřejněte členům do měsíce.</p>",
            "sk": "<p>Kladte každý rok rovnakých desať otázok, aby sa odpovede dali porovnať. Prieskum posielajte človeku, ktorý služby skutočne využíva, nielen konateľovi, a tri hlavné zistenia zverejnite členom do mesiaca.</p>",
            "pl": "<p>Zadawaj co roku te same dziesięć pytań, aby odpowiedzi dało się porównać. Wysyłaj ankietę osobie, która faktycznie korzysta z usług, a nie tylko prezesowi, i w ciągu miesiąca przedstaw członkom trzy najważniejsze wnioski.</p>",
            "hu": "<p>Minden évben ugyanazt a tíz kérdést tegye fel, hogy a válaszok összevethetők legyenek. A felmérést annak küldje, aki ténylegesen használja a szolgáltatásokat, ne csak az ügyvezetőnek, és egy hónapon belül ossza meg a tagokkal a három fő megállapítást.</p>",
            "hr": "<p>Svake godine postavljajte istih deset pitanja kako bi se odgovori mogli usporediti. Anketu šaljite osobi koja zaista koristi usluge, a ne samo direktoru, i u roku od mjesec dana objavite članovima tri glavna zaključka.</p>",
            "tr": "<p>Yanıtların karşılaştırılabilmesi için her yıl aynı on soruyu sorun. Anketi yalnızca genel müdüre değil, hizmetleri gerçekten kullanan kişiye gönderin ve üç ana bulguyu bir ay içinde üyelerle paylaşın.</p>",
        },
    },
    {
        "key": "stories",
        "format": "slides",
        "level": "introductory",
        "minutes": 60,
        "topics": ["ACH.2", "ACH.1"],
        "title": {
            "en": "Telling your cluster's success stories",
            "cs": "Jak vyprávět příběhy úspěchu vašeho klastru",
            "sk": "Ako rozprávať príbehy úspechu vášho klastra",
            "pl": "Jak opowiadać historie sukcesu klastra",
            "hu": "Hogyan meséljük el a klaszter sikertörténeteit",
            "hr": "Kako pričati priče o uspjehu vašeg klastera",
            "tr": "Kümenizin başarı hikâyelerini anlatmak",
        },
        "summary": {
            "en": "Slides with a simple structure for documenting results of joint projects for members, media and funders.",
            "cs": "Prezentace s jednoduchou strukturou pro popis výsledků společných projektů pro členy, média a donory.",
            "sk": "Prezentácia s jednoduchou štruktúrou na opis výsledkov spoločných projektov pre členov, médiá a donorov.",
            "pl": "Prezentacja z prostą strukturą opisu wyników wspólnych projektów dla członków, mediów i grantodawców.",
            "hu": "Diasor egyszerű szerkezettel a közös projektek eredményeinek bemutatásához a tagok, a média és a támogatók számára.",
            "hr": "Prezentacija s jednostavnom strukturom za opis rezultata zajedničkih projekata za članove, medije i donatore.",
            "tr": "Ortak projelerin sonuçlarını üyeler, medya ve destekçiler için belgelemeye yönelik basit bir yapı sunan sunum.",
        },
        "body": {
            "en": "<p>Every story answers four questions: who had the problem, what the cluster did, what changed in numbers, and who can tell more. Collect one story per quarter and keep the raw data, so that the next benchmarking round can use it as evidence.</p>",
            "cs": "<p>Každý příběh odpovídá na čtyři otázky: kdo měl problém, co klastr udělal, co se změnilo v číslech a kdo může říct víc. Sbírejte jeden příběh za čtvrtletí a uchovávejte podklady, aby je příští kolo benchmarkingu mohlo použít jako doklad.</p>",
            "sk": "<p>Každý príbeh odpovedá na štyri otázky: kto mal problém, čo klaster urobil, čo sa zmenilo v číslach a kto môže povedať viac. Zbierajte jeden príbeh za štvrťrok a uchovávajte podklady, aby ich ďalšie kolo benchmarkingu mohlo použiť ako dôkaz.</p>",
            "pl": "<p>Każda historia odpowiada na cztery pytania: kto miał problem, co zrobił klaster, co zmieniło się w liczbach i kto może powiedzieć więcej. Zbieraj jedną historię na kwartał i przechowuj dane źródłowe, aby następna runda benchmarkingu mogła je wykorzystać jako dowód.</p>",
            "hu": "<p>Minden történet négy kérdésre felel: kinek volt problémája, mit tett a klaszter, mi változott számokban, és ki tud többet mondani. Negyedévente gyűjtsön egy történetet, és őrizze meg az adatokat, hogy a következő benchmarking forduló bizonyítékként használhassa őket.</p>",
            "hr": "<p>Svaka priča odgovara na četiri pitanja: tko je imao problem, što je klaster učinio, što se promijenilo u brojkama i tko može reći više. Prikupljajte jednu priču po tromjesečju i čuvajte podatke kako bi ih sljedeći krug benchmarkinga mogao koristiti kao dokaz.</p>",
            "tr": "<p>Her hikâye dört soruyu yanıtlar: sorunu kim yaşadı, küme ne yaptı, rakamlarda ne değişti ve kim daha fazlasını anlatabilir. Her çeyrekte bir hikâye toplayın ve ham verileri saklayın; böylece bir sonraki kıyaslama turu bunları kanıt olarak kullanabilir.</p>",
        },
    },
    {
        "key": "governance",
        "format": "handbook",
        "level": "advanced",
        "minutes": 90,
        "topics": ["GOV.4", "GOV.1"],
        "title": {
            "en": "Governance bodies that work",
            "cs": "Řídicí orgány, které fungují",
            "sk": "Riadiace orgány, ktoré fungujú",
            "pl": "Organy zarządcze, które działają",
            "hu": "Működő irányító testületek",
            "hr": "Upravljačka tijela koja funkcioniraju",
            "tr": "İşleyen yönetişim organları",
        },
        "summary": {
            "en": "A handbook on composing a board and advisory groups that represent small firms, large companies and research.",
            "cs": "Příručka o složení správní rady a poradních skupin, které zastupují malé firmy, velké podniky i výzkum.",
            "sk": "Príručka o zložení správnej rady a poradných skupín, ktoré zastupujú malé firmy, veľké podniky aj výskum.",
            "pl": "Podręcznik o tym, jak skomponować zarząd i grupy doradcze reprezentujące małe firmy, duże przedsiębiorstwa i naukę.",
            "hu": "Kézikönyv arról, hogyan álljon össze az elnökség és a tanácsadó csoportok úgy, hogy a kis cégeket, a nagyvállalatokat és a kutatást is képviseljék.",
            "hr": "Priručnik o sastavu upravnog odbora i savjetodavnih skupina koje predstavljaju male tvrtke, velika poduzeća i istraživanje.",
            "tr": "Küçük firmaları, büyük şirketleri ve araştırma kurumlarını temsil eden bir yönetim kurulu ve danışma grupları oluşturma el kitabı.",
        },
        "body": {
            "en": "<p>A board that only contains founders stops listening to new members. The handbook proposes rotating seats, a small-business quota and a yearly open meeting, with model rules of procedure that clusters in the network have already adopted.</p>",
            "cs": "<p>Správní rada složená jen ze zakladatelů přestane naslouchat novým členům. Příručka navrhuje rotující místa, kvótu pro malé firmy a každoroční otevřené zasedání a nabízí vzorový jednací řád, který klastry v síti už přijaly.</p>",
            "sk": "<p>Správna rada zložená len zo zakladateľov prestane počúvať nových členov. Príručka navrhuje rotujúce miesta, kvótu pre malé firmy a každoročné otvorené zasadnutie a ponúka vzorový rokovací poriadok, ktorý klastre v sieti už prijali.</p>",
            "pl": "<p>Zarząd złożony wyłącznie z założycieli przestaje słuchać nowych członków. Podręcznik proponuje rotacyjne miejsca, kwotę dla małych firm i coroczne otwarte posiedzenie oraz wzorcowy regulamin, który klastry w sieci już przyjęły.</p>",
            "hu": "<p>Az a testület, amely csak alapítókból áll, nem hallja meg az új tagokat. A kézikönyv rotáló helyeket, kisvállalati kvótát és évi egy nyílt ülést javasol, valamint mintaügyrendet, amelyet a hálózat klaszterei már elfogadtak.</p>",
            "hr": "<p>Upravni odbor sastavljen samo od osnivača prestaje slušati nove članove. Priručnik predlaže rotirajuća mjesta, kvotu za male tvrtke i godišnji otvoreni sastanak te ogledni poslovnik koji su klasteri u mreži već prihvatili.</p>",
            "tr": "<p>Yalnızca kuruculardan oluşan bir yönetim kurulu yeni üyeleri dinlemeyi bırakır. El kitabı dönüşümlü üyelikler, küçük işletme kotası ve yıllık açık toplantı öneriyor; ağdaki kümelerin zaten benimsediği örnek bir iç yönetmelik de sunuyor.</p>",
        },
    },
    {
        "key": "interview",
        "format": "video",
        "level": "introductory",
        "minutes": 30,
        "topics": ["ACH.6", "STR.1"],
        "title": {
            "en": "Preparing for the benchmarking interview",
            "cs": "Příprava na benchmarkingový rozhovor",
            "sk": "Príprava na benchmarkingový rozhovor",
            "pl": "Przygotowanie do wywiadu benchmarkingowego",
            "hu": "Felkészülés a benchmarking interjúra",
            "hr": "Priprema za razgovor o benchmarkingu",
            "tr": "Kıyaslama görüşmesine hazırlık",
        },
        "summary": {
            "en": "A short video on the documents to gather and the figures to check before the analyst's visit.",
            "cs": "Krátké video o tom, jaké dokumenty připravit a která čísla zkontrolovat před návštěvou analytika.",
            "sk": "Krátke video o tom, aké dokumenty pripraviť a ktoré čísla skontrolovať pred návštevou analytika.",
            "pl": "Krótki film o tym, jakie dokumenty zebrać i jakie liczby sprawdzić przed wizytą analityka.",
            "hu": "Rövid videó arról, milyen dokumentumokat kell összegyűjteni és mely adatokat ellenőrizni az elemző látogatása előtt.",
            "hr": "Kratki video o tome koje dokumente prikupiti i koje brojke provjeriti prije posjeta analitičara.",
            "tr": "Analistin ziyaretinden önce toplanacak belgeler ve kontrol edilecek rakamlar üzerine kısa bir video.",
        },
        "body": {
            "en": "<p>Most corrections after a benchmarking interview concern the number of committed participants. Check your member list against paid fees and signed agreements, and bring last year's annual report and budget.</p>",
            "cs": "<p>Většina oprav po benchmarkingovém rozhovoru se týká počtu aktivních členů. Porovnejte seznam členů se zaplacenými poplatky a podepsanými smlouvami a vezměte s sebou loňskou výroční zprávu a rozpočet.</p>",
            "sk": "<p>Väčšina opráv po benchmarkingovom rozhovore sa týka počtu aktívnych členov. Porovnajte zoznam členov so zaplatenými poplatkami a podpísanými zmluvami a vezmite so sebou minuloročnú výročnú správu a rozpočet.</p>",
            "pl": "<p>Większość poprawek po wywiadzie benchmarkingowym dotyczy liczby zaangażowanych uczestników. Porównaj listę członków z opłaconymi składkami i podpisanymi umowami oraz przynieś zeszłoroczne sprawozdanie i budżet.</p>",
            "hu": "<p>A benchmarking interjú utáni javítások többsége az elkötelezett résztvevők számát érinti. Vesse össze a taglistát a befizetett tagdíjakkal és az aláírt megállapodásokkal, és hozza magával a tavalyi éves jelentést és költségvetést.</p>",
            "hr": "<p>Većina ispravaka nakon razgovora o benchmarkingu odnosi se na broj predanih sudionika. Usporedite popis članova s plaćenim članarinama i potpisanim ugovorima te ponesite prošlogodišnje godišnje izvješće i proračun.</p>",
            "tr": "<p>Kıyaslama görüşmesinden sonraki düzeltmelerin çoğu aktif katılımcı sayısıyla ilgilidir. Üye listenizi ödenmiş aidatlar ve imzalı sözleşmelerle karşılaştırın; geçen yılın faaliyet raporunu ve bütçesini yanınızda getirin.</p>",
        },
        "video_url": "https://video.centramo.example/benchmarking-interview",
    },
    {
        "key": "matchmaking",
        "format": "case_study",
        "level": "intermediate",
        "minutes": 60,
        "topics": ["SRV.5", "COM.2"],
        "title": {
            "en": "Matchmaking events that lead to projects",
            "cs": "Setkání pro navazování kontaktů, ze kterých vznikají projekty",
            "sk": "Stretnutia na nadväzovanie kontaktov, z ktorých vznikajú projekty",
            "pl": "Spotkania kojarzące partnerów, z których powstają projekty",
            "hu": "Projektekhez vezető partnerkereső rendezvények",
            "hr": "Događaji za povezivanje iz kojih nastaju projekti",
            "tr": "Projelere dönüşen eşleştirme etkinlikleri",
        },
        "summary": {
            "en": "A case study of a cluster that replaced its annual conference with short, prepared one-to-one meetings.",
            "cs": "Případová studie klastru, který výroční konferenci nahradil krátkými připravenými schůzkami jeden na jednoho.",
            "sk": "Prípadová štúdia klastra, ktorý výročnú konferenciu nahradil krátkymi pripravenými stretnutiami jeden na jedného.",
            "pl": "Studium przypadku klastra, który zastąpił doroczną konferencję krótkimi, przygotowanymi spotkaniami jeden na jeden.",
            "hu": "Esettanulmány egy klaszterről, amely az éves konferenciáját rövid, előkészített négyszemközti találkozókra cserélte.",
            "hr": "Studija slučaja klastera koji je godišnju konferenciju zamijenio kratkim, pripremljenim sastancima jedan na jedan.",
            "tr": "Yıllık konferansını kısa ve hazırlıklı birebir görüşmelerle değiştiren bir kümenin vaka çalışması.",
        },
        "body": {
            "en": "<p>Before the event each member names two problems and two capabilities. The cluster team proposes meetings of twenty minutes between matching members. A year later, a third of the meetings had led to a joint offer or project.</p>",
            "cs": "<p>Před akcí každý člen uvede dva problémy a dvě schopnosti. Tým klastru navrhne dvacetiminutové schůzky mezi členy, kteří se k sobě hodí. O rok později vedla třetina schůzek ke společné nabídce nebo projektu.</p>",
            "sk": "<p>Pred podujatím každý člen uvedie dva problémy a dve schopnosti. Tím klastra navrhne dvadsaťminútové stretnutia medzi členmi, ktorí k sebe pasujú. O rok neskôr viedla tretina stretnutí k spoločnej ponuke alebo projektu.</p>",
            "pl": "<p>Przed wydarzeniem każdy członek wskazuje dwa problemy i dwie kompetencje. Zespół klastra proponuje dwudziestominutowe spotkania między pasującymi do siebie członkami. Rok później jedna trzecia spotkań zakończyła się wspólną ofertą lub projektem.</p>",
            "hu": "<p>A rendezvény előtt minden tag megnevez két problémát és két képességet. A klasztermenedzsment húszperces találkozókat javasol az egymáshoz illő tagok között. Egy évvel később a találkozók harmadából közös ajánlat vagy projekt lett.</p>",
            "hr": "<p>Prije događaja svaki član navodi dva problema i dvije sposobnosti. Tim klastera predlaže sastanke od dvadeset minuta između članova koji si odgovaraju. Godinu dana kasnije trećina sastanaka dovela je do zajedničke ponude ili projekta.</p>",
            "tr": "<p>Etkinlikten önce her üye iki sorun ve iki yetkinlik belirtir. Küme ekibi birbirine uyan üyeler arasında yirmi dakikalık görüşmeler önerir. Bir yıl sonra görüşmelerin üçte biri ortak bir teklif ya da projeyle sonuçlanmıştı.</p>",
        },
    },
    {
        "key": "twin",
        "format": "slides",
        "level": "intermediate",
        "minutes": 75,
        "topics": ["SRV.7"],
        "title": {
            "en": "Supporting members in the green and digital transition",
            "cs": "Podpora členů při zelené a digitální transformaci",
            "sk": "Podpora členov pri zelenej a digitálnej transformácii",
            "pl": "Wspieranie członków w transformacji ekologicznej i cyfrowej",
            "hu": "A tagok támogatása a zöld és digitális átállásban",
            "hr": "Podrška članovima u zelenoj i digitalnoj tranziciji",
            "tr": "Üyeleri yeşil ve dijital dönüşümde desteklemek",
        },
        "summary": {
            "en": "Slides on simple energy and digital maturity checks a cluster team can run with its members.",
            "cs": "Prezentace o jednoduchých kontrolách energetické a digitální vyspělosti, které tým klastru může se členy provést.",
            "sk": "Prezentácia o jednoduchých kontrolách energetickej a digitálnej vyspelosti, ktoré tím klastra môže so členmi vykonať.",
            "pl": "Prezentacja o prostych przeglądach dojrzałości energetycznej i cyfrowej, które zespół klastra może przeprowadzić z członkami.",
            "hu": "Diasor egyszerű energetikai és digitális érettségi felmérésekről, amelyeket a klasztermenedzsment a tagokkal együtt elvégezhet.",
            "hr": "Prezentacija o jednostavnim provjerama energetske i digitalne zrelosti koje tim klastera može provesti s članovima.",
            "tr": "Küme ekibinin üyeleriyle birlikte yapabileceği basit enerji ve dijital olgunluk değerlendirmeleri üzerine sunum.",
        },
        "body": {
            "en": "<p>Small manufacturers rarely know their energy use per product or which of their processes could be digitised first. A half-day check by the cluster team, using the questionnaires in these slides, gives each member three concrete next steps.</p>",
            "cs": "<p>Malí výrobci jen zřídka znají svou spotřebu energie na výrobek nebo to, které procesy by šlo digitalizovat jako první. Půldenní kontrola týmem klastru s dotazníky z této prezentace dá každému členovi tři konkrétní další kroky.</p>",
            "sk": "<p>Malí výrobcovia len zriedka poznajú svoju spotrebu energie na výrobok alebo to, ktoré procesy by sa dali digitalizovať ako prvé. Poldňová kontrola tímom klastra s dotazníkmi z tejto prezentácie dá každému členovi tri konkrétne ďalšie kroky.</p>",
            "pl": "<p>Mali producenci rzadko znają zużycie energii na produkt albo wiedzą, które procesy można zdigitalizować w pierwszej kolejności. Półdniowy przegląd przeprowadzony przez zespół klastra z kwestionariuszami z tej prezentacji daje każdemu członkowi trzy konkretne kolejne kroki.</p>",
            "hu": "<p>A kis gyártók ritkán tudják, mennyi energiát használnak termékenként, vagy mely folyamataikat lehetne elsőként digitalizálni. A klasztermenedzsment félnapos felmérése a diasor kérdőíveivel minden tagnak három konkrét következő lépést ad.</p>",
            "hr": "<p>Mali proizvođači rijetko znaju potrošnju energije po proizvodu ili koje bi procese mogli prvo digitalizirati. Poludnevna provjera koju provodi tim klastera s upitnicima iz ove prezentacije daje svakom članu tri konkretna sljedeća koraka.</p>",
            "tr": "<p>Küçük üreticiler ürün başına enerji tüketimlerini ya da hangi süreçlerini önce dijitalleştirebileceklerini nadiren bilir. Küme ekibinin bu sunumdaki anketlerle yapacağı yarım günlük bir değerlendirme, her üyeye üç somut sonraki adım sunar.</p>",
        },
    },
]

# Two seminars per partner country: one past, one upcoming; (weeks from this week's Monday).
SEMINAR_LIST = [
    {
        "key": "cz-strategy",
        "country": "CZ",
        "language": "cs",
        "time_zone": "Europe/Prague",
        "weeks": -6,
        "material": "strategy",
        "topics": ["GOV.5", "GOV.6"],
        "venue": "Moravian Cluster Academy",
        "address": "Purkyňova 127, 612 00 Brno",
        "capacity": 20,
        "title": {"en": "Cluster strategy workshop in Brno", "cs": "Workshop o strategii klastru v Brně"},
        "summary": {
            "en": "A one-day workshop on turning benchmarking results into a short strategy.",
            "cs": "Jednodenní workshop o tom, jak z výsledků benchmarkingu vytvořit krátkou strategii.",
        },
    },
    {
        "key": "cz-financing",
        "country": "CZ",
        "language": "cs",
        "time_zone": "Europe/Prague",
        "weeks": 3,
        "material": "financing",
        "topics": ["FIN.2", "FIN.5"],
        "venue": "Technology Park Ostrava",
        "address": "Technologická 372, 708 00 Ostrava",
        "capacity": 25,
        "title": {
            "en": "Financing cluster management: Ostrava seminar",
            "cs": "Financování řízení klastru: seminář v Ostravě",
        },
        "summary": {
            "en": "How to combine membership fees, paid services and projects into a stable budget.",
            "cs": "Jak spojit členské poplatky, placené služby a projekty do stabilního rozpočtu.",
        },
    },
    {
        "key": "sk-services",
        "country": "SK",
        "language": "sk",
        "time_zone": "Europe/Bratislava",
        "weeks": -4,
        "material": "services",
        "topics": ["SRV.1", "SRV.6"],
        "venue": "Univerzitný vedecký park",
        "address": "Ilkovičova 8, 841 04 Bratislava",
        "capacity": 18,
        "title": {"en": "Designing member services in Bratislava", "sk": "Navrhovanie služieb pre členov v Bratislave"},
        "summary": {
            "en": "A hands-on seminar on services that members use and pay for.",
            "sk": "Praktický seminár o službách, ktoré členovia využívajú a za ktoré platia.",
        },
    },
    {
        "key": "sk-international",
        "country": "SK",
        "language": "sk",
        "time_zone": "Europe/Bratislava",
        "weeks": 2,
        "material": "international",
        "topics": ["SRV.2", "COM.4"],
        "venue": "Automotive Innovation Centre",
        "address": "Pri Vodnej 6, 917 01 Trnava",
        "capacity": 2,
        "full": True,
        "title": {
            "en": "Internationalisation for cluster members in Trnava",
            "sk": "Internacionalizácia členov klastra v Trnave",
        },
        "summary": {
            "en": "Planning joint trade missions with clusters from neighbouring countries.",
            "sk": "Plánovanie spoločných obchodných misií s klastrami zo susedných krajín.",
        },
    },
    {
        "key": "pl-governance",
        "country": "PL",
        "language": "pl",
        "time_zone": "Europe/Warsaw",
        "weeks": -8,
        "material": "governance",
        "topics": ["GOV.4", "GOV.1"],
        "venue": "Centrum Innowacji",
        "address": "ul. Piotrkowska 148, 90-063 Łódź",
        "capacity": 24,
        "title": {
            "en": "Governance bodies that work: Łódź seminar",
            "pl": "Organy zarządcze, które działają: seminarium w Łodzi",
        },
        "summary": {
            "en": "Composing a board and advisory groups that represent all members.",
            "pl": "Jak skomponować zarząd i grupy doradcze reprezentujące wszystkich członków.",
        },
    },
    {
        "key": "pl-stories",
        "country": "PL",
        "language": "pl",
        "time_zone": "Europe/Warsaw",
        "weeks": 5,
        "material": "stories",
        "topics": ["ACH.2", "ACH.1"],
        "venue": "Park Naukowo-Technologiczny",
        "address": "ul. Krakowska 110, 30-017 Kraków",
        "capacity": 30,
        "title": {
            "en": "Telling success stories: Kraków seminar",
            "pl": "Historie sukcesu klastra: seminarium w Krakowie",
        },
        "summary": {
            "en": "Documenting results of joint projects for members, media and funders.",
            "pl": "Jak dokumentować wyniki wspólnych projektów dla członków, mediów i grantodawców.",
        },
    },
    {
        "key": "hu-satisfaction",
        "country": "HU",
        "language": "hu",
        "time_zone": "Europe/Budapest",
        "weeks": -3,
        "material": "satisfaction",
        "topics": ["COM.5"],
        "venue": "Innovációs Központ",
        "address": "Infopark sétány 1, 1117 Budapest",
        "capacity": 20,
        "title": {"en": "Member satisfaction surveys in Budapest", "hu": "Tagi elégedettségi felmérések Budapesten"},
        "summary": {
            "en": "Designing a yearly survey and discussing its results with the board.",
            "hu": "Éves felmérés tervezése és eredményeinek megvitatása az elnökséggel.",
        },
    },
    {
        "key": "hu-matchmaking",
        "country": "HU",
        "language": "hu",
        "time_zone": "Europe/Budapest",
        "weeks": 4,
        "material": "matchmaking",
        "topics": ["SRV.5", "COM.2"],
        "venue": "",
        "address": "",
        "online_url": "https://meet.centramo.example/hu-matchmaking",
        "capacity": 40,
        "title": {
            "en": "Matchmaking events that lead to projects (online)",
            "hu": "Projektekhez vezető partnerkereső rendezvények (online)",
        },
        "summary": {
            "en": "An online seminar on preparing one-to-one meetings between members.",
            "hu": "Online szeminárium a tagok közötti négyszemközti találkozók előkészítéséről.",
        },
    },
    {
        "key": "hr-interview",
        "country": "HR",
        "language": "hr",
        "time_zone": "Europe/Zagreb",
        "weeks": -5,
        "material": "interview",
        "topics": ["ACH.6", "STR.1"],
        "venue": "Tehnološki park",
        "address": "Ulica grada Vukovara 269, 10000 Zagreb",
        "capacity": 16,
        "title": {
            "en": "Preparing for benchmarking: Zagreb seminar",
            "hr": "Priprema za benchmarking: seminar u Zagrebu",
        },
        "summary": {
            "en": "What to gather and check before the benchmarking interview.",
            "hr": "Što prikupiti i provjeriti prije razgovora o benchmarkingu.",
        },
    },
    {
        "key": "hr-twin",
        "country": "HR",
        "language": "hr",
        "time_zone": "Europe/Zagreb",
        "weeks": 6,
        "material": "twin",
        "topics": ["SRV.7"],
        "venue": "Centar za poduzetništvo",
        "address": "Riva 16, 51000 Rijeka",
        "capacity": 22,
        "title": {
            "en": "Green and digital transition support in Rijeka",
            "hr": "Podrška zelenoj i digitalnoj tranziciji u Rijeci",
        },
        "summary": {
            "en": "Simple energy and digital maturity checks to run with members.",
            "hr": "Jednostavne provjere energetske i digitalne zrelosti koje se mogu provesti s članovima.",
        },
    },
    {
        "key": "tr-financing",
        "country": "TR",
        "language": "tr",
        "time_zone": "Europe/Istanbul",
        "weeks": -7,
        "material": "financing",
        "topics": ["FIN.2", "FIN.3"],
        "venue": "İzmir Teknoloji Geliştirme Bölgesi",
        "address": "Gülbahçe Mahallesi, 35430 Urla, İzmir",
        "capacity": 25,
        "title": {
            "en": "Financing cluster management: İzmir seminar",
            "tr": "Küme yönetiminin finansmanı: İzmir semineri",
        },
        "summary": {
            "en": "Fees, paid services and development agency programmes in one budget.",
            "tr": "Aidatlar, ücretli hizmetler ve kalkınma ajansı programları tek bir bütçede.",
        },
    },
    {
        "key": "tr-strategy",
        "country": "TR",
        "language": "tr",
        "time_zone": "Europe/Istanbul",
        "weeks": 7,
        "material": "strategy",
        "topics": ["GOV.5"],
        "venue": "Ege Bölgesi Sanayi Odası",
        "address": "Cumhuriyet Bulvarı 63, 35210 Konak, İzmir",
        "capacity": 28,
        "title": {"en": "Cluster strategy workshop in İzmir", "tr": "İzmir'de küme stratejisi atölyesi"},
        "summary": {
            "en": "A one-day workshop on a short strategy with measurable goals.",
            "tr": "Ölçülebilir hedefleri olan kısa bir strateji üzerine bir günlük atölye.",
        },
    },
]

PROGRAMME = {
    "en": "<p>09:00 Welcome and introductions. 09:30 Input from the trainer. 11:00 Group work on your own cluster. 13:00 Lunch. 14:00 Presentation of results and feedback. 15:30 Next steps and close.</p>",
    "cs": "<p>9:00 Přivítání a představení. 9:30 Úvod školitele. 11:00 Skupinová práce na vlastním klastru. 13:00 Oběd. 14:00 Prezentace výsledků a zpětná vazba. 15:30 Další kroky a závěr.</p>",
    "sk": "<p>9:00 Privítanie a predstavenie. 9:30 Úvod školiteľa. 11:00 Skupinová práca na vlastnom klastri. 13:00 Obed. 14:00 Prezentácia výsledkov a spätná väzba. 15:30 Ďalšie kroky a záver.</p>",
    "pl": "<p>9:00 Powitanie i przedstawienie się. 9:30 Wprowadzenie trenera. 11:00 Praca w grupach nad własnym klastrem. 13:00 Obiad. 14:00 Prezentacja wyników i informacja zwrotna. 15:30 Kolejne kroki i zakończenie.</p>",
    "hu": "<p>9:00 Köszöntés és bemutatkozás. 9:30 A tréner bevezetője. 11:00 Csoportmunka a saját klaszteren. 13:00 Ebéd. 14:00 Az eredmények bemutatása és visszajelzés. 15:30 Következő lépések és zárás.</p>",
    "hr": "<p>9:00 Dobrodošlica i predstavljanje. 9:30 Uvod trenera. 11:00 Grupni rad na vlastitom klasteru. 13:00 Ručak. 14:00 Predstavljanje rezultata i povratne informacije. 15:30 Sljedeći koraci i zatvaranje.</p>",
    "tr": "<p>09:00 Karşılama ve tanışma. 09:30 Eğitmenin sunumu. 11:00 Kendi kümeniz üzerine grup çalışması. 13:00 Öğle yemeği. 14:00 Sonuçların sunumu ve geri bildirim. 15:30 Sonraki adımlar ve kapanış.</p>",
}


def _indicators():
    return {indicator.code: indicator for indicator in Indicator.objects.all()}


def _demo_document(material, lang):
    content = (
        f"{material['title'][lang]}\n\n{material['summary'][lang]}\n\n"
        "Centramo demo handout. All texts are fictional demo material.\n"
    )
    document = Document(title=f"{material['title'][lang]} ({lang})")
    document.file.save(f"{material['key']}-{lang}.txt", ContentFile(content.encode()), save=False)
    document.save()
    return document


def seed_training():
    """Create the demo materials, seminars and registrations in the sections `seed_sections` made.

    Idempotent: nothing is added once a material exists. Seminar dates are whole weeks from the Monday of the current
    week, so they stay upcoming or past whenever the demo is seeded (the
    same all day long, shifting by a week each Monday).
    """
    libraries = in_every_language(TrainingLibraryPage)
    indexes = in_every_language(SeminarIndexPage)
    if set(libraries) != set(LANGS) or set(indexes) != set(LANGS) or TrainingMaterialPage.objects.exists():
        return 0
    created = 0
    locales = {code: libraries[code].locale for code in LANGS}
    indicators = _indicators()
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()

    pictures = DemoPictures()
    materials = {}
    for material in MATERIALS:
        english = None
        for lang in LANGS:
            page = TrainingMaterialPage(
                **pictures.fields(MATERIAL_PICTURES[material["key"]], lang),
                locale=locales[lang],
                title=material["title"][lang],
                slug=slugify_title(material["title"][lang]),
                summary=material["summary"][lang],
                body=[("paragraph", RichText(material["body"][lang]))],
                format=material["format"],
                level=material["level"],
                duration_minutes=material["minutes"],
                video_url=material.get("video_url", ""),
                trainer=trainer,
                country_notes=material.get("notes", {}).get(lang, ""),
            )
            if english is not None:
                page.translation_key = english.translation_key
            page.topics = [indicators[code] for code in material["topics"] if code in indicators]
            if material.get("document") and lang in ("en", "cs", "sk"):
                page.documents = [
                    MaterialDocument(
                        locale=locales[lang],
                        document=_demo_document(material, lang),
                        title=material["title"][lang],
                    )
                ]
            publish(libraries[lang], page)
            created += 1
            english = english or page
        materials[material["key"]] = english

    monday = datetime.date.today() - datetime.timedelta(days=datetime.date.today().weekday())
    seminars = {}
    for seminar in SEMINAR_LIST:
        day = monday + datetime.timedelta(weeks=seminar["weeks"], days=2)
        facts = update_seminar_facts(
            translation_key=uuid.uuid4(),
            trainers=[trainer] if trainer is not None else [],
            start_date=day,
            start_time=datetime.time(9),
            end_date=day,
            end_time=datetime.time(16),
            time_zone=seminar["time_zone"],
            registration_deadline=day - datetime.timedelta(days=3),
            venue_name=seminar["venue"],
            address=seminar["address"],
            online_url=seminar.get("online_url", ""),
            country=seminar["country"],
            language=seminar["language"],
            capacity=seminar["capacity"],
        )
        # Written first in the language it is delivered in; English is a translation.
        for lang in dict.fromkeys((seminar["language"], "en")):
            page = SeminarPage(
                **pictures.fields(f"seminar-{seminar['country']}", lang),
                locale=locales[lang],
                title=seminar["title"][lang],
                slug=slugify_title(seminar["title"][lang]),
                summary=seminar["summary"][lang],
                programme=[("paragraph", RichText(PROGRAMME[lang]))],
                translation_key=facts.translation_key,
                facts=facts,
            )
            page.topics = [indicators[code] for code in seminar["topics"] if code in indicators]
            page.related_materials = [materials[seminar["material"]]]
            publish(indexes[lang], page)
            created += 1
        seminars[seminar["key"]] = page

    created += _seed_registrations(seminars)
    return created


def _seed_registrations(seminars):
    """Registrations written directly (no e-mails): demo users at a few seminars, one full with a queue."""
    users = {
        user.email: user for user in User.objects.filter(email__in=[email for _key, email, _status in REGISTRATIONS])
    }
    base = timezone.now().replace(microsecond=0) - datetime.timedelta(days=10)
    rows = []
    for number, (key, email, status) in enumerate(REGISTRATIONS):
        if email not in users:
            continue
        rows.append(
            Registration(
                seminar_key=seminars[key].translation_key,
                user=users[email],
                status=status,
                queued_at=base + datetime.timedelta(hours=number),
            )
        )
    Registration.objects.bulk_create(rows)
    return len(rows)


# (seminar, user, status) in registration order; "sk-international" has 2 places.
REGISTRATIONS = [
    ("sk-international", "participant@centramo.example", RegistrationStatus.CONFIRMED),
    ("sk-international", "manager.sk@centramo.example", RegistrationStatus.CONFIRMED),
    ("sk-international", "manager.cz@centramo.example", RegistrationStatus.WAITING),
    ("sk-international", "analyst@centramo.example", RegistrationStatus.WAITING),
    ("cz-financing", "manager.cz@centramo.example", RegistrationStatus.CONFIRMED),
    ("cz-financing", "participant@centramo.example", RegistrationStatus.CONFIRMED),
    ("hu-matchmaking", "participant@centramo.example", RegistrationStatus.CONFIRMED),
    ("cz-strategy", "manager.cz@centramo.example", RegistrationStatus.CONFIRMED),
    ("sk-services", "manager.sk@centramo.example", RegistrationStatus.CONFIRMED),
]
