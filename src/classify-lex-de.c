/*
 * classify-lex-de.c -- the German lexicon of the classifier (folded, see
 * classify-private.h: "für" is "fur", "ß" is "ss"; key words also as
 * written without umlauts, "enttaeuscht"). German may put the negation
 * after the verb: "funktioniert nicht", "gefällt mir nicht". Because a
 * German statement often puts its verb before the subject ("leider ist
 * das Paket..."), only a clause that opens with the verb asks.
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_de[] = {
	{ CUE_COMPLAINT, 3,
	    "erstattung|ruckerstattung|rueckerstattung|zuruckerstatt*|"
	    "geld zuruck|geld zurueck|mein geld|nicht angekommen|"
	    "nie angekommen|noch nicht angekommen|nicht erhalten|nie erhalten|"
	    "noch nicht erhalten|nichts erhalten|nicht bekommen|"
	    "nichts bekommen|noch nichts bekommen|nicht geliefert|"
	    "nie geliefert|immer noch nicht|immer noch kein|immer noch keine|"
	    "immer noch keinen|noch immer nicht|noch immer kein|"
	    "noch immer keine|warte seit|warten seit|warte immer noch|"
	    "warte noch immer|seit # wochen|seit # tagen|seit wochen|"
	    "seit tagen|wochen spater|wo bleibt|wo ist meine|wo ist mein|"
	    "wo sind meine|kaputt angekommen|beschadigt angekommen|"
	    "zerbrochen angekommen|funktioniert nicht|funktioniert es nicht|"
	    "geht nicht|falsch geliefert|falsche bestellung|falscher artikel|"
	    "falsche grosse|falsche farbe|nicht wie beschrieben|"
	    "nicht wie abgebildet|nie wieder|nimmermehr|letztes mal|"
	    "zum letzten mal|nicht zufrieden|unzufrieden|doppelt abgebucht|"
	    "doppelt bezahlt|zweimal abgebucht|zweimal bezahlt|keine antwort|"
	    "keine reaktion|keine ruckmeldung|niemand antwortet|"
	    "niemand meldet sich|keiner antwortet|keiner meldet sich|"
	    "antwortet nicht|meldet sich nicht|werde ignoriert|ignoriert|"
	    "geldverschwendung|rausgeschmissenes geld|will mein geld|"
	    "mochte mein geld|reicht mir|reicht jetzt|schamt euch|"
	    "ist das ein witz|ein witz|danke fur nichts|danke fur gar nichts|"
	    "schlechte qualitat|schlechter service|schlechtester|ohne antwort|"
	    "ohne ruckmeldung|ohne meine|nichts passiert|ist verloren|"
	    "verloren gegangen|abgelaufen|nicht was ich erwartet|"
	    "nicht das was ich erwartet|ist weg|ist verschwunden|"
	    "nirgends zu finden|nicht auffindbar|als zugestellt|"
	    "angeblich zugestellt|angeblich geliefert|geht nicht ans telefon|"
	    "gehen nicht ans telefon|nicht erreichbar|drittes mal|"
	    "zweite mal diesen|werde nicht wiederkommen|"
	    "so schnell nicht wieder|komme nicht wieder|komme nicht mehr|"
	    "komme nie wieder|in der warteschleife|warteschleife|"
	    "erwarte ich mehr|erwarte mehr|mehr erwartet|kein geld gesehen|"
	    "noch kein geld|geld noch nicht|keine entschuldigung|"
	    "keiner hat sich entschuldigt|niemand hat sich entschuldigt|"
	    "nicht mal entschuldigt|wofur bezahle ich|wofuer bezahle ich|"
	    "warten lassen|musste warten|unbrauchbar|nicht zu gebrauchen" },
	{ CUE_COMPLAINT, 2,
	    "warte auf meine|warte auf mein|warten auf meine|immer noch|"
	    "noch immer|dauert lange|dauert so lange|dauert ewig|zu spat|"
	    "viel zu spat|zu teuer|viel zu teuer|zu klein|zu gross|fehlt|"
	    "fehlte|fehlen|fehlen noch|beschwerde|reklamation|reklamieren|"
	    "schimmel|schimmelig|ausgelaufen|undicht|geschmolzen|verdorben|"
	    "ungeniessbar|unprofessionell|unzuverlassig|storniert|stornieren|"
	    "warum dauert|so lange|*verzogerung|*verspatung|# mails|# e mails|"
	    "# nachrichten|dreimal geschrieben|mehrmals geschrieben|"
	    "hatte mehr erwartet|# minuten|# min|# stunden|warten|*warten|"
	    "wartezeit|nicht mehr|versuche seit|versuche euch|"
	    "versucht euch zu erreichen|warum antwortet|warum meldet|"
	    "wie lange soll ich|wie lange muss ich" },
	{ CUE_NEGATIVE, 3,
	    "schlechteste|schrecklich|furchtbar|grauenhaft|grauenvoll|"
	    "katastrophe|katastrophal|ekelhaft|widerlich|lacherlich|"
	    "inakzeptabel|unverschamt|unverschamtheit|frechheit|skandal|"
	    "skandalos|nutzlos|betrug|betruger|abzocke|abgezockt|enttauscht|"
	    "enttaeuscht|enttauschend|enttauschung|kaputt*|zerbrochen|"
	    "beschadigt|gebrochen|defekt|unfreundlich|frech|gelogen|lugen|"
	    "irrefuhrend|wutend|sauer|stinksauer|verargert|genervt|mist|"
	    "schrott|mull|sauerei|unmoglich" },
	{ CUE_NEGATIVE, 2,
	    "schlecht|schlechte|schlechter|langsam|problem|probleme|fehler|"
	    "falsch|falsche|falscher|falsches|verspatet|verspatung|"
	    "verzogerung|verloren|verschwunden|schade|leider|arger|argerlich|"
	    "traurig|bitter|fade|nervig|umstandlich|mangelhaft|maessig|massig|"
	    "dreckig|schmutzig" },
	{ CUE_NEGATIVE, 1, "teuer|kalt|lauwarm|klein|trocken|dunn" },
	{ CUE_PRAISE, 2,
	    "nicht schlecht|gar nicht schlecht|kann ich nur empfehlen|"
	    "kann ich empfehlen|kann ich wirklich empfehlen|"
	    "kann man nur empfehlen|toll|tolle|toller|tolles|super|klasse|"
	    "spitze|genial|geniale|wunderbar|wunderbare|wunderschon|"
	    "wunderschoen|schoen|sehr schon|so schon|richtig schon|echt schon|"
	    "schone|schones|schoner|lecker|leckere|kostlich|perfekt|perfekte|"
	    "hervorragend|ausgezeichnet|fantastisch|phantastisch|grossartig|"
	    "top|empfehlenswert|empfehle|empfehlen|weiterempfehlen|"
	    "sehr zu empfehlen|zufrieden|sehr zufrieden|glucklich|begeistert|"
	    "freue mich|freu mich|liebe|lieben|geliebt|lieblings*|beste|"
	    "bester|besten|bestes|sehr gut|mega|traumhaft|himmlisch|bravo|"
	    "respekt|weiter so|macht weiter so|# sterne|gerne wieder|"
	    "immer wieder gerne|wieder bestellen|bestelle wieder|"
	    "bestellen wieder|kann es kaum erwarten|gut gemacht|daumen hoch|"
	    "hammer|der hammer|wow|bestelle bestimmt wieder|bestimmt wieder|"
	    "kunde fur immer|stammkunde|lieblingsladen|*lecker" },
	{ CUE_PRAISE, 1,
	    "gut|gute|guter|gutes|prima|schnell|schnelle|freundlich|"
	    "freundliche|hilfsbereit|nett|nette|suss|susse|hubsch|frisch|"
	    "schick|qualitat|mag|gefallt mir|gefallt|puenktlich|punktlich|"
	    "lieb|so lieb|total lieb|kein problem|keine probleme|"
	    "keine beschwerden|gluckwunsch|herzlichen gluckwunsch" },
	{ CUE_THANKS, 2,
	    "danke|dankeschon|dankeschoen|danke schon|danke schoen|"
	    "vielen dank|herzlichen dank|besten dank|tausend dank|lieben dank|"
	    "danke sehr|merci|vielen lieben dank" },
	{ CUE_QUESTION, 3,
	    "weiss jemand|weiss einer|kann mir jemand|ist es moglich|"
	    "ware es moglich|besteht die moglichkeit|wie lange|wie viel|"
	    "wieviel|wie viele|was kostet|was kosten|preis bitte|info bitte|"
	    "infos bitte|mehr infos|mehr informationen|ich wollte fragen|"
	    "wollte mal fragen|wollte fragen|ich mochte wissen|"
	    "mochte gerne wissen|mochte gern wissen|wurde gerne wissen|"
	    "wurde gern wissen|ich frage mich|kurze frage|eine frage|"
	    "hatte eine frage|habe eine frage|noch verfugbar|wieder verfugbar|"
	    "auf lager|wieder lieferbar|noch lieferbar|wann kommt|wann wird|"
	    "wann ist|wann kann|ab wann|bis wann|bis wie viel uhr|"
	    "erfahrungen mit|hat jemand erfahrung|fragen ob|wissen ob|"
	    "frage ob" },
	{ CUE_QUESTION, 2,
	    "frage|neugierig|preis|preise|kosten|verfugbar|lieferbar|"
	    "versandkosten|lieferzeit|glutenfrei|laktosefrei|getreidefrei|"
	    "zuckerfrei|vegan|vegetarisch|interesse" },
	{ CUE_REQUEST, 2,
	    "danke im voraus|vielen dank im voraus|im voraus|vorab danke|"
	    "ich mochte bestellen|ich will bestellen|mochte bestellen|"
	    "ich hatte gerne|ich hatte gern|hatte gerne|ich brauche|"
	    "bitte melden|bitte meldet|meldet euch|melden sie sich|"
	    "ruft mich an|rufen sie mich|schreibt mir|schreiben sie mir|"
	    "per pn|pn|dm|hilfe|helft mir|bitte helfen|bitte um antwort|"
	    "bitte um ruckmeldung" },
	{ CUE_REQUEST, 1, "bitte" },
	{ CUE_SARCASM, 3,
	    "na toll|na super|na prima|ganz toll|super gemacht|toll gemacht|"
	    "klasse gemacht|ja klar|jaja|ja ja" },
	{ CUE_SARCASM, 1,
	    "wie immer|mal wieder|schon wieder|wieder mal|wieder einmal|"
	    "noch eine woche|noch ein monat|natuerlich|naturlich|klar" },
	{ CUE_URGENT, 1,
	    "dringend|sofort|umgehend|asap|schnellstmoglich|"
	    "so schnell wie moglich|eilig|heute noch" },
	{ CUE_SPAM, 3,
	    "marketingagentur|seite 1 bei google|erste seite bei google|"
	    "geld leihen|kredit ohne|ohne schufa|sofortkredit|"
	    "verstosses gegen|verstoss gegen|unsere richtlinien|"
	    "sperrung zu vermeiden|mehr follower|follower kaufen|"
	    "pro woche verdienen|pro tag verdienen|pro monat verdienen|"
	    "schreib mir eine dm|schreib mir privat|schau auf mein profil|"
	    "mein profil|geld verdienen|von zuhause|von zu hause|"
	    "nebenverdienst|investieren|investition|krypto|folge mir|"
	    "folgt mir|schau in mein profil|schaut in mein profil|"
	    "link in der bio|link in meiner bio" },
	{ CUE_SPAM, 2,
	    "gewinnspiel|gewinnen|gewonnen|gewinner|klick auf den link|"
	    "klicke hier|kostenlos|gratis|verdiene|verdienen|follower|"
	    "pro woche|pro tag|pro monat" },
	{ CUE_SCAM, 4,
	    "schreib uns eine dm|schreibt uns eine dm|sende uns deine|"
	    "sende uns ihre|schick uns deine|schicken sie uns|kartendaten|"
	    "kreditkartendaten|bankdaten|verifizieren sie|verifiziere dein|"
	    "bestatigen sie ihr|bestatige dein|ihr konto wird|dein konto wird|"
	    "konto gesperrt|wurden ausgewahlt|wurdest ausgewahlt|"
	    "preis abholen|gewinn abholen|gewinn einlosen" },
	{ CUE_SCAM, 2,
	    "deine karte|ihre karte|kreditkarte|iban|gesperrt|ausgewahlt|"
	    "verifizieren" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "verwelkt|welk|verbrannt|angebrannt|fettig|versalzen|wassrig|"
	    "kratzer|zerkratzt|delle|verbeult|angeschlagen|gesprungen|riss|"
	    "flecken|fleckig|zerrissen|wackelt|wackelig|stinkt|hangt sich auf|"
	    "sturzt ab|abgelehnt|verweigert|versteckte kosten|ausschlag|"
	    "allergische reaktion|juckt|unhygienisch|unhoflich|herablassend|"
	    "angeschrien|schlampig|ruiniert|verschwendet|verschoben|abgesagt|"
	    "uberbewertet|geschmacklos|schockiert|entsetzt|fassungslos|"
	    "beleidigt|peinlich|unfair|betrogen|gestohlen|chaos|absurd|"
	    "sinnlos|wertlos|ladt nicht|offnet nicht|schaden|mangel|matschig|"
	    "spinnt|wurden grun" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "wieder|erneut|immer wieder" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "atemberaubend|freudentranen|juwel|perle|schatz|kompetent|"
	    "fachkundig|professionell|geduldig|grosszugig|aufmerksam|elegant|"
	    "charmant|gemutlich|knusprig|saftig|cremig|fluffig|stabil|solide|"
	    "bequem|passt perfekt|sitzt perfekt|preis leistung|preiswert|"
	    "schnappchen|zuverlassig|schnelle lieferung|schnell geliefert|"
	    "lohnt sich|schonste|leckerste|tollste|liebste|netteste|"
	    "freundlichste|schnellste|wunderschone" },
	{ CUE_QUESTION, 3, "oder nur|oder bloss" },
	{ CUE_NONE, 0,
	    "mit freundlichen grussen|freundliche grusse|viele grusse|"
	    "liebe grusse|lg|vg|mfg|gruss|grusse|schonen tag|"
	    "schones wochenende|guten morgen|guten tag|guten abend|nicht nur|"
	    "kein thema|keine sorge|keine eile|egal|gut zu wissen|"
	    "nicht sicher|bin mir nicht sicher|wie geht es|wie gehts|"
	    "ohne zu zogern|ohne zweifel|ohne probleme|ohne weiteres|"
	    "frohe weihnachten|frohes fest|frohe ostern|guten rutsch|"
	    "frohes neues|schone feiertage" },
	{ CUE_NEGATOR, 0,
	    "nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|"
	    "ohne|weder|kaum|garnicht|gar nicht|uberhaupt nicht|"
	    "ueberhaupt nicht|alles andere als|weit entfernt von|niemand" },
	{ CUE_QSTART, 3,
	    "was|wo|wann|warum|wieso|weshalb|wie|wieviel|welche|welcher|"
	    "welches|welchen|wer|wem|wen|woher|wohin|womit|wozu|jemand" },
	{ CUE_QSTART, 2,
	    "durfen|duerfen|konnen|koennen|haben|sind|gibt|darf|habt|seid|"
	    "konnt|liefert|verkauft|nehmt|akzeptiert|bietet|macht|kann" },
	{ CUE_NOTQ, 0,
	    "was fur ein|was fur eine|wie schon|wie schoen|wie toll|wie immer|"
	    "wie gewohnt|wie versprochen|wie beschrieben|wie erwartet|"
	    "wie lecker|wie suss|wie gut|wie geht es|wie gehts|was fur|"
	    "wer nicht" },
	{ CUE_AUX, 3,
	    "hast|habt|haben|hat|habe|ist|sind|bist|seid|kann|kannst|konnt|"
	    "konnen|koennen|konnte|konnten|darf|darfst|durfen|muss|musst|"
	    "mussen|gibt|gibts|wird|werden|wurde|wurden|wurdet|willst|wollt|"
	    "wollen|macht|machen|liefert|liefern|versendet|versenden|"
	    "verschickt|verschicken|kommt|kommen|bekomme|bekommt|bekommen|"
	    "sollte|sollten|soll|weiss|wisst|wissen|bin|geht|gehen|"
	    "funktioniert|verkauft|verkaufen|nehmt|nehmen|bietet|bieten|"
	    "akzeptiert|akzeptieren|war|waren|hattet|hatte|mochtet|mochten" },
	{ CUE_SUBJECT, 0,
	    "ich|du|ihr|sie|es|man|jemand|er|wir|das|der|die|dies|diese|"
	    "dieser|dieses|ein|eine|einen|mein|meine|euer|eure|ihre|da|hier|"
	    "in|im|bei" },
	{ CUE_COND, 0, "wenn|falls|sofern|im falle|fur den fall|angenommen" },
	{ CUE_GREETING, 0,
	    "hallo|hi|hey|moin|servus|gruss gott|guten morgen|guten tag|"
	    "guten abend|liebes team|liebe leute|hallo zusammen|"
	    "hallo ihr lieben|hi zusammen" },
	{ CUE_WHY, 0, "warum|wieso|weshalb|weswegen|wie kommt es" },
	{ CUE_ANSWER, 0,
	    "antwort|antworten|antwortet|beantwortet|ruckmeldung|rueckmeldung|"
	    "reaktion|meldet|melden|zuruckrufen|zurueckrufen|ans telefon" },
	{ CUE_SOMEONE, 0, "jemand|einer von euch|irgendjemand" },
	{ CUE_OWNFAULT, 0,
	    "versehentlich|aus versehen|mein fehler|meine schuld|"
	    "habe mich vertippt|vertippt|falsch eingegeben|habe mich vertan" },
	{ CUE_NEVER, 0, "nie|noch nie|niemals" },
	{ CUE_SO, 0, "so|solch|solche|solchen|derart" },
	{ CUE_FUNCTION, 1,
	    "der|die|das|und|ist|ich|nicht|mit|mein|meine|ein|eine|auf|fur|zu|"
	    "es|sie|ihr|bei|noch|schon|habe|wir|auch|sehr|aber|wie|wann|kein|"
	    "keine|euch|eure|euer|sind|bitte|danke|bestellung|immer|dass|"
	    "wurde|war" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "oder" },
	{ CUE_EVEN, 0, "uberhaupt|ueberhaupt|eigentlich|jemals|irgendwann" },
	{ CUE_LIKE, 0, "wie|als" },
	{ CUE_ANSWER, 0,
	    "lesen|liest|gelesen|nachrichten|mails|e mails|postfach|"
	    "kommentare" },
	{ CUE_NONE, 0,
	    "mehr oder weniger|oder so|oder nicht|ein oder zwei|zwei oder drei|"
	    "fruher oder spater|entweder oder|oder auch nicht" },
	{ CUE_QUESTION, 3,
	    "mich wurde interessieren|wurde mich interessieren|"
	    "mich interessiert ob|weiss jemand ob|ist es wahr|stimmt es dass" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "stimmt nicht|stimmen nicht|stimmt hinten und vorne nicht|"
	    "stimmen hinten und vorne nicht|riecht verbrannt|"
	    "riecht nach verbranntem|brandgeruch|riecht komisch|"
	    "riecht seltsam|riecht chemisch|chemischer geruch|stinkt nach|"
	    "schmeckt komisch|schmeckt seltsam|schmeckt nach nichts|"
	    "schmeckte komisch|innen roh|noch roh|nicht durchgebacken|"
	    "funktioniert nicht mehr|geht nicht mehr|geht nicht an|"
	    "ladt nicht|fallt auseinander|fiel auseinander|hat sich gelost|"
	    "falsch geschrieben|falscher name|beim nachbarn|"
	    "bei den nachbarn|falsche adresse|nichts gehort|"
	    "noch nichts gehort|keine bestatigung|keine sendungsnummer|"
	    "zweimal nachgefragt|mehrmals nachgefragt|schon zweimal|"
	    "schon # mal|nicht uberzeugt" },
	{ CUE_COMPLAINT, 2,
	    "passt nicht|passte nicht|passen nicht|fallt klein aus|"
	    "fallt gross aus|fallen klein aus|fallen gross aus|zu eng|zu weit|"
	    "zu kurz|zu lang|zu dunn|zu trocken|zu hart" },
	{ CUE_NEGATIVE, 2,
	    "verblasst|verfarbt|eingelaufen|verbogen|ausgefranst|rostig|"
	    "ranzig|muffig|klitschig|zah|rissig|abgebrochen|abgeplatzt|"
	    "scherben|versaut" },
	{ CUE_SPAM, 2,
	    "reichweite|mehr reichweite|viral gehen|organisch|mit deinem handy|"
	    "mit dem handy|von zuhause aus|taglich" },
	{ CUE_SCAM, 2,
	    "schreib uns|schreibt uns|schreiben sie uns|melde dich bei uns|"
	    "kontaktiere uns|kontaktiert uns" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0,
	    "kann ich|darf ich|bekomme ich|konnte ich|kriege ich|"
	    "ist es moglich" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2,
	    "verliebt in|kann nicht genug|suchtig nach|stehe total auf|"
	    "fan von" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3,
	    "verdachtige aktivitat|ungewohnliche aktivitat|"
	    "ungewohnliche aktivitaten|ihre daten|deine daten|"
	    "ihre seite zu behalten|seite zu behalten|ihre seite wird" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2,
	    "mehr kunden|mehr umsatz|mehr verkaufe|deinen shop|dein shop|"
	    "dein geschaft|dein unternehmen|deine marke|wir helfen dir|"
	    "wir bringen" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0, "bestellt|bestellung|bezahlt|gekauft|aufgegeben" },
	{ CUE_SPAN, 0,
	    "# tagen|# wochen|# monaten|# tag|# woche|# monat|zwei wochen|"
	    "drei wochen|einer woche|einem monat|seit montag|seit dienstag|"
	    "seit mittwoch|seit donnerstag|seit freitag|seit samstag|"
	    "seit sonntag|letzte woche|letzten monat" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0,
	    "foto|fotos|bild|bilder|abbildung|beschreibung|website|anzeige" },
	{ CUE_DIFFERENT, 0,
	    "anders|unterschiedlich|ganz anders|nichts zu tun" },
	{ CUE_ANSWER, 0, "bescheid|informiert|benachrichtigt|gesagt|gewarnt" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "frag mich wie|fragt mich wie|frag mich" },
	/* words a phrase lets in between its own ("not really received") */
	{ CUE_FILLER, 0,
	    "gar|uberhaupt|ueberhaupt|wirklich|total|komplett|ganz|einfach|"
	    "sogar|noch|leider|echt|so" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0, "statt|anstatt|stattdessen|aber nur|obwohl" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2,
	    "war zu|war geschlossen|hatte zu|niemand da|keiner da|"
	    "zum zweiten mal|das zweite mal" },
	{ CUE_COMPLAINT, 3,
	    "krank geworden|wurde krank|krank nach|musste sich ubergeben|"
	    "ubergeben|bauchschmerzen" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "klatschnass|durchnasst|aufgeweicht|knotchen|fusselt|klemmt|"
	    "klemmte|wackeln|zerdruckt|zerquetscht|klumpig" },
	{ CUE_COMPLAINT, 3,
	    "aufgelegt|ich bin raus|mir reichts|preise rauf|portionen runter|"
	    "halb leer|qualitatskontrolle|weggeworfen|in den mull" },
	{ CUE_PRAISE, 2,
	    "so weich|weich|ein traum|ein hit" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "schaut auf meine seite|schau auf meine seite|besuch meine seite|"
	    "besucht meine seite|link im profil|link in unserem profil|"
	    "link in meinem profil|link in unserer bio|kostenlose beratung|"
	    "kostenloses erstgesprach|mehr buchungen|mehr termine" },
	{ CUE_SPAM, 2, "meine seite|auf meiner seite|meinen shop" },
	/* done within a span of time is quick, not a wait */
	{ CUE_NONE, 0,
	    "innerhalb von # minuten|innerhalb von # stunden|in # minuten|"
	    "in nur # minuten|in # stunden" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4,
	    "repariert ihr|reparieren sie|macht ihr auch reparaturen|"
	    "tauscht ihr|wechselt ihr" },
	{ CUE_PRAISE, 3,
	    "nicht mehr her|nicht mehr aus der hand|will nichts anderes mehr|"
	    "nicht mehr ausziehen" },
	{ CUE_NONE, 0, "egal wie|egal wie fest|egal wie oft" },
	/* how late a thing came, said of the wait */
	{ CUE_COMPLAINT, 2,
	    "# tage spater|# wochen spater|einen monat spater|"
	    "einen ganzen monat|eine ganze woche|erst nach # tagen|"
	    "erst nach # wochen" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0,
	    "repariert|behoben|gelost|hingekriegt|in ordnung gebracht|"
	    "funktioniert wieder|lauft wieder|fahrt wieder|wie neu|"
	    "wieder wie neu" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "nichts zu meckern|nichts zu beanstanden|nichts auszusetzen|"
	    "keine klagen|keinerlei probleme|null probleme|nichts zu bemangeln|"
	    "merkt sich meine bestellung|wusste schon was ich|"
	    "kennt meine bestellung" },
	{ CUE_NONE, 0,
	    "kratzfest|kratzfeste|kratzfester|wasserdicht|wasserdichte|"
	    "wasserfest|wasserfeste|bruchfest|bruchfeste|auslaufsicher|"
	    "entspiegelt|entspiegelte" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3,
	    "halt nicht|schliesst nicht|geht nicht zu|"
	    "bleibt nicht zu|fallt standig ab|lost sich standig|"
	    "geht standig auf" },
};

const struct classify_lexicon classify_lex_de = {
	"de", CLASSIFY_LATIN, 1, "e|en|er|es|em", classify_de,
	nitems(classify_de)
};
