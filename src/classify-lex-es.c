/*
 * classify-lex-es.c -- the Spanish lexicon of the classifier (folded, see
 * classify-private.h: "¿dónde está?" is "donde esta", "dañado" is
 * "danado"). Folding makes "qué" and "que" one word, so "que" only asks
 * in phrases ("que precio", "a que hora"), and "¿" does the rest.
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_es[] = {
	{ CUE_COMPLAINT, 3,
	    "reembolso|reembolsen|devolucion del dinero|devuelvan mi dinero|"
	    "devuelvanme|mi dinero|no ha llegado|no me ha llegado|no llego|"
	    "no me llego|nunca llego|nunca me llego|todavia no llega|"
	    "aun no llega|no recibi|no he recibido|nunca recibi|"
	    "sigo esperando|sigue sin llegar|sigo sin|llevo esperando|"
	    "llevo # semanas|llevo # dias|hace # semanas|hace semanas|"
	    "semanas despues|donde esta mi pedido|donde esta mi paquete|"
	    "donde esta mi compra|que pasa con mi pedido|"
	    "que paso con mi pedido|llego roto|llego rota|llego danado|"
	    "llego danada|no funciona|no sirve|no anda|no es lo que pedi|"
	    "no es lo que|no corresponde|pedido equivocado|talla equivocada|"
	    "color equivocado|producto equivocado|nunca mas|jamas vuelvo|"
	    "no vuelvo a comprar|no vuelvo|ultima vez que|no estoy contento|"
	    "no estoy contenta|no estoy satisfecho|no estoy satisfecha|"
	    "cobrado dos veces|cobraron dos veces|me cobraron doble|"
	    "doble cobro|sin respuesta|no responden|no contestan|"
	    "nadie responde|nadie contesta|nadie me responde|no me responden|"
	    "no me contestan|me ignoran|dinero tirado|tirar el dinero|"
	    "una broma|falta de respeto|quiero mi dinero|cancelen mi pedido|"
	    "gracias por nada|mala calidad|pesimo servicio|mal servicio|"
	    "sin mi pedido|sin mi paquete|se perdio|paquete perdido|"
	    "pedido perdido|caducado|vencido|estoy harto|estoy harta|"
	    "no es lo que esperaba|ha desaparecido|desaparecio|no aparece|"
	    "no lo encuentro|nadie coge el telefono|no cogen el telefono|"
	    "no cogen|no contestan el telefono|sin llegar|todavia sin|aun sin|"
	    "pone entregado|aparece como entregado|marcado como entregado|"
	    "tercera vez|segunda vez este|no vuelvo mas|no volvere|"
	    "me atendieron fatal|atendieron fatal|ni me miro|se rompio|"
	    "se rompieron|se ha roto|se han roto|no me han devuelto|"
	    "no me devolvieron|en espera|espero que dure|ni una disculpa|"
	    "nadie pidio perdon|nadie se disculpo|sin disculpas|para que pago|"
	    "me hicieron esperar|tuve que esperar|inutil|no sirve para nada" },
	{ CUE_COMPLAINT, 2,
	    "esperando mi|espero mi|todavia no|aun no|tarda mucho|"
	    "tardan mucho|tarda tanto|demasiado tiempo|muy tarde|"
	    "demasiado caro|muy caro|muy pequeno|muy pequena|muy grande|falta|"
	    "faltaba|faltan|faltaban|queja|reclamo|reclamacion|moho|derretido|"
	    "podrido|poco profesional|cancelado|cancelada|por que tarda|"
	    "por que nadie|por que no me|cuanto tiempo mas|hasta cuando|"
	    "tanto tiempo|tan lento|intento contactar|intentado contactar|"
	    "# correos|# mensajes|# llamadas|tres correos|varios correos|"
	    "otra vez retraso|esperaba mas|# minutos|# min|# horas|espera|"
	    "esperando|ya no" },
	{ CUE_NEGATIVE, 3,
	    "peor|el peor|la peor|horrible|terrible|pesimo|pesima|fatal|"
	    "asqueroso|asquerosa|asco|vergonzoso|verguenza|inaceptable|"
	    "ridiculo|indignante|indignado|indignada|estafa|estafadores|"
	    "estafado|estafada|timo|fraude|ladrones|decepcion|decepcionado|"
	    "decepcionada|decepcionante|roto|rota|rotos|rotas|danado|danada|"
	    "estropeado|estropeada|defectuoso|defectuosa|maleducado|"
	    "maleducada|grosero|grosera|mentira|mentirosos|enganoso|enganosa|"
	    "enojado|enojada|enfadado|enfadada|furioso|furiosa|molesto|"
	    "molesta|desastre|basura|porqueria|lamentable" },
	{ CUE_NEGATIVE, 2,
	    "malo|mala|mal|lento|lenta|problema|problemas|error|errores|"
	    "equivocado|equivocada|incorrecto|incorrecta|retraso|retrasado|"
	    "demora|perdido|perdida|lastima|pena|triste|soso|sosa|amargo|"
	    "sucio|sucia|desgraciadamente|lamentablemente|desafortunadamente|"
	    "mediocre|regular" },
	{ CUE_NEGATIVE, 1, "caro|cara|frio|fria|pequeno|pequena|seco|seca" },
	{ CUE_PRAISE, 2,
	    "no esta mal|nada mal|me encanta|me encanto|me encantan|encanta|"
	    "encantada|encantado|encantadora|amo|lo amo|la amo|los amo|"
	    "las amo|precioso|preciosa|preciosos|preciosas|hermoso|hermosa|"
	    "bellisimo|bellisima|riquisimo|riquisima|delicioso|deliciosa|"
	    "excelente|perfecto|perfecta|genial|increible|maravilloso|"
	    "maravillosa|espectacular|fantastico|fantastica|buenisimo|"
	    "buenisima|muy bueno|muy buena|super|top|feliz|felices|contento|"
	    "contenta|contentos|satisfecho|satisfecha|recomiendo|"
	    "lo recomiendo|los recomiendo|recomendado|recomendable|"
	    "muy recomendable|el mejor|la mejor|los mejores|favorito|favorita|"
	    "buen servicio|gran servicio|crack|cracks|bravo|felicidades|"
	    "felicitaciones|# estrellas|volvere a comprar|volvere|repetire|"
	    "sin duda|una maravilla|una pasada|lo maximo|de lujo|chulisimo|"
	    "me gusto mucho|me gusta mucho|que ganas|tienda favorita|"
	    "cliente para siempre|repetire seguro|un amor|son un amor|"
	    "fueron un amor" },
	{ CUE_PRAISE, 1,
	    "me gusta|me gusto|me gustan|gusta|bonito|bonita|bonitos|bonitas|"
	    "lindo|linda|lindos|lindas|bello|bella|rico|rica|bueno|buena|"
	    "buenos|mejor|rapido|rapida|rapidez|amable|amables|atento|atenta|"
	    "atentos|calidad|de calidad|a tiempo|bien|muy bien|chulo|chula|"
	    "sin problemas|ningun problema" },
	{ CUE_THANKS, 2,
	    "gracias|muchas gracias|mil gracias|muchisimas gracias|"
	    "gracias mil|se agradece|agradecida|agradecido|les agradezco|"
	    "te agradezco|le agradezco|gracias totales" },
	{ CUE_QUESTION, 3,
	    "alguien sabe|saben si|sabes si|sabe si|se puede|es posible|"
	    "seria posible|cuanto cuesta|cuanto cuestan|cuanto sale|"
	    "cuanto vale|que precio|precio por favor|precio porfa|precio xfa|"
	    "precio inbox|precio al privado|info por favor|mas info|"
	    "mas informacion|informacion por favor|me gustaria saber|"
	    "quisiera saber|quiero saber|queria saber|queria preguntar|"
	    "quisiera preguntar|una pregunta|tengo una pregunta|"
	    "me pueden decir|me podrian decir|me puedes decir|pueden decirme|"
	    "podrian decirme|hacen envios|hacen envio|envian a|envios a|"
	    "tienen envio|tienen stock|tienen en|tienen disponible|hay envio|"
	    "hay envios|hay stock|hay disponibilidad|hay tallas|hay alguna|"
	    "hay algun|hay forma|hay manera|sigue disponible|esta disponible|"
	    "estan disponibles|cuando llega|cuando sale|cuando vuelve|"
	    "cuando vuelven|cuanto tarda|cuanto tardan|cuanto tiempo|"
	    "a que hora|hasta que hora|donde puedo|como puedo|como hago|"
	    "que tal es|alguien ha probado|alguien lo ha probado|aceptan|"
	    "puedo pagar|puedo pedir|puedo comprar|puedo cambiar|"
	    "puedo devolver|pueden enviar|pueden mandar|me podeis decir|"
	    "se pueden|me recomendais|que me recomiendan|podeis decirme|"
	    "me podriais decir|me pueden confirmar|haceis envios|teneis|"
	    "quedan|queda alguno|queda alguna" },
	{ CUE_QUESTION, 2,
	    "pregunta|duda|disponible|disponibles|precio|precios|costo|envio|"
	    "envios|curiosidad|sin gluten|sin lactosa|sin cereales|sin azucar|"
	    "vegano|vegana|vegetariano|le interesa|interesa" },
	{ CUE_REQUEST, 2,
	    "gracias de antemano|de antemano gracias|gracias por adelantado|"
	    "quiero pedir|quiero comprar|quisiera pedir|quisiera comprar|"
	    "me gustaria pedir|me gustaria comprar|quiero encargar|quiero uno|"
	    "quiero una|me interesa|interesada|interesado|contactenme|"
	    "escribanme|llamenme|al privado|por privado|inbox|md|dm|ayuda|"
	    "ayudenme|necesito|estoy buscando|busco" },
	{ CUE_REQUEST, 1, "por favor|porfa|porfavor|xfa|plis|pls" },
	{ CUE_SARCASM, 3,
	    "gracias por nada|muchas gracias por nada|si claro|"
	    "claro que si eh|que bien eh|genial eh|bravo eh|"
	    "excelente servicio eh" },
	{ CUE_SARCASM, 1,
	    "como siempre|otra vez|otra semana|una semana mas|que sorpresa|"
	    "felicidades por|por supuesto|claro" },
	{ CUE_URGENT, 1,
	    "urgente|urgencia|ya mismo|inmediatamente|cuanto antes|"
	    "lo antes posible|asap|de inmediato|hoy mismo" },
	{ CUE_SPAM, 3,
	    "agencia de marketing|primera pagina de google|prestamo|prestamos|"
	    "sin papeles|credito rapido|incumplir nuestras normas|"
	    "nuestras normas|evitar la suspension|verifique su cuenta|"
	    "ha sido denunciada|mas seguidores|seguidores reales|"
	    "comprar seguidores|a la semana|al dia|al mes|"
	    "escribeme por privado|escribeme al dm|mira mi perfil|mi perfil|"
	    "gana dinero|ganar dinero|dinero facil|desde casa|"
	    "trabajo desde casa|invierte|inversion|invertir|cripto|"
	    "criptomonedas|visita mi perfil|sigueme|siganme|link en mi bio|"
	    "enlace en mi bio" },
	{ CUE_SPAM, 2,
	    "sorteo|gana|ganador|ganadora|ganadores|premio|premios|haz clic|"
	    "haz click|click en el link|enlace en bio|link en bio|gratis|"
	    "seguidores|escribeme|ganar" },
	{ CUE_SCAM, 4,
	    "envianos un mensaje|escribenos al privado|envianos tu|"
	    "envianos tus|envianos los datos|numero de tarjeta|"
	    "datos de la tarjeta|datos de tu tarjeta|datos bancarios|"
	    "verifica tu cuenta|verificar tu cuenta|confirma tu cuenta|"
	    "confirme su cuenta|confirma tus datos|tu cuenta sera|"
	    "su cuenta sera|has ganado|ha ganado|has sido seleccionado|"
	    "has sido seleccionada|reclama tu|reclamar tu|reclama su premio" },
	{ CUE_SCAM, 2,
	    "tu tarjeta|su tarjeta|cuenta bancaria|bloqueada|suspendida|"
	    "seleccionado|seleccionada|tu premio|su premio" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "marchito|marchita|marchitas|marchitos|quemado|quemada|grasiento|"
	    "salado|rayado|rayada|abollado|abollada|agrietado|grieta|mancha|"
	    "manchas|manchado|manchada|descosido|apesta|huele mal|colgado|"
	    "rechazado|rechazada|denegado|cargos ocultos|sarpullido|alergia|"
	    "reaccion alergica|picor|intoxicacion|antihigienico|borde|"
	    "antipatico|antipatica|arrogante|me grito|chapuza|descuidado|"
	    "aplazado|sobrevalorado|sin sabor|escandalizado|ofendido|ofendida|"
	    "injusto|falso|falsa|robado|pesadilla|caos|absurdo|no carga|"
	    "no abre|defecto|blanda|blando|falla|fallar" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "otra vez|de nuevo|nuevamente|sigue" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "impresionante|lloro de felicidad|lagrimas de felicidad|"
	    "me alegro el dia|joya|tesoro|profesional|profesionales|paciente|"
	    "generoso|detallista|elegante|encantador|acogedor|crujiente|"
	    "jugoso|cremoso|esponjoso|resistente|comodo|comoda|calidad precio|"
	    "una ganga|fiable|envio rapido|llego rapido|vale la pena|"
	    "merece la pena|la mas bonita|el mas bonito|de diez|mas rapido|"
	    "mas rapida" },
	{ CUE_QUESTION, 3, "o solo|o solamente|o nada mas" },
	{ CUE_NONE, 0,
	    "saludos|un saludo|buenos dias|buenas tardes|buenas noches|"
	    "buen dia|que tengas|que tengan|feliz dia|no solo|no solamente|"
	    "no hay problema|no te preocupes|no se preocupe|no pasa nada|"
	    "sin prisa|no importa|bueno saber|no estoy seguro|no estoy segura|"
	    "hace falta|por la tarde|esta tarde|como estas|como estan|que tal|"
	    "sin dudarlo|sin duda alguna|sin problema|sin ningun problema|"
	    "feliz navidad|felices fiestas|feliz ano nuevo|feliz ano|"
	    "prospero ano" },
	{ CUE_NEGATOR, 0,
	    "no|nunca|jamas|nada|ningun|ninguna|ninguno|nadie|sin|ni|tampoco|"
	    "ni siquiera|para nada|nada de|lejos de" },
	{ CUE_QSTART, 3,
	    "como|cuando|donde|por que|cuanto|cuanta|cuantos|cuantas|cual|"
	    "cuales|quien|quienes|adonde|a donde|que precio|a que hora|tienen|"
	    "tienes|tiene|hacen|haces|venden|vendes|envian|envias|mandan|"
	    "aceptan|puedo|puedes|pueden|podria|podrian|podemos|alguien|"
	    "hay envio|hay stock|podeis|teneis|haceis|vendeis|enviais|"
	    "aceptais|quedan|queda|se pueden|se puede" },
	{ CUE_QSTART, 2,
	    "ustedes|vosotros|hay|me recomiendan|recomendais|que|os quedan|"
	    "les quedan" },
	{ CUE_QSTART, 3,
	    "me podrian|me podria|me pueden|me puede|me puedes|me podrias|"
	    "nos podrian|nos pueden|se puede entrar" },
	{ CUE_QEND, 3,
	    "cuando|cuanto|donde|como|por que|cuantos|cual|hasta cuando" },
	{ CUE_NOTQ, 0,
	    "que bonito|que bonita|que lindo|que linda|que rico|que rica|"
	    "que bueno|que buena|que maravilla|que belleza|que hermoso|"
	    "que hermosa|que bello|que bella|que guapo|que guapa|que chulo|"
	    "que pasada|que delicia|que gusto|que alegria|que emocion|"
	    "que ganas|que mal|que pena|que verguenza|que horror|que asco|"
	    "que desastre|que lastima|que fuerte|que bien|como siempre|"
	    "como me gusta|como me encanta|cuando quieras|tienen que|"
	    "tienes que|tiene que|hay que|como estas|como estan|"
	    "cuanto me gusta|cuanto amor" },
	{ CUE_COND, 0, "si|en caso de|por si|a menos que|en caso que" },
	{ CUE_GREETING, 0,
	    "hola|buenas|buenos dias|buenas tardes|buenas noches|buen dia|"
	    "hola buenas|saludos|estimados|estimado|estimada|hola a todos|"
	    "holis|hey" },
	{ CUE_WHY, 0, "por que|porque|como es que|a que se debe" },
	{ CUE_ANSWER, 0,
	    "respuesta|respuestas|responder|responden|responde|contestar|"
	    "contestan|contesta|contestado|respondido|coger el telefono|"
	    "cogen el telefono" },
	{ CUE_SOMEONE, 0, "alguien|alguno de ustedes|alguno de vosotros" },
	{ CUE_OWNFAULT, 0,
	    "por error|me equivoque|mi error|mi culpa|me confundi|sin querer|"
	    "equivoque" },
	{ CUE_NEVER, 0, "nunca|jamas" },
	{ CUE_SO, 0, "tan|tanto|tanta|semejante" },
	{ CUE_FUNCTION, 1,
	    "el|la|los|las|y|es|que|de|mi|no|por|para|con|un|una|muy|pero|lo|"
	    "su|esta|hay|me|ya|del|al|se|le|les|mis|tengo|pedido|gracias|hola|"
	    "todo|como|cuando|donde|tienen" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "o|u" },
	{ CUE_EVEN, 0, "siquiera|acaso|alguna vez|de verdad|realmente" },
	{ CUE_LIKE, 0, "como" },
	{ CUE_ANSWER, 0,
	    "leen|leeis|leer|leido|mensajes|correos|comentarios|bandeja" },
	{ CUE_NONE, 0,
	    "mas o menos|o no|uno o dos|dos o tres|tarde o temprano|o algo|"
	    "o algo asi|o sea|o lo que sea" },
	{ CUE_QUESTION, 3,
	    "me pregunto|me preguntaba|alguien sabe si|es verdad que|existe en|"
	    "viene en|lo tienen en|la tienen en|los tienen en|las tienen en" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "huele a quemado|olor a quemado|huele raro|huele mal|olor raro|"
	    "olor quimico|sabe raro|sabe mal|sabia raro|sabia mal|"
	    "no sabe a nada|crudo por dentro|cruda por dentro|"
	    "no funciona mas|dejo de funcionar|ya no funciona|ya no va|"
	    "no enciende|no carga|se despego|se deshizo|mal escrito|"
	    "nombre equivocado|nombre mal|al vecino|a los vecinos|"
	    "direccion equivocada|nada todavia|todavia nada|sin noticias|"
	    "ninguna noticia|ni una respuesta|no tiene sentido|"
	    "no tienen sentido|ningun sentido|no cuadra|no cuadran|"
	    "sin confirmacion|sin seguimiento|pedi dos veces|"
	    "reclame dos veces|varias veces" },
	{ CUE_COMPLAINT, 2,
	    "no me queda|no le queda|no me quedan|no queda bien|no cierra|"
	    "talla pequeno|talla grande|tallan pequeno|tallan grande|"
	    "viene pequeno|viene grande|muy ajustado|muy apretado|"
	    "muy holgado|muy corto|muy largo|demasiado ajustado|"
	    "demasiado apretado|demasiado corto|demasiado largo|muy seco|"
	    "demasiado seco|muy duro" },
	{ CUE_NEGATIVE, 2,
	    "rajado|astillado|encogido|encogio|destenido|doblado|torcido|"
	    "oxidado|rancio|mohoso|podrido|gotea|chafado|arruinado|arruino" },
	{ CUE_SPAM, 2,
	    "hacerte viral|volverte viral|mas alcance|alcance|crecer tu cuenta|"
	    "crecimiento organico|desde tu movil|desde tu celular|con tu movil|"
	    "con tu celular" },
	{ CUE_SCAM, 2,
	    "escribenos|contactanos|mandanos|envianos|escribanos|contactenos" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0, "puedo|podria|se puede|es posible|podemos" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2,
	    "me chifla|me flipa|me mola|me fascina|enamorada de|enamorado de|"
	    "loca por|loco por" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3,
	    "actividad inusual|actividad sospechosa|sus datos|tus datos|"
	    "conservar su pagina|conservar tu pagina|su pagina sera" },
	{ CUE_QSTART, 3, "hasta cuando|desde cuando|a partir de cuando" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2,
	    "mas clientes|mas ventas|tu tienda|tu negocio|tu marca|te ayudamos|"
	    "hacemos crecer" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0,
	    "pedi|pedido|pedimos|pague|pagado|compre|comprado|encargue" },
	{ CUE_SPAN, 0,
	    "# dias|# semanas|# meses|# dia|# semana|# mes|dos semanas|"
	    "tres semanas|una semana|un mes|desde el lunes|desde el martes|"
	    "desde el miercoles|desde el jueves|desde el viernes|"
	    "desde el sabado|desde el domingo|la semana pasada|el mes pasado" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0,
	    "foto|fotos|imagen|imagenes|web|descripcion|anuncio" },
	{ CUE_DIFFERENT, 0,
	    "diferente|distinto|distinta|nada que ver|no se parece" },
	{ CUE_ANSWER, 0,
	    "avisado|avisaron|avisan|informado|informaron|dijeron" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "preguntame como|preguntame" },
	/* words a phrase lets in between its own ("not really received") */
	{ CUE_FILLER, 0,
	    "nada|realmente|totalmente|completamente|siquiera|aun|"
	    "todavia|muy|tan|bien" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0,
	    "en vez de|en lugar de|mientras que|pero me llego|pero solo" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2,
	    "estaba cerrada|estaba cerrado|estaban cerrados|no habia nadie|"
	    "segunda vez|por segunda vez" },
	{ CUE_COMPLAINT, 3,
	    "se puso malo|se puso mala|me puse malo|me puse mala|"
	    "enfermo despues|enferma despues|vomito|vomitando|"
	    "dolor de barriga|dolor de estomago" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "empapado|empapada|mojado|mojada|bolitas|rancia|atascado|"
	    "atascada|atasca|cojea|cojean|a parches|aplastado|aplastada|"
	    "deshilachado|destino|grumoso|deshecho|deshecha|picado" },
	{ CUE_COMPLAINT, 3,
	    "me colgaron|me colgo|suben los precios|raciones mas pequenas|"
	    "medio vacia|medio vacio|control de calidad cero|a la basura" },
	{ CUE_PRAISE, 2,
	    "suavisima|suavisimo|un exitazo|exitazo|un sueno|"
	    "majo|maja" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "pasate por mi pagina|pasen por mi pagina|mira mi pagina|"
	    "visita mi pagina|link en nuestro perfil|enlace en nuestro perfil|"
	    "link en el perfil|link en mi perfil|enlace en mi perfil|"
	    "asesoria gratis|asesoria gratuita|consulta gratis|"
	    "consulta gratuita|mas reservas|mas citas" },
	{ CUE_SPAM, 2, "mi pagina|en mi pagina|mi tienda online" },
	/* done within a span of time is quick, not a wait */
	{ CUE_NONE, 0,
	    "en # minutos|en # min|en menos de # minutos|en # horas" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4,
	    "arreglais|reparais|arreglan|reparan|cambiais la|cambian la" },
	{ CUE_PRAISE, 3,
	    "no lo suelta|no la suelta|no se lo quita|no se la quita|"
	    "no los suelta|no me lo quito" },
	{ CUE_NONE, 0, "por mas que|por mucho que|da igual cuanto" },
	/* how late a thing came, said of the wait */
	{ CUE_COMPLAINT, 2,
	    "# dias despues|# semanas despues|un mes despues|un mes entero|"
	    "una semana entera|un mes para" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0,
	    "arreglaron|arreglado|arreglada|arreglo|reparado|reparada|"
	    "repararon|solucionaron|solucionado|solucionada|resolvieron|"
	    "resuelto|resuelta|como nueva|como nuevo|funciona otra vez|"
	    "funciona de nuevo" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "ninguna queja|sin queja|sin quejas|cero quejas|nada que reprochar|"
	    "nada que objetar|un encanto|son un encanto|es un encanto|"
	    "se acuerda de mi pedido|se acordo de mi pedido|"
	    "ya sabe lo que pido" },
	{ CUE_NONE, 0,
	    "antiaranazos|anti aranazos|"
	    "resistente a los aranazos|impermeable|"
	    "resistente al agua|antimanchas|irrompible|antirreflejo" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3,
	    "no cierra bien|no se queda cerrado|no se queda cerrada|"
	    "se cae todo el rato|se suelta todo el rato|se abre todo el rato|"
	    "se abre sola|se abre solo" },
};

const struct classify_lexicon classify_lex_es = {
	"es", CLASSIFY_LATIN, 0, "s|es|o>a|o>as", classify_es,
	nitems(classify_es)
};
