/*
 * classify-lex-zh.c -- the Chinese lexicon of the classifier, in
 * simplified characters (traditional ones are folded to them, see
 * classify-doc.c). Chinese has no spaces: each character is a token, and
 * a phrase matches its characters in a row. Questions need no mark: "吗",
 * "呢", and the "A不A" form ("好不好", "有没有", which classify.c also
 * tells from a negation).
 */
#include "classify-private.h"
#include "util.h"

static const struct classify_group classify_zh[] = {
	{ CUE_COMPLAINT, 3,
	    "退款|退钱|还钱|我的钱|没收到|没有收到|还没收到|还没有收到|未收到|"
	    "还没到|还没有到|没到货|一直没|一直没有|到现在还|至今没|至今还|"
	    "等了好久|等了很久|等了一个|等了两|等了三|等了几|等了半个|还在等|"
	    "一直在等|快递呢|订单呢|货呢|坏了|破了|破损|碎了|摔碎|损坏|漏了|"
	    "漏水|次品|残次|有问题|不能用|用不了|没法用|发错|寄错|少发|漏发|"
	    "缺了|最差|最烂|太差|很差|差劲|太烂|垃圾|恶心|难吃|难喝|离谱|"
	    "太过分|骗子|骗人|骗钱|诈骗|欺骗|黑店|再也不|最后一次|太失望|"
	    "很失望|令人失望|投诉|举报|扣了两次|重复扣款|扣款两次|没人回|"
	    "没人理|不回复|没有回复|没回复|不理人|态度差|态度很差|态度恶劣|"
	    "没礼貌|假货|虚假|取消订单|发霉|过期|不新鲜|变质|浪费钱|白花钱|"
	    "受够了|不专业|不满意|不满|差评|不好用|不好吃|不好喝|不值|"
	    "货不对板|与描述不符|和图片不一样|质量差|质量太差|服务差|"
	    "谢谢你们啊|找不到|不见了|丢了|丢件|和想象的不一样|跟想象的不一样|"
	    "显示已签收|显示签收|显示已送达|没人接|不接电话|第三次|第二次了|"
	    "不会再来|理都不理|爱答不理|冷淡|不会再去|再也不去|没退|还没退|"
	    "没有退|钱没退|撑不住|没人道歉|也不道歉|连个道歉都没有|没有道歉|"
	    "付的什么钱|让我等|等了半天|没用|不能充|充不进|不再" },
	{ CUE_COMPLAINT, 2,
	    "退货|我的快递|我的订单|还没|太慢|很慢|好慢|慢死|有点慢|太晚|迟到|"
	    "延迟|延误|推迟|错了|弄错|过分|生气|气死|愤怒|无语|服了|"
	    "怎么还|为什么还|为什么没|到底|什么时候才|要等多久|等了|排队|"
	    "还要等|不好" },
	{ CUE_NEGATIVE, 3, "糟糕|糟透|坑人|太坑|被坑|被骗|骗|烂透" },
	{ CUE_NEGATIVE, 2,
	    "可惜|遗憾|难过|郁闷|伤心|失望|麻烦死|糟心|一般般|失误|问题很大" },
	{ CUE_NEGATIVE, 1, "太贵|很贵|好贵|有点贵|太小|太大|凉了" },
	{ CUE_PRAISE, 2,
	    "喜欢|很喜欢|超喜欢|爱了|爱死|好爱|最爱|满意|很满意|非常满意|好吃|"
	    "好喝|好看|好用|漂亮|很美|太美|好美|真美|精致|精美|可爱|棒|很棒|"
	    "太棒|超棒|赞|点赞|好评|五星|推荐|强烈推荐|值得|物美价廉|性价比高|"
	    "完美|优秀|厉害|开心|高兴|幸福|感动|惊喜|新鲜|很香|好香|真香|正宗|"
	    "贴心|热情|周到|很快|真快|好快|挺快|发货快|速度快|神速|不错|挺好|"
	    "很好|真好|太好了|好极了|给力|回购|还会再来|还会买|一定再来|"
	    "必须好评|爱你们|支持|加油|别致|无敌" },
	{ CUE_PRAISE, 1, "还行|还可以|恭喜|喜欢你们" },
	{ CUE_THANKS, 2, "谢谢|多谢|感谢|谢了|谢啦|辛苦了|感恩|非常感谢" },
	{ CUE_QUESTION, 3,
	    "吗|请问|请教|是否|能否|可否|有没有|是不是|能不能|可不可以|会不会|"
	    "要不要|行不行|好不好|对不对|多少钱|多少|几天|几号|几点|几个|哪里|"
	    "哪儿|哪个|哪些|哪家|什么|怎么|怎样|怎么样|如何|为什么|为啥|干嘛|"
	    "谁|多久|什么时候|何时|想问|想知道|想了解|问一下|问下|咨询|求问|"
	    "有人知道|谁知道|怎么卖|怎么买|怎么订|在哪买|哪里买" },
	{ CUE_QUESTION, 2,
	    "呢|价格|价钱|运费|邮费|有货|有现货|包邮|寄到|送到|链接|尺码|库存|"
	    "无麸质|无谷|无糖|素食|不含|有兴趣" },
	{ CUE_REQUEST, 2,
	    "先谢谢|提前谢谢|提前感谢|帮我|帮忙|我想买|我要买|想买|我想订|"
	    "我要订|想订|下单|怎么下单|私信|联系我|加我|回复我|给我回复|"
	    "请回复|麻烦回复|求回复" },
	{ CUE_REQUEST, 1, "请|麻烦" },
	{ CUE_SARCASM, 3, "真行|可真行|服务真好啊|真是谢谢了" },
	{ CUE_SARCASM, 1,
	    "呵呵|又是|又一次|又要|又延迟|还是老样子|真厉害|好一个|当然" },
	{ CUE_URGENT, 1, "急|急急|着急|很急|马上|立刻|赶紧|尽快|快点" },
	{ CUE_SPAM, 3,
	    "营销公司|百度首页|搜索排名|排名第一|贷款|无抵押|快速放款|"
	    "违反社区|被举报|以免被封|封号|更多粉丝|买粉|涨粉丝|每周赚|每天赚|"
	    "每月赚|私信我|看我主页|我的主页|加微信|加 vx|加 v|微信号|赚钱|"
	    "日赚|月入|兼职|刷单|投资|理财|比特币|数字货币|虚拟币|炒币|外汇|"
	    "彩票|博彩|涨粉|互粉|关注我" },
	{ CUE_SPAM, 2,
	    "抽奖|中奖|获奖|奖品|免费领取|免费送|点击链接|点链接|免费|代购|"
	    "粉丝|赚" },
	{ CUE_SCAM, 4,
	    "私信我们|私信客服|您的银行卡|银行卡号|卡号|验证码|密码|身份证号|"
	    "验证您的|核实您的|账号异常|账户异常|冻结|已被选中|恭喜您获得|"
	    "您已获得|领取奖品|领取您的" },
	{ CUE_SCAM, 2, "客服专员|官方客服|账户|账号" },
	/* words of discontent, broadly */
	{ CUE_NEGATIVE, 2,
	    "蔫了|枯萎|凋谢|烂了|烧焦|糊了|太油|太咸|太淡|没味道|划痕|刮花|"
	    "凹陷|磕碰|裂了|裂缝|污渍|很脏|太脏|破洞|撕破|异味|有味道|臭|卡住|"
	    "卡死|死机|闪退|打不开|加载不出来|被拒|手续费|隐藏费用|过敏|"
	    "起疹子|拉肚子|食物中毒|不卫生|傲慢|无视|敷衍|马虎|弄坏|浪费|延期|"
	    "取消了|名不副实|震惊|气愤|委屈|丢脸|不公平|被偷|一团糟|荒唐|"
	    "质量问题|瑕疵|缺陷|不耐烦|很差" },
	/* repetition and persistence */
	{ CUE_COMPLAINT, 1, "又|再次|还是没|还是不" },
	/* praise, broadly */
	{ CUE_PRAISE, 2,
	    "美极了|惊艳|感动哭了|喜极而泣|宝藏|宝藏店|救星|耐心|大方|优雅|"
	    "温馨|酥脆|多汁|顺滑|松软|结实|舒服|舒适|合身|划算|靠谱|到得快|"
	    "最好|最棒|最美|最好吃|最喜欢|最快" },
	{ CUE_QUESTION, 3, "还是只有|还是只|还是说" },
	{ CUE_COMPLAINT, 3, "特别差|非常差|真差|超差|极差|好差" },
	{ CUE_NONE, 0,
	    "不好意思|不客气|没关系|没问题|不用谢|没事|不仅|不但|不只|不止|"
	    "没什么|你好|您好|大家好|早上好|晚上好|辛苦你们|不知道为什么|非常|"
	    "特别|除非|无论|别人|别的|区别|分别|差别|告别|不过|不然|不管|不久|"
	    "不少|不断|不得不|忍不住|没想到|没错|别担心|不一样|并非不|"
	    "圣诞快乐|新年快乐|春节快乐|节日快乐|中秋快乐" },
	{ CUE_NEGATOR, 0,
	    "不|没|没有|未|无|别|非|并不|从不|从没|毫不|一点也不|一点都不|"
	    "绝不|不太|不怎么" },
	{ CUE_COND, 0, "如果|要是|假如|万一|假设|若是" },
	{ CUE_GREETING, 0,
	    "你好|您好|大家好|哈喽|嗨|亲|老板|店家|客服|早上好|晚上好" },
	{ CUE_WHY, 0, "为什么|为啥|怎么会|凭什么" },
	{ CUE_ANSWER, 0, "回复|回应|回答|答复|理|回消息|回我|回一下|接电话" },
	{ CUE_SOMEONE, 0, "有人|谁|有没有人" },
	{ CUE_OWNFAULT, 0, "不小心|写错|填错|选错|我的错|弄错了地址|搞错" },
	{ CUE_NEVER, 0, "从来没|从没|从来没有|从来不" },
	{ CUE_SO, 0, "这么|那么|这样|如此" },
	/* the shape of a question (a choice offered, a reproach about
	 * answers) and of a comparison of sizes (classify-form.c) */
	{ CUE_OR, 0, "还是" },
	{ CUE_EVEN, 0, "到底|究竟" },
	{ CUE_LIKE, 0, "像|跟|和|如同" },
	{ CUE_ANSWER, 0, "消息|留言|私信|邮件" },
	{ CUE_QUESTION, 3, "不知道能不能|不知道有没有|不知道是不是|有没有办法" },
	/* what goes wrong with products and orders, broadly: damage, faults,
	 * smell and taste, fit, mistakes, silence */
	{ CUE_COMPLAINT, 3,
	    "烧焦味|焦味|糊味|怪味|味道怪|味道很怪|味道不对|一股味|没熟|不熟|夹生|尺码不准|尺码不对|码数不准|乱来|对不上|不亮|"
	    "充不了电|充不上电|开不了机|不工作|停止工作|脱落|开胶|写错了|名字错|送到邻居|送错地址|地址错|没有消息|没消息|没有回音|"
	    "没动静|没有确认|两次了|毁了|被毁" },
	{ CUE_COMPLAINT, 2, "穿不下|穿不上|不合身|偏小|偏大" },
	{ CUE_NEGATIVE, 2,
	    "裂|裂纹|有裂|缺口|崩口|掉色|褪色|缩水|变形|歪了|生锈|馊|哈喇|渗漏|不对|太紧|太松|太短|太长" },
	{ CUE_SPAM, 2, "爆红|走红|上热门|曝光|引流|用手机|轻松赚|在家赚|在家轻松" },
	{ CUE_SCAM, 2, "联系我们|加我们|私聊我们|私聊" },
	/* asking whether the writer may do something ("can I get a refund
	 * if...") supposes what follows, as a condition does */
	{ CUE_COND, 0, "能|可以|还能|能不能|可不可以" },
	/* ways of saying one loves something */
	{ CUE_PRAISE, 2, "超爱|太爱|好喜欢|爱死了|爱上了" },
	/* what a fake security notice says */
	{ CUE_SCAM, 3, "异常活动|可疑活动|确认您的资料|确认你的资料|您的资料|保留您的主页|您的主页将" },
	{ CUE_QUESTION, 3, "多长时间|多长" },
	/* an offer to grow someone else's business: spam when it also says
	 * how to reach the sender */
	{ CUE_SPAM, 2, "更多客户|更多顾客|提升销量|你的店铺|你的店|帮你的|帮你" },
	/* an order and a span of time: how long one has waited
	 * (classify-form.c) */
	{ CUE_ORDERED, 0, "下单|下的单|订的|买的|付款|付了款|拍的|拍下" },
	{ CUE_SPAN, 0, "两周|两个星期|一周|一个星期|三天|五天|几天|十天|半个月|一个月|周一|周二|周三|上周|上个月" },
	/* what was shown, and words of difference: a product unlike its
	 * photo (classify-form.c) */
	{ CUE_PICTURE, 0, "图片|照片|描述|实物|详情页|宣传" },
	{ CUE_DIFFERENT, 0, "不一样|不同|差很多|差太多|两样" },
	{ CUE_ANSWER, 0, "通知|告诉|告知" },
	{ CUE_QUESTION, 3, "哪一|哪款|哪种|哪位|哪天|哪家店" },
	{ CUE_NEGATIVE, 2, "断了|断掉|折断" },
	/* the pitch of money schemes */
	{ CUE_SPAM, 3, "问我怎么|私信问我|问我" },
	/* what came set against what was paid for (classify-form.c) */
	{ CUE_CONTRAST, 0, "而不是|却|结果只|只寄了|只发了|只给了|少了" },
	/* closed when one came, illness after using, a fault again */
	{ CUE_COMPLAINT, 2, "关着门|关门了|没开门|没人在|又一次" },
	{ CUE_COMPLAINT, 3, "吃坏|吃了以后|吃完就|生病|吐了|呕吐|肚子疼|不舒服" },
	/* damage, wear, wet and stale goods; hanging up, giving up on the
	 * shop; what is soft and a dream, said of praise */
	{ CUE_NEGATIVE, 2,
	    "湿透|淋湿|起球|哈喇味|压扁|结块|泡烂|起毛|开线|翘边|晃" },
	{ CUE_COMPLAINT, 3,
	    "挂了电话|直接挂了|拜拜了|越来越贵|越来越少|质检呢|扔了|垃圾桶" },
	{ CUE_PRAISE, 2,
	    "好软|绝了|封神|超赞|一绝" },
	/* a seller's own page, a link in a profile, a free offer to a
	 * business: where spam sends the reader */
	{ CUE_SPAM, 4,
	    "来我主页|进我主页|去我主页|链接在我们主页|链接在主页|主页链接|"
	    "免费咨询|预约翻|翻三倍|翻倍" },
	{ CUE_SPAM, 2, "我主页|我的店铺" },
	/* asking for a service on a broken thing is a question, and not
	 * putting a thing down is love of it */
	{ CUE_QUESTION, 4, "能修|可以修|修吗|维修吗|能换|可以换吗" },
	{ CUE_PRAISE, 3, "爱不释手|舍不得放下|天天戴|天天穿|天天用" },
	/* a thing put right: with praise, the trouble told of is over */
	{ CUE_REPAIRED, 0, "修好|搞定|解决|弄好|处理好|跟新的一样|像新的一样" },
	/* no complaint at all, and what a product resists, said of it */
	{ CUE_PRAISE, 2,
	    "无可挑剔|挑不出毛病|没毛病|零差评|没得挑|没的说|记得我|记住我" },
	{ CUE_NONE, 0, "防刮|耐刮|防水|防污|防摔|防碎|防漏" },
	/* a lid, a clasp, a door that will not hold */
	{ CUE_COMPLAINT, 3, "关不上|合不上|扣不上|老是掉|总是掉|老是开" },
};

const struct classify_lexicon classify_lex_zh = {
	"zh", CLASSIFY_HAN, 0, NULL, classify_zh,
	nitems(classify_zh)
};
