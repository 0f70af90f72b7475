/*
 * classify-lex-nl.c -- the Dutch lexicon of the classifier (folded, see
 * classify-private.h: "één" is "een", "z'n" is "zn"). Dutch may put the
 * negation after the verb: "werkt niet", "bevalt me niet".
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_nl[] = {
	{ CUE_COMPLAINT, 3,
	    "terugbetal*|geld terug|mijn geld|niet ontvangen|nooit ontvangen|"
	    "nog niet ontvangen|niks ontvangen|niets ontvangen|nog niks|"
	    "nog niets|nooit aangekomen|niet aangekomen|nog niet aangekomen|"
	    "nog niet binnen|niet binnen|niet geleverd|nooit geleverd|"
	    "niet bezorgd|nooit bezorgd|nog steeds niet|nog steeds geen|"
	    "nog altijd niet|nog altijd geen|wacht al|wachten al|ik wacht nog|"
	    "wacht nog steeds|al # weken|al # dagen|al weken|al dagen|"
	    "weken later|waar blijft|waar is mijn|waar zijn mijn|is stuk|"
	    "was stuk|kwam stuk|stuk aan|stuk aangekomen|helemaal stuk|"
	    "kapot aangekomen|werkt niet|werkt het niet|doet het niet|"
	    "doet niks|verkeerde bestelling|verkeerd product|verkeerde maat|"
	    "verkeerde kleur|verkeerd geleverd|verkeerd gestuurd|"
	    "niet zoals beschreven|niet zoals op de foto|nooit meer|"
	    "nooit weer|laatste keer|voor het laatst|niet tevreden|niet blij|"
	    "ontevreden|dubbel betaald|twee keer betaald|dubbel afgeschreven|"
	    "twee keer afgeschreven|geen reactie|geen antwoord|"
	    "geen reactie meer|niemand reageert|reageert niet|reageren niet|"
	    "niet gereageerd|nooit gereageerd|nooit beantwoord|"
	    "niet beantwoord|word genegeerd|genegeerd|zonde van het geld|"
	    "zonde van mijn geld|weggegooid geld|ik wil mijn geld|"
	    "wil mijn geld|het zat|spuugzat|ben het beu|klaar mee|schaam je|"
	    "schamen|een grap|lachertje|is zoek|zoek geraakt|zoekgeraakt|"
	    "kwijtgeraakt|over datum|bedankt voor niets|bedankt voor niks|"
	    "dank voor niks|dank je de koekoek|slechte kwaliteit|"
	    "slechte service|waardeloze service|slechtste|nog geen reactie|"
	    "nog geen antwoord|nog geen pakket|nog geen bestelling|"
	    "zonder bestelling|zonder pakket|zonder antwoord|zonder reactie|"
	    "niet normaal|niet wat ik verwacht|niet wat ik had verwacht|"
	    "is verdwenen|is zoekgeraakt|nergens te vinden|niet te vinden|"
	    "staat als bezorgd|staat op bezorgd|als afgeleverd|"
	    "zou bezorgd zijn|neemt niet op|nemen niet op|"
	    "neemt de telefoon niet op|derde keer|tweede keer deze|"
	    "kom niet meer terug|kom hier niet meer|kom niet meer|"
	    "kom nooit meer|in de wacht|verwacht ik meer|verwacht ik wel meer|"
	    "verwacht ik wel wat meer|al stuk|ging stuk|gaat stuk|ging kapot|"
	    "nog geen geld|geld nog niet|geen excuses|niemand zei sorry|"
	    "zelfs geen sorry|geen sorry|waar betaal ik voor|"
	    "waarvoor betaal ik|laten wachten|moest wachten|onbruikbaar|"
	    "nutteloos" },
	{ CUE_COMPLAINT, 2,
	    "wacht op mijn|wachten op mijn|nog steeds|duurt lang|"
	    "duurt zo lang|duurde lang|te laat|veel te laat|te duur|"
	    "veel te duur|te klein|te groot|ontbreekt|ontbrak|ontbreken|"
	    "mist er|miste|klacht|klachten|klagen|beschimmeld|schimmel|"
	    "verlopen|lekt|lekte|gesmolten|bedorven|oneetbaar|onprofessioneel|"
	    "onbetrouwbaar|geannuleerd|annuleren|waarom duurt|waarom is|"
	    "waarom heb ik|waarom krijg ik|waarom reageert|waarom reageren|"
	    "hoe lang moet ik|is weg|zo lang|al zo lang|proberen te bereiken|"
	    "probeer al|# mails|# mailtjes|# berichten|# keer gebeld|"
	    "weer vertraging|alweer vertraging|verwacht meer|"
	    "had meer verwacht|*vertraging|# minuten|# min|# uur|wachten|"
	    "wachtrij|niet meer" },
	{ CUE_NEGATIVE, 3,
	    "slechtste|vreselijk|verschrikkelijk|afschuwelijk|walgelijk|"
	    "belachelijk|onacceptabel|schandalig|schande|waardeloos|"
	    "waardeloze|oplichter*|oplichting|opgelicht|nep|bedrog|"
	    "teleurgesteld|teleurstellend|teleurstelling|kapot|gebroken|"
	    "beschadigd|defect|onbeschoft|brutaal|onvriendelijk|gelogen|"
	    "leugen|leugens|misleidend|boos|woedend|kwaad|pissig|gefrustreerd|"
	    "frustrerend|ergerlijk|geergerd|rommel|troep|bagger|drama|ramp|"
	    "rampzalig" },
	{ CUE_NEGATIVE, 2,
	    "slecht|slechte|traag|langzaam|probleem|problemen|fout|fouten|"
	    "verkeerd|verkeerde|vertraging|vertraagd|laat|kwijt|jammer|helaas|"
	    "vies|smerig|zuur|flauw|verdrietig|balen|baal|zonde|gedoe|"
	    "irritant|lastig|vervelend|matig|teleurstellende" },
	{ CUE_NEGATIVE, 1, "duur|prijzig|koud|lauw|klein|droog" },
	{ CUE_PRAISE, 2,
	    "niet slecht|helemaal niet slecht|geweldig|geweldige|fantastisch|"
	    "fantastische|prachtig|prachtige|heerlijk|heerlijke|perfect|"
	    "perfecte|top|toppie|topper|toppers|super|uitstekend|uitstekende|"
	    "uitmuntend|aanrader|aan te raden|een aanrader|aanbevolen|"
	    "aanbevelen|beste|favoriet|fan|genoten|blij|blij mee|dolblij|"
	    "tevreden|zeer tevreden|schitterend|schitterende|gaaf|vet|tof|"
	    "bravo|chapeau|complimenten|compliment|trots|verliefd|wauw|"
	    "echt goed|zeer goed|heel goed|erg goed|# sterren|weer besteld|"
	    "nogmaals besteld|bestel zeker weer|kom zeker terug|zeker terug|"
	    "ga zeker weer|niet te versmaden|om van te smullen|smullen|"
	    "genieten|ik ben fan|dikke duim|goed gedaan|ga zo door|"
	    "kan niet wachten|zeker nog eens|bestel zeker nog eens|"
	    "klant voor het leven|vaste klant" },
	{ CUE_PRAISE, 1,
	    "goed|goede|mooi|mooie|leuk|leuke|fijn|fijne|lekker|lekkere|prima|"
	    "snel|snelle|vriendelijk|vriendelijke|behulpzaam|klantvriendelijk|"
	    "netjes|keurig|lief|lieve|knap|handig|gezellig|vers|verse|"
	    "kwaliteit|op tijd|smaakt|smaakte|geen klachten|valt niet tegen|"
	    "viel niet tegen|gefeliciteerd|proficiat" },
	{ CUE_THANKS, 2,
	    "bedankt|dank je|dank je wel|dankjewel|dankje|dank u|dank u wel|"
	    "dankuwel|dank jullie|dank jullie wel|veel dank|hartelijk dank|"
	    "hartelijk bedankt|super bedankt|top bedankt|merci" },
	{ CUE_QUESTION, 3,
	    "weet iemand|weet u of|weten jullie of|weet jij of|weet je of|"
	    "is het mogelijk|zou het mogelijk|is er een mogelijkheid|hoe lang|"
	    "hoeveel kost|hoeveel kosten|wat kost|wat kosten|wat is de prijs|"
	    "prijs graag|prijs aub|prijs pm|prijs pb|info graag|meer info|"
	    "meer informatie|ik vroeg me af|ik vraag me af|vroeg me af|"
	    "vraag me af|wilde vragen|wil vragen|vraagje|een vraag|"
	    "ik heb een vraag|ik wil graag weten|ik zou graag willen weten|"
	    "graag weten|laat maar weten|nog op voorraad|op voorraad|"
	    "weer leverbaar|nog leverbaar|weer op voorraad|wanneer komt|"
	    "wanneer is|wanneer wordt|wanneer worden|wanneer kan|tot hoe laat|"
	    "hoe laat|iemand ervaring|ervaring mee" },
	{ CUE_QUESTION, 2,
	    "vraag|benieuwd|prijs|prijzen|kosten|beschikbaar|verzendkosten|"
	    "leverbaar|voorraad|glutenvrij|lactosevrij|graanvrij|suikervrij|"
	    "vegan|vegetarisch|interesse" },
	{ CUE_REQUEST, 2,
	    "alvast bedankt|bij voorbaat dank|alvast dank|ik wil bestellen|"
	    "ik wil graag bestellen|wil graag bestellen|ik zou graag|"
	    "wil graag|ik wil graag|ik zoek|stuur me|stuur mij|bel me|bel mij|"
	    "mail me|mail mij|neem contact|contact opnemen|laat het me weten|"
	    "laat het even weten|help me|hulp nodig|graag een reactie|"
	    "graag reactie|reageer|pb|pm|dm|privebericht" },
	{ CUE_REQUEST, 1, "graag|aub|alsjeblieft|alstublieft|svp|help" },
	{ CUE_SARCASM, 3,
	    "ja hoor|ja ja|jaja|nou lekker|lekker dan|dank je de koekoek" },
	{ CUE_SARCASM, 1,
	    "fijn hoor|geweldig hoor|top hoor|super hoor|knap hoor|goed bezig|"
	    "weer eens|zoals altijd|zoals gewoonlijk|alweer|wederom|"
	    "weer een week|nog een week|weer een maand|tuurlijk|natuurlijk" },
	{ CUE_URGENT, 1,
	    "dringend|spoed|asap|zsm|zo snel mogelijk|meteen|onmiddellijk|"
	    "nu meteen|vandaag nog" },
	{ CUE_SPAM, 3,
	    "marketingbureau|bovenaan in google|bovenaan staat in google|"
	    "eerste pagina van google|lening|leningen|zonder bkr|geld lenen|"
	    "app me|schending van|onze richtlijnen|blokkering te voorkomen|"
	    "meer volgers|volgers kopen|gratis volgers|per week verdienen|"
	    "per dag verdienen|per maand verdienen|stuur me een dm|"
	    "stuur me een bericht|kijk op mijn profiel|mijn profiel|"
	    "prijs gewonnen|u heeft gewonnen|je hebt gewonnen|geld verdienen|"
	    "thuiswerk*|bijverdienen|investeer*|beleggen|bekijk mijn profiel|"
	    "volg mij|volg me|link in mijn bio" },
	{ CUE_SPAM, 2,
	    "winactie|winnen|gewonnen|winnaar|winnaars|klik op de link|"
	    "klik hier|verdien|verdienen|gratis|volgers|per week|per dag|"
	    "per maand" },
	{ CUE_SCAM, 4,
	    "stuur ons een dm|stuur ons een bericht|stuur uw gegevens|"
	    "stuur je gegevens|kaartgegevens|bankgegevens|pasnummer|"
	    "verifieer uw|verifieer je|bevestig uw|bevestig je|"
	    "uw account wordt|je account wordt|account geblokkeerd|"
	    "bent uitgekozen|ben je uitgekozen|geselecteerd als|claim uw|"
	    "claim je" },
	{ CUE_SCAM, 2, "uw kaart|je kaart|iban|geblokkeerd|uitgekozen" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "verwelkt|verlept|verbrand|aangebrand|waterig|krassen|gekrast|"
	    "deuk|gedeukt|gebarsten|barst|vlekken|gescheurd|scheur|wiebelt|"
	    "stinkt|stinkend|vastgelopen|loopt vast|crasht|geweigerd|"
	    "afgewezen|verborgen kosten|uitslag|allergische reactie|jeuk|"
	    "misselijk|onhygienisch|onbeleefd|arrogant|geschreeuwd|slordig|"
	    "verpest|verknald|verspild|uitgesteld|overschat|smakeloos|"
	    "geschokt|geschrokken|ontdaan|overstuur|beledigd|genant|vernederd|"
	    "oneerlijk|onjuist|bedrogen|gestolen|puinhoop|chaos|absurd|"
	    "zinloos|laadt niet|opent niet|schade|raar|doet raar|slap" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "weer|alweer|opnieuw" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "adembenemend|betoverend|tranen van geluk|huilen van geluk|parel|"
	    "pareltje|juweeltje|deskundig|vakkundig|professioneel|geduldig|"
	    "attent|elegant|charmant|sfeervol|knus|krokant|sappig|romig|"
	    "luchtig|stevig|degelijk|comfortabel|past perfect|zit perfect|"
	    "waar voor je geld|koopje|betrouwbaar|snelle levering|"
	    "snel geleverd|de moeite waard|leukste|mooiste|lekkerste|fijnste|"
	    "liefste|snelste|vriendelijkste" },
	{ CUE_QUESTION, 3, "of alleen|of enkel|of alleen maar" },
	{ CUE_NONE, 0,
	    "met vriendelijke groet|vriendelijke groet|vriendelijke groeten|"
	    "groetjes|groeten|fijne dag|fijn weekend|goedemorgen|goedemiddag|"
	    "goedenavond|niet alleen|geen probleem|geen zorgen|maakt niet uit|"
	    "geen haast|goed om te weten|graag gedaan|niet zeker|"
	    "weet niet zeker|helemaal goed|hoe gaat het|zonder twijfel|"
	    "zonder aarzelen|zonder meer|zonder problemen|fijne feestdagen|"
	    "prettige feestdagen|gelukkig nieuwjaar|vrolijk kerstfeest|"
	    "fijne kerst|fijne paasdagen" },
	{ CUE_NEGATOR, 0,
	    "niet|geen|nooit|niks|niets|nergens|zonder|noch|allerminst|"
	    "helemaal niet|totaal niet|absoluut niet|verre van|niemand" },
	{ CUE_QSTART, 3,
	    "wat|waar|wanneer|waarom|hoe|hoelang|hoeveel|wie|welke|welk|"
	    "waarvoor|waarmee|waarop|waarin|vanaf wanneer|tot wanneer|"
	    "iemand" },
	{ CUE_QSTART, 2,
	    "mogen|kunnen|hebben|zijn|verkopen|doen|leveren|bezorgen|"
	    "verzenden|accepteren|komen|worden|zouden|moeten|willen|hebt|kunt|"
	    "mag|verkoopt|levert|bezorgt|verstuurt|accepteert" },
	{ CUE_NOTQ, 0,
	    "wat een|wat mooi|wat leuk|wat lief|wat heerlijk|wat fijn|"
	    "wat goed|wat prachtig|wat gaaf|wat lekker|wat jammer|wat zonde|"
	    "wat balen|hoe leuk|hoe mooi|hoe lief|hoe dan ook|wie niet|"
	    "hoe gaat het" },
	{ CUE_AUX, 3,
	    "heb|hebben|hebt|heeft|is|zijn|ben|bent|kan|kun|kunnen|kunt|mag|"
	    "mogen|moet|moeten|wil|willen|wilt|doe|doen|doet|weet|weten|komt|"
	    "komen|gaat|gaan|wordt|worden|zou|zouden|verkopen|verkoopt|"
	    "verzenden|versturen|leveren|bezorgen|sturen|maken|maakt|hoeven|"
	    "hoef|krijg|krijgen|blijft|werkt|zit|zitten|staat|levert|"
	    "verstuurt|bezorgt|accepteren|accepteert|vind|vinden|vindt|had|"
	    "hadden|was|waren" },
	{ CUE_SUBJECT, 0,
	    "je|jij|jullie|u|ik|het|er|we|wij|ze|zij|iemand|dit|dat|deze|die|"
	    "de|een|mijn|men|hij" },
	{ CUE_COND, 0,
	    "als|indien|mocht|mochten|stel dat|wat als|ingeval|voor het geval|"
	    "tenzij" },
	{ CUE_GREETING, 0,
	    "hoi|hallo|hey|hi|hee|dag|goedemorgen|goedemiddag|goedenavond|"
	    "hallo allemaal|hoi allemaal" },
	{ CUE_WHY, 0, "waarom|hoezo|hoe komt het" },
	{ CUE_ANSWER, 0,
	    "antwoord|antwoorden|beantwoord|reactie|reageren|reageert|"
	    "gereageerd|terug horen|terughoren|bericht terug|opnemen|neemt op|"
	    "terugbellen|terugmailen" },
	{ CUE_SOMEONE, 0, "iemand|een van jullie" },
	{ CUE_OWNFAULT, 0,
	    "per ongeluk|per abuis|mijn fout|mijn schuld|ik heb me vergist|"
	    "vergist|verkeerd ingevuld|verkeerd getypt" },
	{ CUE_NEVER, 0, "nooit|nog nooit" },
	{ CUE_SO, 0, "zo|zulke|zulk|zon" },
	{ CUE_FUNCTION, 1,
	    "de|het|een|en|ik|je|jullie|niet|van|mijn|met|voor|op|dat|wat|ook|"
	    "nog|maar|heb|bij|zijn|er|wel|al|naar|dit|deze|hoe|geen|echt|heel|"
	    "zo|moet|kan|bestelling|graag|bedankt|waar|wanneer" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "of" },
	{ CUE_EVEN, 0, "eigenlijk|uberhaupt|ooit|eigenlijk wel" },
	{ CUE_LIKE, 0, "als|zoals" },
	{ CUE_ANSWER, 0,
	    "lezen|leest|gelezen|berichten|berichtjes|mails|mailtjes|inbox|"
	    "reacties" },
	{ CUE_NONE, 0,
	    "min of meer|of zo|of niet|een of twee|twee of drie|vroeg of laat|"
	    "een of ander|een of andere|al dan niet" },
	{ CUE_QUESTION, 3,
	    "benieuwd of|ik ben benieuwd|zou graag willen weten|"
	    "iemand een idee|enig idee|heeft iemand|is het waar|"
	    "ook verkrijgbaar|verkrijgbaar in" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "klopt niet|klopt niks|klopt van geen kant|kloppen niet|"
	    "kloppen van geen kant|slaat nergens op|ruikt naar brand|"
	    "brandlucht|branderige lucht|ruikt vies|ruikt raar|"
	    "ruikt chemisch|chemische lucht|smaakt raar|smaakt vies|"
	    "smaakte raar|smaakte vies|smaakt naar niks|smaakt nergens naar|"
	    "nog rauw|rauw van binnen|werkt niet meer|doet het niet meer|"
	    "laadt niet op|gaat niet aan|valt uit elkaar|viel uit elkaar|"
	    "losgekomen|los gekomen|verkeerd gespeld|verkeerd geschreven|"
	    "verkeerde naam|bij de buren|verkeerde adres|verkeerd adres|"
	    "niks gehoord|niets gehoord|nog niks gehoord|nog niets gehoord|"
	    "geen bevestiging|geen track en trace|geen update|"
	    "twee keer gevraagd|al twee keer|al # keer|meerdere keren|"
	    "valt tegen|viel tegen|niet onder de indruk" },
	{ CUE_COMPLAINT, 2,
	    "past niet|paste niet|passen niet|valt klein|valt groot|"
	    "vallen klein|vallen groot|te strak|te krap|te wijd|te kort|"
	    "te lang|te dun|te droog|te hard" },
	{ CUE_NEGATIVE, 2,
	    "verbleekt|verkleurd|gekrompen|krimpt|kromgetrokken|krom|lekkend|"
	    "gelekt|uitgelopen|pluist|pluizen|rafelt|gerafeld|klef|muf|ranzig|"
	    "scheef|wiebelig|roestig|geroest|gebutst|afgebroken|afgebladderd|"
	    "bladdert|barstjes|scherven|in scherven" },
	{ CUE_SPAM, 2,
	    "viraal|viraal gaan|meer bereik|bereik vergroten|laten groeien|"
	    "organisch|met je telefoon|vanaf je telefoon|vanuit huis" },
	{ CUE_SCAM, 2,
	    "stuur ons|schrijf ons|app ons|neem contact met ons|mail ons" },
	{ CUE_SARCASM, 1,
	    "bedankt hoor|dank je wel hoor|lekker hoor|leuk hoor|heel fijn" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0,
	    "kan ik|mag ik|kunnen we|kunnen wij|zou ik|is het mogelijk om" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2,
	    "dol op|gek op|verslaafd aan|weg van|"
	    "kan er geen genoeg van krijgen|verliefd op" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3,
	    "verdachte activiteit|ongebruikelijke activiteit|uw gegevens|"
	    "je gegevens|uw pagina te behouden|je pagina te behouden|"
	    "uw pagina wordt" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2,
	    "meer klanten|meer verkopen|meer omzet|je webshop|jouw webshop|"
	    "je bedrijf|jouw bedrijf|je merk|wij helpen" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0, "besteld|bestelling|betaald|gekocht|geplaatst" },
	{ CUE_SPAN, 0,
	    "# dagen|# weken|# maanden|# dag|# week|# maand|twee weken|"
	    "drie weken|een week geleden|een maand geleden|dagen geleden|"
	    "weken geleden|sinds maandag|sinds dinsdag|sinds woensdag|"
	    "sinds donderdag|sinds vrijdag|sinds zaterdag|sinds zondag|"
	    "vorige week|vorige maand" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0,
	    "foto|fotos|afbeelding|plaatje|website|beschrijving|advertentie" },
	{ CUE_DIFFERENT, 0,
	    "anders|verschillend|lijkt niet|lijkt totaal niet|"
	    "lijkt in de verste verte niet" },
	{ CUE_ANSWER, 0,
	    "laten weten|liet weten|verteld|geinformeerd|gewaarschuwd|gemeld" },
	{ CUE_NEGATIVE, 2, "brak|braken|knapte" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "vraag me hoe|vraag mij hoe|vraag me" },
	/* words a phrase lets in between its own ("not really received") */
	{ CUE_FILLER, 0,
	    "echt|heel|helemaal|totaal|eigenlijk|zelfs|gewoon|nog|wel|erg|"
	    "volledig" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0,
	    "in plaats van|terwijl|maar kreeg|maar ontving|maar alleen" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2,
	    "was dicht|was gesloten|zat dicht|deur zat op slot|"
	    "niemand aanwezig|niemand was er|voor de tweede keer|"
	    "al de tweede keer" },
	{ CUE_COMPLAINT, 3,
	    "ziek geworden|werd ziek|ziek van|ziek na|moest overgeven|"
	    "overgeven|buikpijn" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "doorweekt|kletsnat|pluizig|klemt|klemde|zat vast|zit vast|"
	    "wiebelen|vlekkerig|geplet|pap|verbogen|klonterig" },
	{ CUE_COMPLAINT, 3,
	    "opgehangen|hing op|ik ben weg|prijzen omhoog|porties kleiner|"
	    "half leeg|kwaliteitscontrole|weggegooid|in de prullenbak" },
	{ CUE_PRAISE, 2,
	    "zo zacht|zacht|een droom|een hit|knaller|briljant" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "bekijk mijn pagina|kijk op mijn pagina|neem een kijkje op mijn|"
	    "link in ons profiel|link in mijn profiel|link in profiel|"
	    "link in onze bio|gratis adviesgesprek|gratis kennismakingsgesprek|"
	    "meer boekingen|meer afspraken" },
	{ CUE_SPAM, 2, "mijn pagina|op mijn pagina|mijn webshop" },
	/* done within a span of time is quick, not a wait */
	{ CUE_NONE, 0,
	    "binnen # minuten|binnen # min|binnen # uur|in # minuten|"
	    "in # min|in # uur" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4,
	    "repareren jullie|maken jullie ook|kunnen jullie repareren|"
	    "vervangen jullie|doen jullie reparaties" },
	{ CUE_PRAISE, 3,
	    "niet meer los|niet meer weg te slaan|niet meer uit|"
	    "wil niets anders meer" },
	/* how late a thing came, said of the wait */
	{ CUE_COMPLAINT, 2,
	    "# dagen later|# weken later|een maand later|een hele maand|"
	    "een hele week|pas na # dagen|pas na # weken" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0,
	    "opgelost|verholpen|gerepareerd|gefikst|doet het weer|werkt weer|"
	    "rijdt weer|weer als nieuw|als nieuw" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "geen enkele klacht|niks op aan te merken|niets op aan te merken|"
	    "niks aan te merken|niets aan te merken|niks te klagen|"
	    "niets te klagen|geen enkel probleem|mijn bestelling onthouden|"
	    "wist al wat ik|weet al wat ik|kent mijn bestelling" },
	{ CUE_NONE, 0,
	    "krasbestendig|krasvast|waterdicht|waterbestendig|vlekbestendig|"
	    "onbreekbaar|lekvrij|anti kras" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3,
	    "blijft niet dicht|gaat niet dicht|sluit niet goed|valt steeds af|"
	    "blijft niet zitten|laat steeds los|schiet steeds los" },
};

const struct classify_lexicon classify_lex_nl = {
	"nl", CLASSIFY_LATIN, 1, "e|en|s", classify_nl,
	nitems(classify_nl)
};
