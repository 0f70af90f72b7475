/*
 * classify-lex-any.c -- the lexicon read for every text, whatever its
 * language: spam and the scams of impostors, which are mostly written in
 * English wherever they are posted, and the few English words of praise
 * and thanks that every language borrows. See classify-private.h for how
 * phrases are written.
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_any[] = {
	/* Spam that needs nothing else to be spam. */
	{ CUE_SPAM, 4,
	    "crypto|cryptocurrency|bitcoin|btc|usdt|ethereum|nft|nfts|airdrop|"
	    "forex|binary options|onlyfans|only fans|sugar daddy|sugar mommy|"
	    "hot singles|free followers|buy followers|cheap followers|"
	    "get followers|gain followers|real followers|passive income|"
	    "financial freedom|work from home|make money|earn money|"
	    "earn # daily|earn # a day|earn # per day|earn # weekly|"
	    "investment platform|invest with|account manager|trading account|"
	    "check my bio|check my profile|visit my profile|click my profile|"
	    "see my profile|look at my profile|link in my bio|dm me for|"
	    "dm for collab|promote your|promotion for your|boost your|"
	    "grow your page|grow your account|brand ambassador|casino|jackpot|"
	    "sports betting|pay day loan|payday loan|instant loan|hot pics|"
	    "hot photos|click here|claim your prize|claim your reward|"
	    "claim your gift|claim now|more followers|more likes|promote it|"
	    "promote your page|earn # per week|earn # a week|earn # per month|"
	    "earn # a month|crypto trader|forex trader|dm me for info|"
	    "community guidelines|community standards|avoid suspension|"
	    "avoid being suspended|reported for violating|violating our|"
	    "page has been reported|quick loan|fast loan|loan without|"
	    "sugar baby|marketing agency|page 1 of google|"
	    "first page of google|page one of google|top of google|"
	    "increase your sales|grow your business|website redesign" },
	{ CUE_SPAM, 2,
	    "giveaway|give away|free gift|win a|win an|winner|winners|you won|"
	    "you have won|youve won|claim your|claim it|click the link|"
	    "click link|click on the link|link in bio|link in the bio|"
	    "follow me|follow back|follow for follow|f4f|sub4sub|l4l|trading|"
	    "invest|investing|profit|profits|dating|adult|xxx|bet|promo|"
	    "limited offer|limited time|act now|hurry up|free iphone|prize|"
	    "prizes|cashapp|cash app|guaranteed|web design|website design|"
	    "subscribers|collab|collaboration|ambassador|my profile|my bio|"
	    "my page|my channel|subscribe to my|followers|per week|per day|"
	    "per month|dm me|message me|inbox me" },
	{ CUE_SPAM, 1,
	    "whatsapp|telegram|wa me|t me|paypal|reward|rewards|free|"
	    "gift card|discount code|likes|views|google|seo" },
	/* What an impostor of the shop asks. */
	{ CUE_SCAM, 4,
	    "dm us your|send us your|message us your|send your card|"
	    "card details|card number|card info|card information|bank details|"
	    "bank account details|login details|cvv|security code|"
	    "verify your account|verify your identity|confirm your account|"
	    "confirm your identity|confirm your details|your account will be|"
	    "account has been suspended|will be suspended|will be disabled|"
	    "will be deactivated|you have been selected|youve been selected|"
	    "have been chosen|congratulations you|congratulations to you|"
	    "lucky winner|lucky winners|to claim your|processing fee|"
	    "pay the shipping fee|contact our agent|whatsapp us|"
	    "message us on whatsapp|text us on|reach us on" },
	{ CUE_SCAM, 2,
	    "dm us|send us a dm|message us|inbox us|contact us on|"
	    "send us a message|send us a private message|private message|"
	    "message us privately|contact us privately|contact us via|"
	    "contact us at|refund department|support team|help desk|helpdesk|"
	    "customer care|official page|official account|credit card|"
	    "debit card|your card|verify|verification|link below|this link|"
	    "the link|been selected|selected as|copyright|violation|appeal" },
	/* Praise and thanks that every language borrows. */
	{ CUE_PRAISE, 2,
	    "love it|love this|love them|loved it|love you|love u|amazing|"
	    "awesome|perfect|super|top|wow|wauw|best|great|cool|nice|lovely|"
	    "beautiful|yummy" },
	{ CUE_THANKS, 2, "thanks|thank you|thx|thanx|thnx|tnx|ty|tysm" },
	{ CUE_NONE, 0, "top up" },
	/* laughter, which says nothing of the shop */
	{ CUE_NONE, 0,
	    "haha*|hehe*|hihi*|jaja*|jeje*|lol|lool|lmao|lmfao|rofl|mdr|ptdr|"
	    "xd|هه*|哈哈*|呵呵*|嘿嘿" },
	/* growth-hacking offers, often asked as a question ("want to go
	 * viral?") */
	{ CUE_SPAM, 2,
	    "viral|go viral|going viral|grow your|organically|organic growth|"
	    "audit|free audit|sponsored|influencer|influencers|our bio|"
	    "in our bio|our profile|dm for|dm now|dm us for|reach more|"
	    "more reach|more customers|more clients|more sales" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3,
	    "unusual activity|suspicious activity|keep your page|"
	    "your page will be|confirm your data|confirm your information|"
	    "confirm your details here" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "ask me how|dm me how|message me how|ask me" },
};

const struct classify_lexicon classify_lex_any = {
	"any", CLASSIFY_LATIN, 0, NULL, classify_any,
	nitems(classify_any)
};
