/** Name parts for synthetic people. Latin spelling, then Russian and Kazakh Cyrillic, or Chinese characters. */

/** [Latin, Russian Cyrillic, Kazakh Cyrillic] */
export type CyrillicPart = readonly [latin: string, ru: string, kk: string];
/** [pinyin, simplified Chinese] */
export type HanziPart = readonly [pinyin: string, hans: string];

export const KAZAKH_MALE_NAMES: readonly CyrillicPart[] = [
  ["Yerlan", "Ерлан", "Ерлан"], ["Nurlan", "Нурлан", "Нұрлан"], ["Maulen", "Маулен", "Мәулен"], ["Askar", "Аскар", "Асқар"],
  ["Bakhyt", "Бахыт", "Бақыт"], ["Dauren", "Даурен", "Дәурен"], ["Yerzhan", "Ержан", "Ержан"], ["Kairat", "Кайрат", "Қайрат"],
  ["Marat", "Марат", "Марат"], ["Serik", "Серик", "Серік"], ["Bolat", "Болат", "Болат"], ["Daniyar", "Данияр", "Данияр"],
  ["Azamat", "Азамат", "Азамат"], ["Timur", "Тимур", "Тимур"], ["Arman", "Арман", "Арман"], ["Aidos", "Айдос", "Айдос"],
  ["Berik", "Берик", "Берік"], ["Kuanysh", "Куаныш", "Қуаныш"], ["Nurzhan", "Нуржан", "Нұржан"], ["Yerbol", "Ербол", "Ербол"],
  ["Ruslan", "Руслан", "Руслан"], ["Kanat", "Канат", "Қанат"], ["Talgat", "Талгат", "Талғат"], ["Mukhtar", "Мухтар", "Мұхтар"],
  ["Galym", "Галым", "Ғалым"], ["Yermek", "Ермек", "Ермек"], ["Zhomart", "Жомарт", "Жомарт"], ["Kassym", "Касым", "Қасым"],
  ["Askhat", "Асхат", "Асхат"], ["Olzhas", "Олжас", "Олжас"], ["Adil", "Адиль", "Әділ"], ["Meirzhan", "Мейржан", "Мейіржан"],
  ["Sergey", "Сергей", "Сергей"], ["Roman", "Роман", "Роман"], ["Dmitriy", "Дмитрий", "Дмитрий"], ["Vladimir", "Владимир", "Владимир"],
  ["Andrey", "Андрей", "Андрей"], ["Igor", "Игорь", "Игорь"], ["Yerkin", "Еркин", "Еркін"], ["Nurbek", "Нурбек", "Нұрбек"],
  ["Samat", "Самат", "Самат"], ["Zhandos", "Жандос", "Жандос"], ["Dias", "Диас", "Диас"], ["Rustem", "Рустем", "Рүстем"],
  ["Ayan", "Аян", "Аян"], ["Beibit", "Бейбит", "Бейбіт"],
];

export const KAZAKH_FEMALE_NAMES: readonly CyrillicPart[] = [
  ["Zhanar", "Жанар", "Жанар"], ["Aigerim", "Айгерим", "Әйгерім"], ["Gulnara", "Гульнара", "Гүлнара"], ["Saule", "Сауле", "Сәуле"],
  ["Dinara", "Динара", "Динара"], ["Aliya", "Алия", "Әлия"], ["Asel", "Асель", "Әсел"], ["Madina", "Мадина", "Мадина"],
  ["Ainur", "Айнур", "Айнұр"], ["Gulmira", "Гульмира", "Гүлмира"], ["Bibigul", "Бибигуль", "Бибігүл"], ["Raushan", "Раушан", "Раушан"],
  ["Yelena", "Елена", "Елена"], ["Olga", "Ольга", "Ольга"], ["Irina", "Ирина", "Ирина"], ["Zhuldyz", "Жулдыз", "Жұлдыз"],
  ["Kamila", "Камила", "Камила"], ["Dana", "Дана", "Дана"],
];

/** First halves of Kazakh family names. */
export const KAZAKH_SURNAME_HEADS: readonly CyrillicPart[] = [
  ["Zhaksy", "Жаксы", "Жақсы"], ["Nur", "Нур", "Нұр"], ["Bek", "Бек", "Бек"], ["Sary", "Сары", "Сары"], ["Kara", "Кара", "Қара"],
  ["Ak", "Ак", "Ақ"], ["Temir", "Темир", "Темір"], ["Kul", "Кул", "Құл"], ["Tur", "Тур", "Тұр"], ["Dos", "Дос", "Дос"],
  ["Oraz", "Ораз", "Ораз"], ["Zhan", "Жан", "Жан"], ["Yer", "Ер", "Ер"], ["Mukhamed", "Мухамед", "Мұхамед"], ["Bay", "Бай", "Бай"],
  ["Sultan", "Султан", "Сұлтан"], ["Abil", "Абиль", "Әбіл"], ["Tas", "Тас", "Тас"], ["Sarsen", "Сарсен", "Сәрсен"], ["Myrza", "Мырза", "Мырза"],
  ["Kaly", "Калы", "Қалы"], ["Zhuma", "Жума", "Жұма"], ["Esen", "Есен", "Есен"], ["Utep", "Утеп", "Өтеп"], ["Omar", "Омар", "Омар"],
  ["Sadyk", "Садык", "Садық"], ["Ermek", "Ермек", "Ермек"], ["Kenzhe", "Кенже", "Кенже"], ["Tule", "Туле", "Түле"], ["Alim", "Алим", "Әлім"],
];

/** Second halves of Kazakh family names; the suffix (-ov, -ev, -ova, -eva) is added after. */
export const KAZAKH_SURNAME_TAILS: readonly CyrillicPart[] = [
  ["bek", "бек", "бек"], ["bay", "бай", "бай"], ["khan", "хан", "хан"], ["zhan", "жан", "жан"], ["gali", "гали", "ғали"],
  ["tay", "тай", "тай"], ["bol", "бол", "бол"], ["kan", "кан", "қан"], ["sen", "сен", "сен"], ["bergen", "берген", "берген"],
  ["ali", "али", "әли"], ["berdi", "берди", "берді"], ["ken", "кен", "кен"], ["kul", "кул", "құл"], ["tas", "тас", "тас"],
];

export const CHINESE_SURNAMES: readonly HanziPart[] = [
  ["Wang", "王"], ["Li", "李"], ["Zhang", "张"], ["Liu", "刘"], ["Chen", "陈"], ["Yang", "杨"], ["Huang", "黄"], ["Zhao", "赵"],
  ["Wu", "吴"], ["Zhou", "周"], ["Xu", "徐"], ["Sun", "孙"], ["Ma", "马"], ["Zhu", "朱"], ["Hu", "胡"], ["Guo", "郭"],
  ["He", "何"], ["Gao", "高"], ["Lin", "林"], ["Luo", "罗"], ["Zheng", "郑"], ["Liang", "梁"], ["Xie", "谢"], ["Song", "宋"],
  ["Tang", "唐"], ["Han", "韩"], ["Feng", "冯"], ["Deng", "邓"], ["Cao", "曹"], ["Peng", "彭"], ["Zeng", "曾"], ["Xiao", "肖"],
  ["Tian", "田"], ["Dong", "董"], ["Pan", "潘"], ["Yuan", "袁"], ["Cai", "蔡"], ["Jiang", "蒋"], ["Yu", "余"], ["Du", "杜"],
  ["Ye", "叶"], ["Cheng", "程"], ["Wei", "魏"], ["Su", "苏"], ["Ding", "丁"], ["Ren", "任"], ["Shen", "沈"], ["Yao", "姚"],
  ["Lu", "卢"], ["Jin", "金"], ["Fu", "傅"], ["Zhong", "钟"], ["Cui", "崔"], ["Tan", "谭"], ["Fan", "范"], ["Liao", "廖"],
  ["Shi", "石"], ["Jia", "贾"], ["Xia", "夏"], ["Fang", "方"], ["Bai", "白"], ["Zou", "邹"], ["Meng", "孟"], ["Xiong", "熊"],
  ["Qin", "秦"], ["Qiu", "邱"], ["Hou", "侯"], ["Xue", "薛"], ["Yan", "闫"], ["Duan", "段"], ["Lei", "雷"], ["Long", "龙"],
  ["Hao", "郝"], ["Kong", "孔"], ["Shao", "邵"], ["Mao", "毛"], ["Wan", "万"], ["Gu", "顾"], ["Lai", "赖"], ["Kang", "康"],
  ["Qian", "钱"], ["Niu", "牛"], ["Hong", "洪"], ["Gong", "龚"],
];

/** Syllables of Chinese given names (none starts with a vowel, so joined pinyin stays unambiguous). */
export const CHINESE_GIVEN_SYLLABLES: readonly HanziPart[] = [
  ["Jian", "建"], ["Guo", "国"], ["Ming", "明"], ["Hua", "华"], ["Ping", "平"], ["Jun", "军"], ["Wei", "伟"], ["Hong", "红"],
  ["Qiang", "强"], ["Yong", "勇"], ["Hai", "海"], ["Dong", "东"], ["Lin", "林"], ["Gang", "刚"], ["Jie", "杰"], ["Tao", "涛"],
  ["Bin", "斌"], ["Hui", "辉"], ["Xin", "新"], ["Zhi", "志"], ["Yu", "宇"], ["Feng", "峰"], ["Lei", "磊"], ["Chao", "超"],
  ["Peng", "鹏"], ["Fei", "飞"], ["Bo", "波"], ["Qing", "庆"], ["Yun", "云"], ["Xiang", "祥"], ["Rong", "荣"], ["Sheng", "胜"],
  ["Li", "力"], ["Ning", "宁"], ["Kai", "凯"], ["Wen", "文"], ["Hao", "浩"], ["Zhen", "振"], ["Jing", "静"], ["Yan", "燕"],
  ["Fang", "芳"], ["Na", "娜"], ["Min", "敏"], ["Xia", "霞"], ["Lan", "兰"], ["Mei", "梅"], ["Ying", "英"], ["Chun", "春"],
  ["Qiu", "秋"], ["De", "德"], ["Ren", "仁"], ["Yi", "毅"], ["Shan", "山"], ["Cheng", "成"], ["Long", "龙"], ["Xiao", "晓"],
  ["Zhong", "忠"], ["Ji", "继"], ["Le", "乐"], ["Jiang", "江"], ["Bao", "宝"], ["Tian", "天"], ["Kang", "康"], ["Fu", "富"],
  ["Gui", "贵"], ["Quan", "全"], ["Song", "松"], ["Bing", "兵"], ["Wu", "武"], ["Liang", "亮"], ["Xu", "旭"], ["Zhao", "昭"],
  ["Yang", "阳"], ["Shu", "书"], ["Hu", "虎"], ["Ze", "泽"], ["Zhan", "战"], ["Ke", "克"], ["Lu", "路"], ["Sen", "森"],
];
