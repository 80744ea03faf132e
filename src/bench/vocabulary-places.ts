/** Places and subjects for synthetic bodies, with their names in the local scripts. */

/** A Chinese province-level division: English name, Chinese name, and what kind of division it is. */
export type Province = readonly [en: string, hans: string, kind: "province" | "municipality" | "region"];

export const CHINESE_PROVINCES: readonly Province[] = [
  ["Xinjiang Uygur", "新疆维吾尔", "region"], ["Beijing", "北京", "municipality"], ["Shanghai", "上海", "municipality"],
  ["Gansu", "甘肃", "province"], ["Shaanxi", "陕西", "province"], ["Sichuan", "四川", "province"], ["Jiangsu", "江苏", "province"],
  ["Zhejiang", "浙江", "province"], ["Guangdong", "广东", "province"], ["Shandong", "山东", "province"], ["Henan", "河南", "province"],
  ["Hubei", "湖北", "province"], ["Hunan", "湖南", "province"], ["Tianjin", "天津", "municipality"], ["Chongqing", "重庆", "municipality"],
  ["Hebei", "河北", "province"], ["Shanxi", "山西", "province"], ["Inner Mongolia", "内蒙古", "region"], ["Liaoning", "辽宁", "province"],
  ["Jilin", "吉林", "province"], ["Heilongjiang", "黑龙江", "province"], ["Anhui", "安徽", "province"], ["Fujian", "福建", "province"],
  ["Jiangxi", "江西", "province"], ["Guangxi Zhuang", "广西壮族", "region"], ["Hainan", "海南", "province"], ["Guizhou", "贵州", "province"],
  ["Yunnan", "云南", "province"], ["Tibet", "西藏", "region"], ["Qinghai", "青海", "province"], ["Ningxia Hui", "宁夏回族", "region"],
];

/** [English, simplified Chinese] */
export const CHINESE_CITIES: readonly (readonly [en: string, hans: string])[] = [
  ["Urumqi", "乌鲁木齐"], ["Kashgar", "喀什"], ["Yining", "伊宁"], ["Horgos", "霍尔果斯"], ["Karamay", "克拉玛依"],
  ["Altay", "阿勒泰"], ["Hami", "哈密"], ["Turpan", "吐鲁番"], ["Xi'an", "西安"], ["Lanzhou", "兰州"], ["Chengdu", "成都"],
  ["Wuhan", "武汉"], ["Guangzhou", "广州"], ["Shenzhen", "深圳"], ["Hangzhou", "杭州"], ["Nanjing", "南京"], ["Suzhou", "苏州"],
  ["Qingdao", "青岛"], ["Dalian", "大连"], ["Shenyang", "沈阳"], ["Harbin", "哈尔滨"], ["Changchun", "长春"], ["Zhengzhou", "郑州"],
  ["Jinan", "济南"], ["Xiamen", "厦门"], ["Fuzhou", "福州"], ["Kunming", "昆明"], ["Nanning", "南宁"], ["Guiyang", "贵阳"],
  ["Changsha", "长沙"], ["Nanchang", "南昌"], ["Hefei", "合肥"], ["Taiyuan", "太原"], ["Shijiazhuang", "石家庄"], ["Hohhot", "呼和浩特"],
  ["Yinchuan", "银川"], ["Xining", "西宁"], ["Lhasa", "拉萨"], ["Haikou", "海口"], ["Ningbo", "宁波"], ["Wuxi", "无锡"],
  ["Xuzhou", "徐州"], ["Yantai", "烟台"], ["Lianyungang", "连云港"], ["Baotou", "包头"], ["Luoyang", "洛阳"], ["Tangshan", "唐山"],
  ["Zhuhai", "珠海"], ["Dongguan", "东莞"], ["Foshan", "佛山"],
];

/** [English, Russian, Kazakh] */
export const KAZAKH_CITIES: readonly (readonly [en: string, ru: string, kk: string])[] = [
  ["Astana", "Астана", "Астана"], ["Almaty", "Алматы", "Алматы"], ["Shymkent", "Шымкент", "Шымкент"],
  ["Karaganda", "Караганда", "Қарағанды"], ["Aktobe", "Актобе", "Ақтөбе"], ["Taraz", "Тараз", "Тараз"], ["Pavlodar", "Павлодар", "Павлодар"],
  ["Oskemen", "Усть-Каменогорск", "Өскемен"], ["Semey", "Семей", "Семей"], ["Atyrau", "Атырау", "Атырау"], ["Kostanay", "Костанай", "Қостанай"],
  ["Kyzylorda", "Кызылорда", "Қызылорда"], ["Oral", "Уральск", "Орал"], ["Petropavl", "Петропавловск", "Петропавл"], ["Aktau", "Актау", "Ақтау"],
  ["Turkistan", "Туркестан", "Түркістан"], ["Kokshetau", "Кокшетау", "Көкшетау"], ["Taldykorgan", "Талдыкорган", "Талдықорған"],
  ["Ekibastuz", "Экибастуз", "Екібастұз"], ["Rudny", "Рудный", "Рудный"], ["Zhezkazgan", "Жезказган", "Жезқазған"], ["Balkhash", "Балхаш", "Балқаш"],
  ["Temirtau", "Темиртау", "Теміртау"], ["Konaev", "Конаев", "Қонаев"], ["Zharkent", "Жаркент", "Жаркент"], ["Kentau", "Кентау", "Кентау"],
  ["Baikonur", "Байконыр", "Байқоңыр"], ["Satpayev", "Сатпаев", "Сәтбаев"], ["Ridder", "Риддер", "Риддер"], ["Stepnogorsk", "Степногорск", "Степногорск"],
  ["Aksu", "Аксу", "Ақсу"], ["Zhanaozen", "Жанаозен", "Жаңаөзен"], ["Kulsary", "Кульсары", "Құлсары"], ["Arkalyk", "Аркалык", "Арқалық"],
  ["Shchuchinsk", "Щучинск", "Щучинск"], ["Lisakovsk", "Лисаковск", "Лисаков"], ["Saran", "Сарань", "Саран"], ["Shakhtinsk", "Шахтинск", "Шахтинск"],
  ["Zaysan", "Зайсан", "Зайсаң"], ["Ayagoz", "Аягоз", "Аягөз"], ["Kaskelen", "Каскелен", "Қаскелең"], ["Esik", "Есик", "Есік"],
  ["Talgar", "Талгар", "Талғар"], ["Usharal", "Ушарал", "Үшарал"], ["Ushtobe", "Уштобе", "Үштөбе"], ["Saryagash", "Сарыагаш", "Сарыағаш"],
  ["Aralsk", "Аральск", "Арал"], ["Khromtau", "Хромтау", "Хромтау"], ["Shu", "Шу", "Шу"], ["Zhitikara", "Житикара", "Жітіқара"],
];

/** A committee's subject: English, the Chinese committee stem, the Russian "Committee on …" phrase. */
export type Subject = readonly [en: string, hans: string, ru: string];

export const SUBJECTS: readonly Subject[] = [
  ["Foreign Affairs", "外事", "по международным делам"],
  ["Financial and Economic Affairs", "财政经济", "по финансам и бюджету"],
  ["Legislative Affairs", "法制", "по законодательству"],
  ["Education, Science, Culture and Public Health", "教育科学文化卫生", "по социально-культурному развитию"],
  ["Environmental Protection and Resources Conservation", "环境与资源保护", "по экологии и природопользованию"],
  ["Agriculture and Rural Affairs", "农业与农村", "по аграрным вопросам"],
  ["Social Development", "社会建设", "по социальным вопросам"],
  ["Ethnic Affairs", "民族", "по делам этносов"],
  ["Supervisory and Judicial Affairs", "监察和司法", "по правовой политике"],
  ["Transport and Communications", "交通通信", "по транспорту и связи"],
  ["Defence and Security", "国防安全", "по вопросам обороны и безопасности"],
  ["Economic Reform and Regional Development", "经济改革与区域发展", "по экономической реформе и региональному развитию"],
];
