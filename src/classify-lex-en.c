/*
 * classify-lex-en.c -- the English lexicon of the classifier. Phrases are
 * written folded (classify-private.h): "don't" is "dont", "I'm" is "im".
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_en[] = {
	{ CUE_COMPLAINT, 3,
	    "refund*|money back|my money|never arrived|never received|"
	    "never got|never came|never showed up|not received|not arrived|"
	    "not delivered|not yet received|not yet arrived|havent received|"
	    "havent got|havent gotten|hasnt arrived|hasnt come|"
	    "hasnt been delivered|hasnt shipped|hasnt been shipped|"
	    "didnt arrive|didnt receive|didnt get|didnt come|did not arrive|"
	    "did not receive|did not get|still not|still no|still nothing|"
	    "still waiting|still havent|still hasnt|still dont|still didnt|"
	    "still wont|still cant|been waiting|waiting for weeks|"
	    "waiting for a week|waiting for days|waiting for # weeks|"
	    "waiting for # days|waited # weeks|waited # days|waited for weeks|"
	    "# weeks later|weeks later|where is my order|wheres my order|"
	    "where is my package|wheres my package|where is my parcel|"
	    "wheres my parcel|where is my refund|where is my money|"
	    "where are my|what happened to my|not working|doesnt work|"
	    "does not work|didnt work|stopped working|wont work|wrong order|"
	    "wrong item|wrong size|wrong colour|wrong color|wrong product|"
	    "sent the wrong|sent me the wrong|arrived broken|arrived damaged|"
	    "arrived smashed|not as described|not as pictured|"
	    "not what i ordered|nothing like the picture|fell apart|"
	    "poor quality|bad quality|cheaply made|waste of money|"
	    "waste of time|never again|never ordering again|never order again|"
	    "never buying|never shopping|never coming back|wont be back|"
	    "wont be ordering|wont order again|last time i order|"
	    "last time i buy|charged twice|double charged|charged me twice|"
	    "overcharged|no response|no reply|no answer|no one answers|"
	    "no one replies|no one responds|nobody answers|nobody replies|"
	    "nobody responds|not answering|not responding|not replying|"
	    "ignoring me|ignoring my|ignored my|answer me|answer my|"
	    "reply to my|respond to my|rip off|ripoff|ripped off|shame on you|"
	    "how dare|fed up|sick of|tired of waiting|sort it out|"
	    "sort this out|fix this|do better|not good enough|not acceptable|"
	    "i want my money|give me my money|cancel my order|"
	    "what is going on|whats going on|what a joke|is a joke|lost my|"
	    "lost package|lost parcel|lost order|out of date|"
	    "thanks for nothing|without my order|without my package|"
	    "without an answer|without a reply|without any reply|"
	    "without any answer|without any update|without any news|"
	    "false advertising|not even a reply|not even an answer|"
	    "not what i expected|not what i was expecting|not what i paid for|"
	    "has gone missing|went missing|nowhere to be found|"
	    "cant find it anywhere|says delivered|marked as delivered|"
	    "shows as delivered|shows delivered|but its not here|"
	    "but nothing arrived|# weeks and counting|# days and counting|"
	    "keeps crashing|keeps breaking|keeps failing|got a small|"
	    "got a large|sent a small|sent a large|third time|"
	    "second time this|3rd time|2nd time|wont be coming back|"
	    "never heard back|no one picks up|nobody picks up|doesnt pick up|"
	    "not coming back|not going back|wont go back|never going back|"
	    "on hold for|been on hold|on hold|expect it to last|"
	    "expected it to last|i expect more|expect better|"
	    "nobody apologised|nobody apologized|no one apologised|"
	    "no one apologized|no apology|not even a sorry|"
	    "didnt even say sorry|nobody even said sorry|what am i paying for|"
	    "what did i pay for|what are we paying for|kept me waiting|"
	    "kept us waiting|had to wait|unusable|useless" },
	{ CUE_COMPLAINT, 2,
	    "waiting for my|waiting on my|still in transit|taking so long|"
	    "takes so long|took so long|took forever|taking forever|"
	    "how long do i have to wait|how much longer|why is it taking|"
	    "why hasnt|why havent|why isnt|why doesnt|why didnt|why dont you|"
	    "why wont|why cant|why is no one|why is nobody|missing item|"
	    "missing items|item missing|is missing|was missing|are missing|"
	    "were missing|missing from|too small|too big|too expensive|"
	    "too salty|too sweet|too late|stale|mouldy|moldy|expired|leaking|"
	    "leaked|leaks|melted|scratched|stained|smells|rotten|spoiled|"
	    "spoilt|undrinkable|inedible|tasteless|not worth|overpriced|"
	    "unprofessional|unreliable|incompetent|cancelled|canceled|"
	    "complain*|customer service is|been trying to|tried to contact|"
	    "tried to reach|tried calling|tried emailing|is gone|so long|"
	    "this long|disappeared|# emails|# messages|# calls|three emails|"
	    "two emails|several emails|expected better|again and again|"
	    "doesnt fit|# minutes|# mins|# min|# hours|waiting|queue|queued|"
	    "no longer|anymore" },
	{ CUE_NEGATIVE, 3,
	    "worst|terrible|awful|horrible|horrendous|disgusting|disgusted|"
	    "disgrace*|appalling|atrocious|pathetic|useless|unacceptable|"
	    "ridiculous|outrageous|shocking|scam|scammed|scammers|scammer|"
	    "fraud|fraudulent|liars|lied|lying|misleading|rude|furious|livid|"
	    "angry|disappoint*|broken|damaged|smashed|cracked|shattered|"
	    "defective|faulty|ruined|nightmare|rubbish|crap|crappy|shit|"
	    "shitty|trash|garbage|junk|dreadful|unhappy|upset|frustrat*|"
	    "annoyed|annoying|in pieces|let down|broke|snapped|ripped|torn|"
	    "tore|fell off|came off|came apart|peeling|peeled|faded|shrunk|"
	    "shrank" },
	{ CUE_NEGATIVE, 2,
	    "bad|poor|late|delayed|delay|delays|slow|wrong|problem|problems|"
	    "issue|issues|mistake|error|missing|lost|sad|worried|concerned|"
	    "confused|confusing|mess|messy|dirty|sticky|soggy|bitter|bland|"
	    "weak|fake|flimsy|mediocre|meh|unfortunately|sadly|disorganised|"
	    "disorganized" },
	{ CUE_NEGATIVE, 1,
	    "expensive|pricey|small|tiny|cold|lukewarm|thin|dry|difficult|"
	    "cheap" },
	{ CUE_PRAISE, 2,
	    "not bad|not too bad|not bad at all|love|loved|loving|loves|"
	    "lovely|amazing|awesome|excellent|perfect|perfectly|perfection|"
	    "beautiful|beautifully|gorgeous|stunning|fantastic|wonderful|"
	    "brilliant|superb|delicious|yummy|scrumptious|incredible|"
	    "outstanding|impressive|impressed|great|best|favourite|favorite|"
	    "fav|fave|recommend*|happy|pleased|satisfied|delighted|thrilled|"
	    "glad|exceeded|exceptional|phenomenal|spectacular|fabulous|fab|"
	    "magnificent|exquisite|adore|adorable|obsessed|blown away|"
	    "top notch|first class|five stars|# stars|10 10|well done|"
	    "good job|great job|keep it up|keep up the good work|"
	    "will order again|will be ordering again|will definitely order|"
	    "ordering again|order again|will be back|back for more|legend|"
	    "legends|heaven|heavenly|divine|a must|must have|worth every|"
	    "spot on|on point" },
	{ CUE_PRAISE, 1,
	    "good|nice|cute|sweet|fine|fresh|fast|quick|quickly|speedy|prompt|"
	    "friendly|helpful|kind|pretty|cool|fun|neat|smooth|soft|cozy|cosy|"
	    "tasty|worth|worth it|quality|on time|arrived safely|well packed|"
	    "well packaged|like it|liked it|enjoy|enjoyed|enjoying|congrats|"
	    "congratulations|cant complain|no complaints|never disappoint*|"
	    "never fails|never had a bad|cant recommend enough|"
	    "cant recommend them enough|cant recommend it enough|"
	    "cant recommend you enough|cant recommend this enough|"
	    "cant thank you enough|couldnt be happier|couldnt be more pleased|"
	    "cant fault|cant wait|customer for life|would buy again|"
	    "would order again|will buy again" },
	{ CUE_THANKS, 2,
	    "thank you|thanks|thank u|thankyou|thx|thnx|thanx|tysm|ty|"
	    "many thanks|cheers|much appreciated|appreciate it|appreciate you|"
	    "appreciated|grateful" },
	{ CUE_QUESTION, 3,
	    "does anyone know|anyone know|anybody know|does anybody know|"
	    "do you know|is it possible|would it be possible|"
	    "will it be possible|is there a way|is there any way|any way to|"
	    "any chance|can i|can we|could i|could we|could you|can you|"
	    "would you|will you|do you|did you|are you|do they|does it|"
	    "does this|is it|is this|is there|are there|are they|are these|"
	    "is that|will it|will there be|how much|how long|how many|"
	    "how often|how do i|how do you|how can i|how to order|what time|"
	    "what size|what is the|whats the|which one|where can i|where do i|"
	    "where can we|when will|when is|when does|when do|when can|"
	    "let me know|please advise|i was wondering|im wondering|"
	    "just wondering|wondering if|wondering whether|"
	    "i would like to know|id like to know|i want to know|"
	    "i need to know|would love to know|love to know|like to know|"
	    "want to know|any idea|any ideas|any update|any updates|any news|"
	    "any info|more info|more information|info please|info pls|"
	    "price please|price pls|price plz|pm price|dm price|how much is|"
	    "how much are|is this available|is it available|still available|"
	    "in stock|back in stock|quick question|a question|question about|"
	    "one question|i have a question|got a question" },
	{ CUE_QUESTION, 2,
	    "wondering|curious|question|price|prices|cost|costs|available|"
	    "availability|shipping to|deliver to|ship to|delivery to|"
	    "available in|gluten free|grain free|dairy free|nut free|"
	    "sugar free|lactose free|vegan|vegetarian|halal|interested" },
	{ CUE_REQUEST, 2,
	    "thanks in advance|thank you in advance|thx in advance|"
	    "ty in advance|please send|please tell|please confirm|"
	    "please check|please help|please call|please contact|please reply|"
	    "please respond|please dm|please email|can someone|can somebody|"
	    "someone please|somebody please|i want to order|"
	    "i would like to order|id like to order|i want to buy|"
	    "i would like to buy|id like to buy|id like to|i would like|"
	    "i need|i am looking for|im looking for|looking for|interested in|"
	    "how can i order|dm me|pm me|inbox me|message me|email me|call me|"
	    "text me|get back to me|contact me|send me|tell me|help me|"
	    "need help|need your help" },
	{ CUE_REQUEST, 1, "please|pls|plz|kindly" },
	{ CUE_SARCASM, 3,
	    "thanks for nothing|thanks a lot for nothing|"
	    "thanks for the nothing|yeah right|yea right|so much for|"
	    "love that for me|just what i needed|slow clap|clap clap" },
	{ CUE_SARCASM, 1,
	    "oh great|oh wonderful|oh perfect|oh lovely|oh good|just great|"
	    "just perfect|just brilliant|as usual|yet again|once again|"
	    "another week|another month|another day|another delay|"
	    "another excuse|surprise surprise|what a surprise|of course|sure|"
	    "nice one|cool cool|real professional|very professional|"
	    "really professional|bravo|great service|excellent service" },
	{ CUE_URGENT, 1,
	    "asap|urgent|urgently|immediately|right now|right away|emergency|"
	    "as soon as possible|need it today|need it by" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "wilted|wilting|withered|burnt|burned|overcooked|undercooked|"
	    "greasy|watery|dented|chipped|stinks|stinky|smelly|glitchy|buggy|"
	    "crashes|crashed|freezes|jammed|declined|rejected|refused|"
	    "hidden fees|rash|itchy|irritation|food poisoning|filthy|"
	    "unhygienic|unhelpful|dismissive|arrogant|condescending|shouted|"
	    "yelled|careless|sloppy|messed up|screwed up|wasted|postponed|"
	    "overrated|appalled|horrified|gutted|devastated|heartbroken|"
	    "outraged|insulted|embarrassing|humiliated|unfair|incorrect|"
	    "inaccurate|cheated|robbed|stolen|hassle|disaster|chaos|absurd|"
	    "pointless|worthless|not loading|doesnt load|wont load|defect|"
	    "fault|playing up|acting up|fell apart|rip|broken again" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "again|once more|yet another|still" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "breathtaking|tears of joy|happy tears|made my day|gem|hidden gem|"
	    "treasure|lifesaver|saved the day|above and beyond|attentive|"
	    "knowledgeable|patient|generous|thoughtful|elegant|charming|"
	    "delightful|crispy|juicy|tender|creamy|fluffy|well made|sturdy|"
	    "comfy|comfortable|fits perfectly|true to size|value for money|"
	    "good value|bargain|reliable|quick delivery|fast delivery|"
	    "fast shipping|arrived quickly|well worth|greatest|nicest|finest|"
	    "loveliest|tastiest|fastest|friendliest" },
	{ CUE_QUESTION, 3, "or only|or just|or is it only" },
	{ CUE_NONE, 0,
	    "best regards|kind regards|warm regards|regards|best wishes|"
	    "all the best|good morning|good afternoon|good evening|good night|"
	    "good day|have a nice day|have a good day|have a great day|"
	    "have a lovely day|have a great weekend|have a nice weekend|"
	    "hope you are well|hope youre well|hope you are doing well|"
	    "good luck|not only|no worries|no problem|no problems|"
	    "not a problem|no rush|no hurry|never mind|nevermind|"
	    "doesnt matter|thank god|no need|good to know|to be honest|tbh|"
	    "not sure|im not sure|oh no|on top of|top of|love to|would love|"
	    "i would love|thanks so much for|thank you so much for|"
	    "thanks very much for|thank you very much for|how are you|"
	    "how are you doing|merry christmas|happy christmas|happy holidays|"
	    "happy new year|season greetings|happy easter|eid mubarak|"
	    "without hesitation|without a doubt|no doubt|without fail" },
	{ CUE_NEGATOR, 0,
	    "not|no|never|dont|doesnt|didnt|isnt|wasnt|arent|werent|cant|"
	    "cannot|couldnt|wont|wouldnt|havent|hasnt|hadnt|shouldnt|aint|"
	    "nothing|nobody|none|neither|nor|hardly|barely|without|far from|"
	    "less than|anything but|nowhere near|no one|noone" },
	{ CUE_QSTART, 3,
	    "what|where|when|why|how|who|which|whose|whom|whats|wheres|hows|"
	    "whos|whens|whys|whatre|anyone|anybody|any chance|any way" },
	{ CUE_NOTQ, 0,
	    "how cute|how lovely|how beautiful|how pretty|how sweet|how nice|"
	    "how cool|how amazing|how adorable|how fun|how exciting|"
	    "how gorgeous|how wonderful|how great|how much i love|how happy|"
	    "what a|what an|why not|who doesnt|who else|when in doubt|"
	    "whatever" },
	{ CUE_AUX, 2,
	    "do|does|did|is|are|was|were|can|could|will|would|should|shall|"
	    "may|have|has|am|must" },
	{ CUE_SUBJECT, 0,
	    "i|you|u|we|they|it|he|she|this|that|these|those|there|anyone|"
	    "anybody|someone|somebody|yall|ya|the|my|your|ur|any|our|their|"
	    "his|her" },
	{ CUE_COND, 0,
	    "if|in case|unless|what if|whether|should it|should they|"
	    "provided" },
	{ CUE_GREETING, 0,
	    "hi|hello|hey|hiya|heya|hi there|hello there|hey there|"
	    "good morning|good afternoon|good evening|morning|dear|hey guys|"
	    "hi guys|hello guys|hi team|hello team|hey team|hi all|hello all|"
	    "hi everyone" },
	{ CUE_WHY, 0, "why|how come|whats the reason" },
	{ CUE_ANSWER, 0,
	    "answer|answers|answered|reply|replies|replied|respond|response|"
	    "responded|get back|hear back|heard back|pick up|picks up" },
	{ CUE_SOMEONE, 0, "anyone|anybody|someone|somebody|any of you" },
	{ CUE_OWNFAULT, 0,
	    "by mistake|by accident|accidentally|my mistake|my bad|"
	    "i made a mistake|i messed up|my fault|i typed|mistyped" },
	{ CUE_NEVER, 0, "never|never ever" },
	{ CUE_SO, 0, "so|such|this|that" },
	{ CUE_FUNCTION, 1,
	    "the|and|is|my|you|your|it|this|i|to|for|of|was|with|have|not|are|"
	    "order|please|thanks|what|be|just|so|but|can|will|they|we|its|im|"
	    "dont|got|get|very|really|love|from" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "or" },
	{ CUE_EVEN, 0, "even|actually|ever|at all" },
	{ CUE_LIKE, 0, "like|as" },
	{ CUE_ANSWER, 0,
	    "read|reads|reading|messages|emails|dms|inbox|comments" },
	{ CUE_NONE, 0,
	    "more or less|sooner or later|one or two|two or three|or so|"
	    "or something|or whatever|or not|or else|either way|whether or not|"
	    "or anything|or more|or less" },
	{ CUE_QUESTION, 3,
	    "i wonder|wonder if|do you happen to|happen to know|is it true|"
	    "curious if|curious whether|trying to find out|need to know if|"
	    "could someone tell me|can someone tell me|has anyone tried|"
	    "does it come in|do they come in" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "burning smell|smells burnt|smells like burning|"
	    "smell of burning|chemical smell|smells awful|smells weird|"
	    "smells funny|smells off|tastes off|tasted off|tastes funny|"
	    "tasted funny|tastes weird|tasted weird|tastes of nothing|"
	    "tastes like nothing|raw inside|raw in the middle|still raw|"
	    "all over the place|make no sense|makes no sense|"
	    "size chart is wrong|wont charge|doesnt charge|stopped charging|"
	    "wont turn on|doesnt turn on|wont switch on|dead on arrival|"
	    "came loose|coming apart|falling apart|spelt wrong|"
	    "spelled wrong|misspelled|misspelt|wrong name|"
	    "delivered to the wrong|wrong address|wrong house|nothing yet|"
	    "heard nothing|not heard back|havent heard|no tracking|"
	    "no update|no updates|no confirmation|gone off|went off|"
	    "not impressed|underwhelmed|underwhelming|asked twice|"
	    "asked # times|emailed twice|called twice|asked several times|"
	    "asked multiple times|several times now|# times now" },
	{ CUE_COMPLAINT, 2,
	    "didnt fit|dont fit|does not fit|wont fit|runs small|runs large|"
	    "runs big|comes up small|came up small|comes up big|came up big|"
	    "fits like|too tight|too loose|too short|too long|too thin|too dry|"
	    "too hard" },
	{ CUE_NEGATIVE, 2,
	    "inconsistent|uneven|lumpy|doughy|rancid|wobbly|bent|pilling|"
	    "bobbled|frayed|fraying|discoloured|discolored|mislabelled|"
	    "mislabeled|unanswered|leaky|musty|tacky|warped|rusty|rusted|"
	    "mushy|curdled|crumbling|crumbled|split|splitting" },
	{ CUE_SPAM, 2, "from your phone|with your phone|a day from home" },
	{ CUE_SCAM, 2,
	    "contact us|reach out to us|drop us a dm|drop us a message|"
	    "hit us up|text us" },
	{ CUE_SARCASM, 1,
	    "love how|gotta love|got to love|wow just wow|thanks a lot" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0,
	    "can i|could i|may i|can we|could we|is it possible to|"
	    "would it be possible to|am i able to" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2,
	    "cant get enough|addicted to|obsessed with|in love with|"
	    "crazy about|mad about" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2,
	    "your store|your shop|your business|your brand|your sales|"
	    "get sales|more sales|our team can|we can help you|"
	    "we help brands|we help businesses|10x" },
	{ CUE_NEGATIVE, 3, "fallen off|falling off|fallen apart|come apart" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0,
	    "ordered|order|paid|bought|placed an order|purchased" },
	{ CUE_SPAN, 0,
	    "# days|# weeks|# months|# day|# week|# month|a week ago|"
	    "a month ago|two weeks|three weeks|four weeks|two months|"
	    "ten days|days ago|weeks ago|since monday|since tuesday|"
	    "since wednesday|since thursday|since friday|since saturday|"
	    "since sunday|since last week|last month" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0,
	    "photo|photos|picture|pictures|pic|pics|image|images|website|"
	    "description|listing|advert|colour on screen" },
	{ CUE_DIFFERENT, 0, "different|nothing like|not like|differs" },
	{ CUE_PRAISE, 2,
	    "doesnt do it justice|dont do it justice|does not do it justice|"
	    "dont do them justice" },
	{ CUE_ANSWER, 0, "told|informed|notified|warned" },
	/* words a phrase lets in between its own ("not really received") */
	{ CUE_FILLER, 0,
	    "really|very|totally|completely|actually|even|just|yet|so|too|"
	    "properly|entirely|fully" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0,
	    "instead of|instead|whereas|but got|but received|but only" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2,
	    "was closed|was shut|were closed|were shut|shut when|closed when|"
	    "door was locked|nobody there|no one there|the second time|"
	    "for the second time|second time now" },
	{ CUE_COMPLAINT, 3,
	    "got sick|was sick after|been sick|made me sick|made him sick|"
	    "made her sick|made them sick|sick after|ill after|threw up|"
	    "vomiting|upset stomach|stomach ache" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "soaked|drenched|pilled|stuck|jammed shut|wobbles|wobble|patchy|"
	    "corked|mush|crushed|squashed|unravelled|tarnished|clumpy|runny" },
	{ CUE_COMPLAINT, 3,
	    "hung up on me|hung up|cut me off|im done with|im out|"
	    "done with this place|prices went up|portions shrank|"
	    "smaller portions|half empty|quality control|gave up|"
	    "threw it away|had to throw|in the bin" },
	{ CUE_PRAISE, 2,
	    "nailed it|nailed|so soft|made my week|a hit|a dream|dreamy|"
	    "chefs kiss|slaps|unreal" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "check out my page|check my page|visit my page|see my page|"
	    "look at my page|link in profile|link in our profile|"
	    "link in our bio|free consultation|free strategy call|"
	    "more bookings|more appointments" },
	{ CUE_SPAM, 2, "on my page|my store|my shop|# off" },
	/* done within a span of time is quick, not a wait */
	{ CUE_NONE, 0,
	    "within # minutes|within # mins|within # hours|"
	    "in under # minutes|in # minutes|in # mins|ready in # minutes|"
	    "done in # minutes" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4,
	    "do you fix|do you repair|can you fix|can you repair|do you mend|"
	    "can you mend|do you replace|do you do repairs|do you alter" },
	{ CUE_PRAISE, 3,
	    "cant put it down|cant stop wearing|cant stop using|"
	    "cant stop eating|hasnt let go of|wont let go of|"
	    "hasnt put it down|never takes it off" },
	{ CUE_NONE, 0, "no matter how|no matter how much|no matter what" },
	/* how late a thing came, said of the wait */
	{ CUE_COMPLAINT, 2,
	    "# days later|a whole month|a whole week|a month to ship|"
	    "a month to arrive|a week to ship" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0,
	    "fixed|fixed it|fixed them|sorted it|sorted them|sorted out|"
	    "replaced it|sorted it out|solved|resolved|repaired|put right|"
	    "got it working|working again|works again|good as new|"
	    "back to normal" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "not a single complaint|not one complaint|zero complaints|"
	    "nothing to complain about|no complaint|couldnt fault|"
	    "nothing to fault|not a single problem|no problems at all|"
	    "no issues at all|remembered my order|remembers my order|"
	    "remembered my name|remembers my name|knew my order" },
	{ CUE_NONE, 0,
	    "scratch resistant|scratch proof|scratchproof|waterproof|"
	    "water resistant|stain resistant|shatterproof|anti scratch|"
	    "anti glare|leak proof|leakproof" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3,
	    "wont stay shut|wont stay closed|wont stay on|doesnt stay shut|"
	    "doesnt stay closed|wont close|doesnt close|wont shut|doesnt shut|"
	    "keeps falling off|keeps coming off|keeps coming loose" },
};

const struct classify_lexicon classify_lex_en = {
	"en", CLASSIFY_LATIN, 0, "s|ly", classify_en,
	nitems(classify_en)
};
