/*
 * classify-lex-fr.c -- the French lexicon of the classifier (folded, see
 * classify-private.h: "j'ai reçu" is "jai recu", "qu'est-ce que" is
 * "quest ce que"). French puts "pas" after the verb ("ça ne marche pas",
 * "ne me plaît pas"), so a negation may follow the word it negates; its
 * inverted questions ("pouvez-vous", "y a-t-il") ask wherever they are.
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_fr[] = {
	{ CUE_COMPLAINT, 3,
	    "rembourse*|mon argent|pas recu|jamais recu|toujours pas recu|"
	    "rien recu|toujours rien recu|pas arrive|pas arrivee|"
	    "jamais arrive|jamais arrivee|toujours pas arrive|"
	    "toujours pas arrivee|pas livre|pas livree|jamais livre|"
	    "jamais livree|toujours pas|toujours rien|toujours aucun|"
	    "toujours aucune|jattends toujours|jattends depuis|attends depuis|"
	    "attend depuis|depuis des semaines|depuis # semaines|"
	    "depuis # jours|depuis un mois|semaines plus tard|"
	    "ou est ma commande|ou est mon colis|ou en est ma commande|"
	    "ou est passe|ou est passee|arrive casse|arrivee cassee|"
	    "arrive abime|arrivee abimee|ne marche pas|marche pas|"
	    "ne fonctionne pas|fonctionne pas|mauvais article|mauvaise taille|"
	    "mauvaise couleur|mauvaise commande|pas ce que jai commande|"
	    "pas conforme|non conforme|plus jamais|jamais plus|derniere fois|"
	    "pas content|pas contente|pas satisfait|pas satisfaite|mecontent|"
	    "mecontente|insatisfait|insatisfaite|debite deux fois|"
	    "preleve deux fois|paye deux fois|aucune reponse|pas de reponse|"
	    "sans reponse|sans nouvelles|aucune nouvelle|personne ne repond|"
	    "personne ne reponds|vous ne repondez pas|ne repondez pas|"
	    "ne repond pas|argent jete|perte dargent|jen ai marre|ras le bol|"
	    "marre|cest une blague|une blague|honte a vous|cest inadmissible|"
	    "merci pour rien|merci de rien du tout|je veux mon argent|"
	    "rendez moi mon argent|annulez ma commande|mauvaise qualite|"
	    "service client nul|sans ma commande|sans mon colis|colis perdu|"
	    "commande perdue|perime|perimee|pas ce que jattendais|"
	    "pas du tout ce que|a disparu|introuvable|personne ne decroche|"
	    "personne ne rappelle|indique livre|marque comme livre|"
	    "soi disant livre|ne decroche jamais|ne decroche pas|"
	    "ne reviendrai pas|ne reviendrai plus|ne reviendrons pas|"
	    "ne reviendrons plus|troisieme fois|deuxieme fois ce|"
	    "argent par les fenetres|a lache|ont lache|accueil glacial|"
	    "en attente|je mattendais a mieux|attendais a mieux|"
	    "toujours pas rembourse|toujours pas remboursee|pas ete rembourse|"
	    "pas ete remboursee|reviendrai pas|aucune excuse|"
	    "personne ne sest excuse|meme pas dexcuses|meme pas desole|"
	    "je paie pour quoi|pourquoi je paie|fait attendre|du attendre|"
	    "inutilisable|inutile" },
	{ CUE_COMPLAINT, 2,
	    "jattends ma|jattends mon|attends ma|attends mon|ca fait # jours|"
	    "ca fait # semaines|trop long|trop longtemps|en retard|trop tard|"
	    "trop cher|trop chere|trop petit|trop petite|trop grand|"
	    "trop grande|manque|manquant|manquante|manquait|il manque|plainte|"
	    "reclamation|moisi|moisie|fuit|fondu|immangeable|imbuvable|"
	    "pas professionnel|pas serieux|annule|annulee|annuler|"
	    "pourquoi personne|pourquoi ca prend|pourquoi vous ne|"
	    "combien de temps encore|combien de temps dois je|si longtemps|"
	    "aussi longtemps|essaye de vous joindre|essaie de vous joindre|"
	    "# mails|# messages|# appels|trois mails|plusieurs mails|"
	    "encore un retard|attendais mieux|mieux que ca|# minutes|# min|"
	    "# heures|attente|attendre|ne plus|plus du tout" },
	{ CUE_NEGATIVE, 3,
	    "pire|le pire|horrible|affreux|affreuse|nul|nulle|nuls|lamentable|"
	    "inadmissible|inacceptable|scandaleux|scandale|honteux|honte|"
	    "degoutant|degoutante|degueulasse|arnaque|arnaqueur|arnaqueurs|"
	    "arnaquee|escroc|escrocs|escroquerie|voleurs|decu|decue|decus|"
	    "decevant|decevante|deception|casse|cassee|casses|cassees|brise|"
	    "brisee|abime|abimee|endommage|endommagee|defectueux|defectueuse|"
	    "impoli|impolie|mensonge|menteurs|trompeur|trompeuse|furieux|"
	    "furieuse|enerve|enervee|en colere|catastrophe|catastrophique|"
	    "pathetique|minable" },
	{ CUE_NEGATIVE, 2,
	    "mauvais|mauvaise|lent|lente|probleme|problemes|souci|soucis|"
	    "erreur|retard|retarde|retardee|perdu|perdue|disparu|dommage|"
	    "malheureusement|triste|fade|amer|amere|sale|penible|agacant|"
	    "decevoir|mediocre|bof" },
	{ CUE_NEGATIVE, 1, "cher|chere|froid|froide|petit|petite|sec|seche" },
	{ CUE_PRAISE, 2,
	    "pas mal|pas mal du tout|jadore|adore|adorons|adorable|genial|"
	    "geniale|super|top|parfait|parfaite|excellent|excellente|"
	    "magnifique|magnifiques|sublime|superbe|merveilleux|merveilleuse|"
	    "delicieux|delicieuse|delice|un delice|tres bon|tres bonne|"
	    "trop bien|tres bien|incroyable|formidable|fantastique|impeccable|"
	    "ravi|ravie|ravis|content|contente|contents|satisfait|satisfaite|"
	    "satisfaits|heureux|heureuse|recommande|je recommande|"
	    "a recommander|recommander|meilleur|meilleure|le meilleur|"
	    "la meilleure|prefere|preferee|coup de coeur|bravo|felicitations|"
	    "top du top|nickel|canon|trop mignon|mignon|mignonne|un regal|"
	    "regal|merveille|une merveille|# etoiles|jaime|jai adore|kiffe|"
	    "je kiffe|au top|vivement|hate de|jai hate|je reviendrai|me plait|"
	    "ca me plait|plait beaucoup|boutique preferee|client a vie|"
	    "cliente a vie|recommanderai|je recommanderai|a refaire|chapeau|"
	    "extra" },
	{ CUE_PRAISE, 1,
	    "bon|bonne|bien|beau|belle|beaux|belles|joli|jolie|jolis|jolies|"
	    "rapide|rapidement|efficace|aimable|gentil|gentille|sympa|"
	    "sympathique|chaleureux|accueillant|agreable|frais|fraiche|"
	    "qualite|a lheure|dans les temps|aime|pas de souci|aucun souci|"
	    "aucun probleme|rien a redire|rien a dire" },
	{ CUE_THANKS, 2,
	    "merci|merci beaucoup|mille mercis|mille merci|grand merci|"
	    "je vous remercie|remercie|merci bien|un grand merci" },
	{ CUE_QUESTION, 3,
	    "est ce que|est ce quil|est ce quon|est ce qu|quest ce que|"
	    "quest ce qui|savez vous|quelquun sait|quelquun a|quelquun peut|"
	    "est il possible|serait il possible|est ce possible|possible de|"
	    "combien coute|combien ca coute|combien de temps|quel est le prix|"
	    "le prix svp|prix svp|prix stp|prix en mp|prix mp|info svp|"
	    "infos svp|plus dinfo|plus dinfos|plus dinformations|"
	    "je me demandais|je voudrais savoir|jaimerais savoir|"
	    "je souhaiterais savoir|je veux savoir|voudrais savoir|"
	    "pourriez vous|pouvez vous|peux tu|puis je|peut on|avez vous|"
	    "as tu|faites vous|livrez vous|envoyez vous|expediez vous|"
	    "vendez vous|acceptez vous|proposez vous|auriez vous|allez vous|"
	    "comptez vous|y a t il|a t il|a t elle|y aura t il|existe t il|"
	    "est il|est elle|sont ils|sont elles|faut il|dois je|"
	    "encore disponible|toujours disponible|de nouveau disponible|"
	    "en stock|quand est ce|jusqua quelle heure|a quelle heure|"
	    "petite question|une question|jai une question|cest quand|"
	    "ca coute combien|cest combien|je voulais savoir|voulais savoir|"
	    "je voulais demander|je souhaitais savoir|pourriez vous me dire|"
	    "pouvez vous me dire" },
	{ CUE_QUESTION, 2,
	    "question|disponible|disponibles|prix|tarif|tarifs|frais de port|"
	    "livraison en|livraison a|curieux|curieuse|sans gluten|"
	    "sans lactose|sans cereales|sans sucre|vegan|vegetarien|"
	    "vegetalien|interesse|interessee" },
	{ CUE_REQUEST, 2,
	    "merci davance|merci par avance|davance merci|par avance merci|"
	    "je voudrais commander|je veux commander|je souhaite commander|"
	    "je voudrais|jaimerais|je souhaite|je souhaiterais|je cherche|"
	    "contactez moi|appelez moi|envoyez moi|ecrivez moi|vous pourriez|"
	    "tu pourrais|me rappeler|rappelez moi|repondez moi|en mp|en prive|"
	    "mp|dm|aidez moi|besoin daide|merci de me repondre|"
	    "merci de me recontacter" },
	{ CUE_REQUEST, 1, "svp|sil vous plait|stp|sil te plait|aide" },
	{ CUE_SARCASM, 3,
	    "merci pour rien|ben voyons|cest ca oui|mais oui bien sur|"
	    "on adore attendre|super le service|bravo le service" },
	{ CUE_SARCASM, 1,
	    "encore une fois|encore une semaine|comme dhabitude|"
	    "comme toujours|evidemment|bien sur|quelle surprise|trop fort|"
	    "bravo vraiment|quel service" },
	{ CUE_URGENT, 1,
	    "urgent|urgence|au plus vite|immediatement|tout de suite|"
	    "des que possible|asap|rapidement svp" },
	{ CUE_SPAM, 3,
	    "agence marketing|agence de marketing|premiere page de google|"
	    "pret rapide|un pret|sans justificatif|credit rapide|"
	    "non respect de nos|nos regles|eviter la suspension|"
	    "page a ete signalee|plus dabonnes|abonnes|par semaine|par jour|"
	    "par mois|envoie moi un message|ecris moi en prive|"
	    "va voir mon profil|voir mon profil|mon profil|argent facile|"
	    "gagner de largent|travail a domicile|depuis chez vous|investir|"
	    "investissement|crypto|visitez mon profil|abonnez vous|suivez moi|"
	    "lien dans ma bio|lien en bio" },
	{ CUE_SPAM, 2,
	    "concours|jeu concours|gagner|gagne|gagnant|gagnante|gagnants|"
	    "cliquez sur le lien|cliquez ici|gratuit|gratuitement|offert" },
	{ CUE_SCAM, 4,
	    "envoyez nous un message|ecrivez nous en prive|envoyez nous vos|"
	    "envoyez nous votre|numero de carte|coordonnees bancaires|"
	    "donnees bancaires|verifier votre compte|verifiez votre compte|"
	    "confirmer votre compte|confirmez votre compte|confirmez vos|"
	    "votre compte sera|vous avez gagne|tu as gagne|"
	    "vous avez ete selectionne|vous avez ete selectionnee|"
	    "reclamez votre|recuperer votre lot|recuperez votre" },
	{ CUE_SCAM, 2,
	    "votre carte|ta carte|carte bancaire|rib|iban|bloque|suspendu|"
	    "selectionne|selectionnee|lot" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "fane|fanee|fanes|fanees|pourri|pourrie|brule|brulee|gras|grasse|"
	    "raye|rayee|rayure|rayures|cabosse|ecaille|fissure|fissuree|tache|"
	    "taches|tachee|dechire|dechiree|bancal|pue|puant|plante|bloque|"
	    "bloquee|refuse|refusee|frais caches|plaques|allergie|"
	    "reaction allergique|demangeaisons|intoxication|crasseux|"
	    "desagreable|meprisant|bacle|baclee|negligent|gache|gachee|"
	    "reporte|reportee|surcote|sans gout|choque|choquee|scandalise|"
	    "scandalisee|outre|outree|vexe|vexee|injuste|galere|cauchemar|"
	    "chaos|absurde|ne charge pas|defaut|mou|molle|impolitesse" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "encore|de nouveau|a nouveau" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "a couper le souffle|pleure de joie|larmes de joie|pepite|tresor|"
	    "competent|competente|professionnel|professionnelle|patient|"
	    "patiente|genereux|attentionne|attentionnee|elegant|elegante|"
	    "charmant|charmante|croustillant|croustillante|moelleux|moelleuse|"
	    "fondant|fondante|onctueux|solide|confortable|"
	    "rapport qualite prix|bonne affaire|fiable|livraison rapide|"
	    "livre rapidement|vaut le coup|le plus beau|la plus belle|"
	    "le plus rapide|la plus rapide" },
	{ CUE_QUESTION, 3, "ou seulement|ou uniquement|ou juste" },
	{ CUE_NONE, 0,
	    "cordialement|bien cordialement|bonne journee|bonne soiree|"
	    "bon weekend|bonne continuation|bonjour|bonsoir|non seulement|"
	    "pas de probleme|ne vous inquietez pas|pas grave|pas presse|"
	    "bon a savoir|de rien|pas sur|pas sure|ca va|comment allez vous|"
	    "a bientot|bien recu|bien recue|bien arrive|bien arrivee|"
	    "bon appetit|chere equipe|cher service client|cher monsieur|"
	    "chere madame|sans hesiter|sans hesitation|sans aucun doute|"
	    "sans doute|sans probleme|sans souci|joyeux noel|bonne annee|"
	    "joyeuses fetes|bonnes fetes|joyeuses paques" },
	{ CUE_NEGATOR, 0,
	    "pas|ne|jamais|rien|aucun|aucune|sans|ni|guere|nullement|"
	    "loin detre|pas du tout|pas vraiment|pas tres|pas si|"
	    "personne ne" },
	{ CUE_QSTART, 3,
	    "quand|ou|pourquoi|comment|combien|quel|quelle|quels|quelles|qui|"
	    "quoi|lequel|laquelle|lesquels|quelquun" },
	{ CUE_QSTART, 2, "vous|on peut|il y a|peut on|les chiens sont" },
	{ CUE_QEND, 3,
	    "quand|combien|comment|quoi|ou|cest quand|cest combien|pourquoi" },
	{ CUE_NOTQ, 0,
	    "quel bonheur|quelle joie|quel plaisir|quelle belle|quel beau|"
	    "quelle bonne|quel bon|quelle merveille|quel delice|"
	    "quelle horreur|quelle honte|quel dommage|quelle deception|"
	    "quelle surprise|quel service|comment dire|comme toujours|"
	    "comme dhabitude|qui dit|ou bien|ou alors|ou pas|"
	    "comment allez vous" },
	{ CUE_AUX, 3,
	    "pouvez|peux|puis|peut|avez|as|est|sont|etes|es|faites|fais|fait|"
	    "livrez|envoyez|vendez|acceptez|proposez|savez|sais|auriez|"
	    "pourriez|voulez|veux|dois|doit|faut|existe|allez|va|venez|"
	    "comptez|prenez|ouvrez|expediez|reste|restent|serait|serez|sera|"
	    "aurez|aura|avait|etait|livre|envoie|expedie|accepte|propose|"
	    "vend" },
	{ CUE_SUBJECT, 0, "vous|tu|je|il|elle|on|ils|elles|t|nous" },
	{ CUE_COND, 0, "si|au cas ou|en cas de|sauf si|a condition que" },
	{ CUE_GREETING, 0,
	    "bonjour|bonsoir|salut|coucou|hello|allo|madame|monsieur|"
	    "bonjour a tous|bonjour lequipe|chere equipe|"
	    "cher service client" },
	{ CUE_WHY, 0, "pourquoi|comment se fait il|comment ca se fait" },
	{ CUE_ANSWER, 0,
	    "reponse|reponses|repondre|repond|repondez|repondu|rappeler|"
	    "rappelle|decroche|nouvelles" },
	{ CUE_SOMEONE, 0, "quelquun|lun de vous" },
	{ CUE_OWNFAULT, 0,
	    "par erreur|je me suis trompe|je me suis trompee|mon erreur|"
	    "ma faute|jai fait une erreur|par megarde|trompe dadresse|"
	    "trompee dadresse" },
	{ CUE_NEVER, 0, "jamais|au grand jamais" },
	{ CUE_SO, 0, "aussi|si|tellement|autant|pareil|pareille" },
	{ CUE_FUNCTION, 1,
	    "le|la|les|et|est|je|pas|de|des|un|une|mon|ma|mes|vous|pour|avec|"
	    "que|qui|il|ce|cest|sur|tres|du|au|aux|mais|ne|jai|nous|votre|vos|"
	    "merci|bonjour|tout|commande|toujours|depuis|quand" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "ou" },
	{ CUE_EVEN, 0, "meme|vraiment|jamais|au moins" },
	{ CUE_LIKE, 0, "comme" },
	{ CUE_ANSWER, 0,
	    "lisez|lire|lu|lus|messages|mails|mail|boite mail|commentaires" },
	{ CUE_NONE, 0,
	    "plus ou moins|ou non|un ou deux|deux ou trois|tot ou tard|ou quoi|"
	    "ou je|ou jai|ou on|ou lon|ou tu|ou il|ou elle|ou nous|ou ils|"
	    "ou elles|la ou|dou" },
	{ CUE_QUESTION, 3,
	    "je me demande|je me demandais si|jaimerais bien savoir|"
	    "je voudrais bien savoir|savez vous si|quelquun sait si|"
	    "est il vrai|cest vrai que|existe en|existe t il en" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "sent le brule|odeur de brule|odeur de crame|sent bizarre|"
	    "sent mauvais|sent le plastique|odeur bizarre|odeur chimique|"
	    "gout bizarre|gout etrange|gout de rien|un drole de gout|pas cuit|"
	    "pas assez cuit|cru a linterieur|ne marche plus|ne fonctionne plus|"
	    "ne sallume pas|ne sallume plus|ne charge pas|ne charge plus|"
	    "tombe en morceaux|sest decolle|sest detache|mal ecrit|"
	    "faute dorthographe|mauvais prenom|mauvais nom|chez le voisin|"
	    "chez les voisins|mauvaise adresse|pas de nouvelles|aucun sens|"
	    "na aucun sens|nont aucun sens|nimporte quoi|aucune confirmation|"
	    "pas de suivi|deja relance|relance deux fois|demande deux fois|"
	    "plusieurs relances|pas convaincu|pas convaincue" },
	{ CUE_COMPLAINT, 2,
	    "ne va pas|ne me va pas|ne vont pas|taille petit|taille grand|"
	    "taillent petit|taillent grand|trop serre|trop serree|trop large|"
	    "trop court|trop courte|trop longue|trop sec|trop seche|trop dur" },
	{ CUE_NEGATIVE, 2,
	    "fele|ebreche|retreci|delave|decolore|tordu|rouille|rance|moisi|"
	    "crame|fuit|bouloche|effiloche|gondole|ruine" },
	{ CUE_SPAM, 2,
	    "devenir viral|booster|visibilite|plus de visibilite|"
	    "croissance organique|depuis ton telephone|avec ton telephone|"
	    "depuis chez toi" },
	{ CUE_SCAM, 2,
	    "ecris nous|ecrivez nous|contactez nous|contacte nous|envoie nous|"
	    "envoyez nous" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0,
	    "puis je|je peux|peut on|pourrais je|est il possible de|"
	    "est ce que je peux" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2,
	    "accro|fan de|dingue de|fou de|folle de|amoureuse de|"
	    "amoureux de" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3,
	    "activite inhabituelle|activite suspecte|vos donnees|"
	    "vos informations|conserver votre page|votre page sera" },
	{ CUE_QSTART, 3,
	    "jusqua quand|depuis quand|a partir de quand|jusqua quelle heure" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2,
	    "plus de clients|plus de ventes|ta boutique|ton entreprise|"
	    "ta marque|votre boutique|votre entreprise|on fait decoller|"
	    "on booste" },
	{ CUE_PRAISE, 2,
	    "jamais decu|jamais decue|ne decoit jamais|ne decevez jamais|"
	    "jamais decevant" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0,
	    "commande|commandee|paye|payee|achete|achetee|passe commande" },
	{ CUE_SPAN, 0,
	    "# jours|# semaines|# mois|# jour|# semaine|deux semaines|"
	    "trois semaines|une semaine|un mois|depuis lundi|depuis mardi|"
	    "depuis mercredi|depuis jeudi|depuis vendredi|depuis samedi|"
	    "depuis dimanche|la semaine derniere|le mois dernier" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0,
	    "photo|photos|image|images|site|description|annonce" },
	{ CUE_DIFFERENT, 0,
	    "different|differente|rien a voir|ne ressemble pas|"
	    "ne ressemble en rien" },
	{ CUE_ANSWER, 0,
	    "prevenu|prevenue|prevenus|informe|informee|averti|avertie" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "demande moi comment|demandez moi comment|demande moi" },
	/* words a phrase lets in between its own ("not really received") */
	{ CUE_FILLER, 0,
	    "vraiment|totalement|completement|meme|tellement|encore|toujours|"
	    "tres|trop" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0,
	    "au lieu de|alors que|mais jai recu|mais seulement" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2,
	    "etait fermee|etait ferme|etait fermes|porte fermee|"
	    "personne sur place|il ny avait personne|deuxieme fois|"
	    "la deuxieme fois|seconde fois" },
	{ CUE_COMPLAINT, 3,
	    "malade apres|tombe malade|est tombe malade|tombee malade|a vomi|"
	    "vomi|mal au ventre" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "trempe|trempee|mouille|mouillee|boulochee|coince|coincee|"
	    "bougent|inegal|inegale|ecrase|ecrasee|tordue|decoloree|"
	    "grumeleux|en bouillie|bouchonne" },
	{ CUE_COMPLAINT, 3,
	    "raccroche au nez|ma raccroche|jarrete|les prix augmentent|"
	    "portions retrecissent|a moitie vide|controle qualite|"
	    "a la poubelle" },
	{ CUE_PRAISE, 2,
	    "si doux|tellement douce|tellement doux|douce|doux|une tuerie|"
	    "un reve" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "passez sur ma page|passe sur ma page|va voir ma page|"
	    "allez voir ma page|visitez ma page|lien dans notre profil|"
	    "lien dans mon profil|lien dans le profil|lien dans notre bio|"
	    "consultation gratuite|appel gratuit|plus de reservations|"
	    "plus de rendez vous" },
	{ CUE_SPAM, 2, "ma page|sur ma page|ma boutique en ligne" },
	/* done within a span of time is quick, not a wait */
	{ CUE_NONE, 0,
	    "en # minutes|en # min|en moins de # minutes|en # heures" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4,
	    "vous reparez|reparez vous|vous changez|faites vous les reparations|"
	    "est ce que vous reparez" },
	{ CUE_PRAISE, 3,
	    "ne le quitte plus|ne la quitte plus|ne les quitte plus|"
	    "ne veut plus le lacher|ne veut plus la lacher" },
	{ CUE_NONE, 0, "peu importe|peu importe combien" },
	/* how late a thing came, said of the wait */
	{ CUE_COMPLAINT, 2,
	    "# jours apres|# semaines apres|# jours plus tard|"
	    "# semaines plus tard|un mois entier|une semaine entiere|"
	    "un mois pour" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0,
	    "repare|reparee|regle|resolu|resolue|depanne|"
	    "remis en etat|remise en etat|fonctionne a nouveau|"
	    "marche a nouveau|comme neuf|comme neuve" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "aucune plainte|rien a reprocher|aucun reproche|"
	    "sans aucun souci|sans le moindre souci|pas le moindre souci|"
	    "pas un seul souci|se souvient de ma commande|"
	    "connait ma commande|retenu ma commande" },
	{ CUE_NONE, 0,
	    "anti rayures|antirayures|resistant aux rayures|"
	    "resistante aux rayures|impermeable|etanche|anti taches|"
	    "antitaches|incassable|anti reflets" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3,
	    "ne tient pas|tient pas|ne ferme pas|ferme pas bien|"
	    "ne reste pas ferme|se detache tout le temps|"
	    "souvre tout le temps" },
};

const struct classify_lexicon classify_lex_fr = {
	"fr", CLASSIFY_LATIN, 1, "e|s|es", classify_fr,
	nitems(classify_fr)
};
