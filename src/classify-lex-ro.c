/*
 * classify-lex-ro.c -- the Romanian lexicon of the classifier (folded, see
 * classify-private.h: "n-am primit" is "n am primit", "preț" is "pret").
 * Romanian asks without changing the order of its words ("aveți și pe
 * mărimea M"), so the verbs that address the shop ask when they open a
 * clause.
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_ro[] = {
	{ CUE_COMPLAINT, 3,
	    "rambursare|banii inapoi|vreau banii|banii mei|nu a ajuns|"
	    "n a ajuns|nu mi a ajuns|nu mi au ajuns|nu au ajuns|nu am primit|"
	    "n am primit|nu mi a venit|nu a venit|n a venit|nu mi au venit|"
	    "inca nu a ajuns|tot nu a ajuns|tot n a ajuns|nici acum|"
	    "inca astept|tot astept|astept de|astept si acum|de # saptamani|"
	    "de # zile|de saptamani|de o saptamana|de o luna|"
	    "saptamani mai tarziu|unde e comanda|unde este comanda|unde imi e|"
	    "unde mi e|unde este coletul|unde e coletul|a ajuns spart|"
	    "a ajuns sparta|a ajuns stricat|a venit spart|a venit sparta|"
	    "a venit stricat|nu functioneaza|nu merge|nu mai merge|"
	    "produs gresit|marime gresita|culoare gresita|comanda gresita|"
	    "nu mai comand|nu mai cumpar|ultima data cand|nu sunt multumit|"
	    "nu sunt multumita|nu suntem multumiti|nemultumit|nemultumita|"
	    "taxat de doua ori|platit de doua ori|retras de doua ori|"
	    "niciun raspuns|nu raspundeti|nu raspunde nimeni|"
	    "nimeni nu raspunde|fara raspuns|nu mi raspundeti|ma ignorati|"
	    "bani aruncati|m am saturat|sunt satul|sunt satula|nu e normal|"
	    "nu este normal|bataie de joc|vreau banii inapoi|anulati comanda|"
	    "mersi de nimic|multumesc de nimic|multumesc pentru nimic|"
	    "calitate proasta|servicii proaste|fara comanda|fara colet|"
	    "s a pierdut|colet pierdut|comanda pierduta|expirat|expirata|"
	    "nu e ce am comandat|nu este ce am comandat|nu seamana cu poza|"
	    "marimea gresita|culoarea gresita|produsul gresit|"
	    "nu e ce ma asteptam|nu este ce ma asteptam|a disparut|"
	    "nu il gasesc|nu o gasesc|apare livrat|apare ca livrat|"
	    "figureaza ca livrat|nu raspunde la telefon|"
	    "nu raspundeti la telefon|a treia oara|a doua oara luna|"
	    "nu mai revin|tratata urat|tratat urat|nici nu s a uitat|s a rupt|"
	    "s au rupt|s a stricat|s au stricat|nu mai vin|nu mai venim|"
	    "nu mi au dat banii|nu mi ati dat banii|ma asteptam sa tina|"
	    "astept la telefon|nicio scuza|nimeni nu si a cerut scuze|"
	    "nici macar scuze|fara scuze|pentru ce platesc|"
	    "m au lasat sa astept|a trebuit sa astept|inutil|inutila|"
	    "nu e bun de nimic" },
	{ CUE_COMPLAINT, 2,
	    "astept comanda|astept coletul|inca nu|tot nu|dureaza mult|"
	    "dureaza prea mult|prea tarziu|prea scump|prea scumpa|prea mic|"
	    "prea mica|prea mare|lipseste|lipsesc|lipsa|reclamatie|plangere|"
	    "mucegai|mucegait|mucegaita|topit|stricat|neprofesionist|"
	    "neseriosi|anulata|anulat|de ce nu|atat de mult|"
	    "incerc sa va contactez|am incercat sa va contactez|# mailuri|"
	    "# mesaje|trei mailuri|mai multe mailuri|iar intarziere|"
	    "ma asteptam la mai mult|# minute|# ore|asteptare|astept|nu mai|"
	    "de ce dureaza|cat mai trebuie|pana cand" },
	{ CUE_NEGATIVE, 3,
	    "cel mai prost|cea mai proasta|groaznic|groaznica|oribil|oribila|"
	    "dezgustator|dezgustatoare|rusine|rusinos|inacceptabil|ridicol|"
	    "teapa|tepari|escroci|escrocherie|inselatorie|hoti|dezamagit|"
	    "dezamagita|dezamagire|dezamagitor|spart|sparta|sparte|stricata|"
	    "deteriorat|deteriorata|defect|defecta|nepoliticos|nepoliticoasa|"
	    "obraznic|minciuna|mincinosi|suparat|suparata|nervos|nervoasa|"
	    "furios|furioasa|dezastru|jalnic|penibil|mizerie" },
	{ CUE_NEGATIVE, 2,
	    "prost|proasta|proaste|slab|slaba|lent|incet|problema|probleme|"
	    "eroare|greseala|gresit|gresita|gresite|intarziere|intarziat|"
	    "intarzie|pierdut|pierduta|pacat|trist|trista|fad|amar|murdar|"
	    "din pacate|nasol|nasoala|enervant" },
	{ CUE_NEGATIVE, 1, "scump|scumpa|rece|mic|mica|uscat" },
	{ CUE_PRAISE, 2,
	    "nu e rau|nu este rau|superb|superba|superbe|minunat|minunata|"
	    "minunate|excelent|excelenta|perfect|perfecta|delicios|delicioasa|"
	    "delicioase|foarte bun|foarte buna|foarte bune|super|top|genial|"
	    "geniala|fantastic|extraordinar|extraordinara|incredibil|multumit|"
	    "multumita|multumiti|foarte multumit|foarte multumita|fericit|"
	    "fericita|incantat|incantata|recomand|va recomand|recomandare|"
	    "recomand cu drag|cel mai bun|cea mai buna|preferat|preferata|"
	    "bravo|felicitari|iubesc|ador|imi place|mi a placut|mi au placut|"
	    "imi plac|# stele|revin|voi reveni|sigur revin|mai comand|"
	    "sigur mai comand|cu drag|nota 10|de nota 10|abia astept|wow|"
	    "magazinul meu preferat|client pe viata|uau" },
	{ CUE_PRAISE, 1,
	    "frumos|frumoasa|frumoase|frumosi|gustos|gustoasa|bun|buna|bune|"
	    "buni|bine|foarte bine|rapid|rapida|amabil|amabila|amabili|dragut|"
	    "draguta|fain|faina|tare|calitate|de calitate|la timp|placut|"
	    "placuta|proaspat|proaspata|nicio problema|fara probleme" },
	{ CUE_THANKS, 2,
	    "multumesc|multumim|multumesc frumos|mersi|mersii|multam|"
	    "va multumesc|iti multumesc|multe multumiri|mersi mult|"
	    "mersi frumos|multumesc mult" },
	{ CUE_QUESTION, 3,
	    "stie cineva|stiti daca|stii daca|se poate|este posibil|e posibil|"
	    "ar fi posibil|cat costa|cat e|ce pret|care e pretul|"
	    "care este pretul|pret va rog|pret pm|pretul va rog|"
	    "mai multe detalii|detalii va rog|as vrea sa stiu|vreau sa stiu|"
	    "as dori sa stiu|ma intrebam|o intrebare|am o intrebare|aveti si|"
	    "mai aveti|faceti livrare|livrati si|livrati in|trimiteti si|"
	    "trimiteti in|se livreaza|in stoc|pe stoc|cand ajunge|cand vine|"
	    "cand soseste|cand revine|cat dureaza|cat timp|pana la ce ora|"
	    "la ce ora|unde pot|cum pot|cum fac|puteti sa|imi puteti|"
	    "ma puteti|ne puteti|a incercat cineva|voiam sa intreb|"
	    "vroiam sa intreb|as vrea sa intreb|vreau sa intreb|voiam sa stiu|"
	    "vroiam sa stiu|mai sunt|imi puteti spune|ne puteti spune" },
	{ CUE_QUESTION, 2,
	    "intrebare|pret|pretul|preturi|detalii|informatii|disponibil|"
	    "disponibila|livrare|curios|curioasa|fara gluten|fara lactoza|"
	    "fara cereale|fara zahar|vegan|vegana|va intereseaza" },
	{ CUE_REQUEST, 2,
	    "multumesc anticipat|multumim anticipat|anticipat|vreau sa comand|"
	    "as vrea sa comand|as dori sa comand|doresc sa comand|"
	    "vreau sa cumpar|as vrea sa cumpar|as dori|as vrea|doresc|"
	    "vreau si eu|vreau unul|vreau una|ma intereseaza|contactati ma|"
	    "sunati ma|scrieti mi|in privat|pe privat|pm|dm|ajutor|ajutati ma|"
	    "am nevoie|caut" },
	{ CUE_REQUEST, 1, "va rog|te rog|va rugam" },
	{ CUE_SARCASM, 3,
	    "mersi de nimic|multumesc de nimic|multumesc pentru nimic|"
	    "bravo voua" },
	{ CUE_SARCASM, 1,
	    "da sigur|sigur ca da|ce sa zic|ca de obicei|iarasi|din nou|"
	    "inca o saptamana|inca o zi|ce surpriza|super serviciu|"
	    "foarte profesionist|felicitari pentru|evident|normal" },
	{ CUE_URGENT, 1,
	    "urgent|urgenta|imediat|cat mai repede|cat de curand|asap|"
	    "astazi va rog" },
	{ CUE_SPAM, 3,
	    "agentie de marketing|prima pagina in google|prima pagina google|"
	    "imprumut|imprumuturi|fara acte|credit rapid|incalcarea regulilor|"
	    "regulilor comunitatii|evita suspendarea|a fost raportata|"
	    "mai multi urmaritori|urmaritori|pe saptamana|pe zi|pe luna|"
	    "scrie mi in privat|scrie mi pe privat|intra pe profilul meu|"
	    "profilul meu|bani usor|castiga bani|castigi bani|de acasa|"
	    "lucru de acasa|investeste|investitie|investitii|cripto|"
	    "vezi profilul meu|urmareste ma|urmariti ma|link in bio|"
	    "linkul din bio" },
	{ CUE_SPAM, 2,
	    "concurs|castiga|castigi|castigator|castigatoare|castigatori|"
	    "premiu|premii|click pe link|apasa pe link|gratis|gratuit" },
	{ CUE_SCAM, 4,
	    "trimite ne un mesaj|scrie ne in privat|trimite ne datele|"
	    "datele cardului|numarul cardului|date bancare|verifica ti contul|"
	    "verificati contul|confirma ti datele|confirmati datele|"
	    "contul tau va fi|contul dvs va fi|ai castigat|ati castigat|"
	    "ai fost selectat|ai fost selectata|ati fost selectat|"
	    "revendica ti|revendicati|ridica premiul|ridicati premiul" },
	{ CUE_SCAM, 2,
	    "cardul tau|cardul dvs|cardul|contul tau|contul dvs|blocat|"
	    "suspendat|selectat|selectata" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "ofilit|ofilita|ofiliti|ofilite|putred|putreda|ars|arsa|zgariat|"
	    "zgariata|zgarieturi|ciobit|crapat|crapata|fisura|pata|pete|patat|"
	    "desirat|scartaie|miroase urat|pute|respins|respinsa|refuzat|"
	    "taxe ascunse|iritatii|alergie|reactie alergica|mancarime|"
	    "intoxicatie|nesimtit|nesimtita|arogant|neglijent|amanat|amanata|"
	    "supraevaluat|fara gust|socat|socata|revoltat|revoltata|jignit|"
	    "jignita|nedrept|furat|furata|cosmar|haos|absurd|nu se incarca|"
	    "nu se deschide|moale|o ia razna" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "iar|din nou|iarasi|tot" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "impresionant|impresionanta|lacrimi de fericire|"
	    "a plans de fericire|mi a facut ziua|bijuterie|comoara|"
	    "profesionist|profesionisti|rabdator|generos|atent|atenta|elegant|"
	    "eleganta|fermecator|primitor|crocant|suculent|cremos|pufos|"
	    "rezistent|comod|comoda|se potriveste perfect|"
	    "raport calitate pret|chilipir|de incredere|livrare rapida|"
	    "a ajuns repede|merita|merita banii|cea mai frumoasa|"
	    "cel mai frumos|cea mai rapida|cel mai rapid" },
	{ CUE_QUESTION, 3, "sau doar|sau numai" },
	{ CUE_NONE, 0,
	    "cu stima|o zi frumoasa|o zi buna|weekend placut|buna ziua|"
	    "buna seara|buna dimineata|nu doar|nu numai|nicio grija|"
	    "nu conteaza|nu e graba|bine de stiut|nu sunt sigur|"
	    "nu sunt sigura|ce faceti|ce mai faceti|pofta buna|la multi ani|"
	    "fara ezitare|fara indoiala|fara probleme|fara nicio problema|"
	    "craciun fericit|an nou fericit|paste fericit|hristos a inviat" },
	{ CUE_NEGATOR, 0,
	    "nu|n|nici|niciodata|nimic|niciun|nicio|nimeni|fara|deloc|defel|"
	    "nici macar|departe de" },
	{ CUE_QSTART, 3,
	    "ce|cand|unde|de ce|cum|cat|cata|cati|cate|care|cine|oare|aveti|"
	    "faceti|livrati|trimiteti|vindeti|puteti|pot|se poate|exista|"
	    "mai este|mai e|ati|acceptati|lucrati|deschideti|cineva|se pot|"
	    "mai sunt" },
	{ CUE_QSTART, 2, "voi|dumneavoastra|imi recomandati" },
	{ CUE_QEND, 3, "cand|cat|unde|cum|de ce|pana cand" },
	{ CUE_NOTQ, 0,
	    "ce frumos|ce frumoasa|ce frumoase|ce bun|ce buna|ce bine|"
	    "ce dragut|ce draguta|ce minunat|ce minunata|ce tare|ce fain|"
	    "ce delicios|ce gustos|ce rusine|ce bataie de joc|ce dezamagire|"
	    "ce pacat|ce surpriza|ce sa zic|cat de frumos|cat de frumoasa|"
	    "cat de bun|cat de bine|cat de dragut|cum altfel|cum sa nu|"
	    "ce faceti|ce mai faceti|care cum" },
	{ CUE_COND, 0, "daca|in caz ca|in cazul in care|in caz de" },
	{ CUE_GREETING, 0,
	    "buna|salut|salutare|buna ziua|buna seara|buna dimineata|hello|"
	    "hei|sarut mana|stimate|stimata|buna tuturor" },
	{ CUE_WHY, 0, "de ce|cum de|din ce motiv" },
	{ CUE_ANSWER, 0,
	    "raspuns|raspunsuri|raspunde|raspundeti|raspundem|raspunsul|"
	    "raspunzi|suna|sunati|la telefon" },
	{ CUE_SOMEONE, 0, "cineva|careva|vreunul dintre voi" },
	{ CUE_OWNFAULT, 0,
	    "din greseala|am gresit|greseala mea|vina mea|m am incurcat|"
	    "am scris gresit" },
	{ CUE_NEVER, 0, "niciodata|nicicand" },
	{ CUE_SO, 0, "asa|asa de|atat de|atata|asemenea" },
	{ CUE_FUNCTION, 1,
	    "si|este|nu|de|la|cu|pe|in|sa|mi|am|o|un|ca|ce|din|care|foarte|"
	    "dar|va|voi|sunt|e|al|ai|ati|mai|imi|ne|asa|pentru|dupa|comanda|"
	    "multumesc|inca|acum" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "sau|ori" },
	{ CUE_EVEN, 0, "macar|oare|vreodata|de fapt" },
	{ CUE_LIKE, 0, "ca|precum|cat" },
	{ CUE_ANSWER, 0,
	    "cititi|citeste|citit|mesaje|mesajele|mailuri|mailurile|comentarii|"
	    "comentariile" },
	{ CUE_NONE, 0,
	    "mai mult sau mai putin|sau nu|unul sau doi|doua sau trei|"
	    "mai devreme sau mai tarziu|sau ceva|ori de cate ori|oricum" },
	{ CUE_QUESTION, 3,
	    "ma intreb|ma intrebam daca|stie cineva daca|e adevarat ca|"
	    "este adevarat ca|exista si|il aveti|o aveti|le aveti|ii aveti" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "miroase a ars|miros de ars|miroase urat|miroase ciudat|"
	    "miros ciudat|miros chimic|gust ciudat|are un gust ciudat|"
	    "nu are gust|n are gust|crud inauntru|necopt|"
	    "nu mai functioneaza|nu porneste|nu se incarca|s a dezlipit|"
	    "s a desfacut|scris gresit|nume gresit|numele gresit|la vecini|"
	    "adresa gresita|nicio veste|nicio noutate|nici un raspuns|"
	    "nicio logica|n are nicio logica|nu au nicio logica|"
	    "n au nicio logica|nu are sens|n are sens|nicio confirmare|"
	    "de doua ori|de # ori|tot nimic" },
	{ CUE_COMPLAINT, 2,
	    "nu se potriveste|nu se potrivesc|nu mi vine|nu imi vine|"
	    "nu mi se potriveste|vine mic|vine mica|vine mare|vin mici|"
	    "vin mari|prea stramt|prea stramta|prea larg|prea larga|"
	    "prea scurt|prea scurta|prea lung|prea lunga|prea uscat|"
	    "prea tare" },
	{ CUE_NEGATIVE, 2,
	    "fisurat|rupt|decolorat|indoit|stramb|ruginit|rancede|mucegai|"
	    "mucegait|stricat|curge|expirat|distrus|ruinat" },
	{ CUE_NEGATIVE, 1, "uscata" },
	{ CUE_SPAM, 2,
	    "devii viral|devina viral|mai multa vizibilitate|vizibilitate|"
	    "crestere organica|de pe telefon|din telefon" },
	{ CUE_SCAM, 2,
	    "scrie ne|scrieti ne|contacteaza ne|contactati ne|trimite ne" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0, "pot|as putea|se poate|e posibil|este posibil|putem" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2,
	    "innebunesc dupa|sunt fan|sunt indragostita de|"
	    "sunt indragostit de" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3,
	    "activitate neobisnuita|activitate suspecta|datele dvs|datele tale|"
	    "va confirmati datele|confirmati va datele|pastra pagina|"
	    "va pastra pagina" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2,
	    "mai multi clienti|mai multe vanzari|magazinul tau|afacerea ta|"
	    "brandul tau|te ajutam|iti crestem" },
	{ CUE_COMPLAINT, 3, "inca nimic|nimic inca|nimic pana acum" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0, "comandat|comanda|platit|cumparat|plasat" },
	{ CUE_SPAN, 0,
	    "# zile|# saptamani|# luni|# zi|# saptamana|# luna|doua saptamani|"
	    "trei saptamani|o saptamana|o luna|de luni|de marti|de miercuri|"
	    "de joi|de vineri|de sambata|de duminica|saptamana trecuta|"
	    "luna trecuta" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0,
	    "poza|poze|pozele|imagine|imaginea|imagini|site|descriere|"
	    "descrierea|anunt" },
	{ CUE_DIFFERENT, 0,
	    "diferit|diferita|altfel|nu seamana|nicio legatura" },
	{ CUE_ANSWER, 0,
	    "anuntat|anuntati|anuntat nimeni|informat|informati|spus" },
	{ CUE_QUESTION, 2, "vreo|vreun" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "intreaba ma cum|intrebati ma cum|intreaba ma" },
	{ CUE_QSTART, 3, "pe care|la care|cu care|in care|de unde" },
	/* words a phrase lets in between its own ("not really received") */
	{ CUE_FILLER, 0,
	    "deloc|chiar|complet|total|absolut|inca|foarte|mai|asa|prea" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0, "in loc de|desi|dar am primit|dar doar" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2,
	    "era inchis|era inchisa|erau inchise|nu era nimeni|a doua oara|"
	    "pentru a doua oara" },
	{ CUE_COMPLAINT, 3,
	    "s a imbolnavit|m am imbolnavit|rau dupa|a vomitat|dureri de burta|"
	    "durere de burta" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "leoarca|scame|rancid|rancida|blocat|blocata|balanganesc|"
	    "balangane|patata|turtit|turtita|strivit|destramat|decolorata|"
	    "cocoloase|terci" },
	{ CUE_COMPLAINT, 3,
	    "mi au inchis|mi a inchis|gata cu voi|am terminat cu voi|"
	    "preturile cresc|portiile scad|pe jumatate goala|"
	    "control de calitate zero|la gunoi" },
	{ CUE_PRAISE, 2,
	    "senzational|un vis|de vis|o bomba" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "intrati pe pagina mea|intra pe pagina mea|vizitati pagina mea|"
	    "vezi pagina mea|link in profil|linkul din profil|"
	    "link in profilul nostru|linkul din profilul nostru|"
	    "consultanta gratuita|consultatie gratuita|mai multe programari|"
	    "mai multe rezervari" },
	{ CUE_SPAM, 2, "pagina mea|pe pagina mea" },
	/* done within a span of time is quick, not a wait */
	{ CUE_NONE, 0,
	    "in # minute|in doar # minute|in mai putin de # minute|in # ore" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4,
	    "reparati|reparati si|schimbati si|faceti reparatii|inlocuiti" },
	{ CUE_PRAISE, 3,
	    "nu mai lasa din mana|nu il mai lasa|nu o mai lasa|"
	    "nu se mai dezlipeste" },
	{ CUE_NONE, 0, "oricat de|oricat as|indiferent cat" },
	/* how late a thing came, said of the wait */
	{ CUE_COMPLAINT, 2,
	    "# zile mai tarziu|# saptamani mai tarziu|o luna mai tarziu|"
	    "o luna intreaga|o saptamana intreaga|abia dupa # zile" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0,
	    "reparat|reparata|au reparat|rezolvat|rezolvata|au rezolvat|"
	    "ca noua|ca nou|functioneaza din nou|merge din nou|a fost reparat|"
	    "a fost rezolvat" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "nicio plangere|nici o plangere|nimic de reprosat|"
	    "nimic de comentat|fara reprosuri|isi aminteste comanda|"
	    "stia deja ce beau|"
	    "stie deja ce iau" },
	{ CUE_NONE, 0,
	    "rezistent la zgarieturi|rezistente la zgarieturi|"
	    "rezistenta la zgarieturi|anti zgariere|impermeabil|impermeabila|"
	    "rezistent la apa|rezistenta la apa|antipata" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3,
	    "nu se inchide|nu tine inchis|nu sta inchis|nu sta inchisa|"
	    "cade tot timpul|se deschide singur|se deschide singura" },
};

const struct classify_lexicon classify_lex_ro = {
	"ro", CLASSIFY_LATIN, 0, "a|e|i|ul|ii", classify_ro,
	nitems(classify_ro)
};
