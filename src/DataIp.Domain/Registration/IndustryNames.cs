namespace DataIp.Domain.Registration;

/// <summary>A name in the register's two languages.</summary>
/// <param name="Chinese">The official Chinese name.</param>
/// <param name="English">Its English rendering.</param>
public sealed record BilingualName(string Chinese, string English);

/// <summary>
/// The names of the sections and divisions of GB/T 4754-2017 (国民经济行业分类), as the standard
/// gives them in Chinese, with English renderings after the standard's own English edition where
/// it has one. Thread-safe: read-only tables.
/// </summary>
public static class IndustryNames
{
    private static readonly Dictionary<char, BilingualName> SectionNames = new()
    {
        ['A'] = new("农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery"),
        ['B'] = new("采矿业", "Mining"),
        ['C'] = new("制造业", "Manufacturing"),
        ['D'] = new("电力、热力、燃气及水生产和供应业", "Production and supply of electricity, heat, gas and water"),
        ['E'] = new("建筑业", "Construction"),
        ['F'] = new("批发和零售业", "Wholesale and retail trade"),
        ['G'] = new("交通运输、仓储和邮政业", "Transport, storage and postal services"),
        ['H'] = new("住宿和餐饮业", "Accommodation and catering"),
        ['I'] = new("信息传输、软件和信息技术服务业", "Information transmission, software and information technology services"),
        ['J'] = new("金融业", "Finance"),
        ['K'] = new("房地产业", "Real estate"),
        ['L'] = new("租赁和商务服务业", "Leasing and business services"),
        ['M'] = new("科学研究和技术服务业", "Scientific research and technical services"),
        ['N'] = new("水利、环境和公共设施管理业", "Water conservancy, environment and public facilities management"),
        ['O'] = new("居民服务、修理和其他服务业", "Resident services, repair and other services"),
        ['P'] = new("教育", "Education"),
        ['Q'] = new("卫生和社会工作", "Health and social work"),
        ['R'] = new("文化、体育和娱乐业", "Culture, sports and entertainment"),
        ['S'] = new("公共管理、社会保障和社会组织", "Public administration, social security and social organisations"),
        ['T'] = new("国际组织", "International organisations"),
    };

    private static readonly BilingualName[] DivisionNames =
    [
        new("农业", "Agriculture"),
        new("林业", "Forestry"),
        new("畜牧业", "Animal husbandry"),
        new("渔业", "Fishery"),
        new("农、林、牧、渔专业及辅助性活动", "Support activities for agriculture, forestry, animal husbandry and fishery"),
        new("煤炭开采和洗选业", "Mining and washing of coal"),
        new("石油和天然气开采业", "Extraction of petroleum and natural gas"),
        new("黑色金属矿采选业", "Mining and processing of ferrous metal ores"),
        new("有色金属矿采选业", "Mining and processing of non-ferrous metal ores"),
        new("非金属矿采选业", "Mining and processing of non-metallic minerals"),
        new("开采专业及辅助性活动", "Support activities for mining"),
        new("其他采矿业", "Other mining"),
        new("农副食品加工业", "Processing of food from agricultural products"),
        new("食品制造业", "Manufacture of foods"),
        new("酒、饮料和精制茶制造业", "Manufacture of liquor, beverages and refined tea"),
        new("烟草制品业", "Manufacture of tobacco products"),
        new("纺织业", "Manufacture of textiles"),
        new("纺织服装、服饰业", "Manufacture of textile garments and apparel"),
        new("皮革、毛皮、羽毛及其制品和制鞋业", "Manufacture of leather, fur, feathers and related products, and footwear"),
        new("木材加工和木、竹、藤、棕、草制品业", "Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products"),
        new("家具制造业", "Manufacture of furniture"),
        new("造纸和纸制品业", "Manufacture of paper and paper products"),
        new("印刷和记录媒介复制业", "Printing and reproduction of recording media"),
        new("文教、工美、体育和娱乐用品制造业", "Manufacture of articles for culture, education, arts and crafts, sport and entertainment"),
        new("石油、煤炭及其他燃料加工业", "Processing of petroleum, coal and other fuels"),
        new("化学原料和化学制品制造业", "Manufacture of raw chemical materials and chemical products"),
        new("医药制造业", "Manufacture of medicines"),
        new("化学纤维制造业", "Manufacture of chemical fibres"),
        new("橡胶和塑料制品业", "Manufacture of rubber and plastic products"),
        new("非金属矿物制品业", "Manufacture of non-metallic mineral products"),
        new("黑色金属冶炼和压延加工业", "Smelting and pressing of ferrous metals"),
        new("有色金属冶炼和压延加工业", "Smelting and pressing of non-ferrous metals"),
        new("金属制品业", "Manufacture of metal products"),
        new("通用设备制造业", "Manufacture of general-purpose machinery"),
        new("专用设备制造业", "Manufacture of special-purpose machinery"),
        new("汽车制造业", "Manufacture of motor vehicles"),
        new("铁路、船舶、航空航天和其他运输设备制造业", "Manufacture of railway, ship, aerospace and other transport equipment"),
        new("电气机械和器材制造业", "Manufacture of electrical machinery and equipment"),
        new("计算机、通信和其他电子设备制造业", "Manufacture of computers, communication and other electronic equipment"),
        new("仪器仪表制造业", "Manufacture of measuring instruments"),
        new("其他制造业", "Other manufacturing"),
        new("废弃资源综合利用业", "Comprehensive use of waste resources"),
        new("金属制品、机械和设备修理业", "Repair of metal products, machinery and equipment"),
        new("电力、热力生产和供应业", "Production and supply of electricity and heat"),
        new("燃气生产和供应业", "Production and supply of gas"),
        new("水的生产和供应业", "Production and supply of water"),
        new("房屋建筑业", "Building construction"),
        new("土木工程建筑业", "Civil engineering"),
        new("建筑安装业", "Construction installation"),
        new("建筑装饰、装修和其他建筑业", "Building decoration, renovation and other construction"),
        new("批发业", "Wholesale trade"),
        new("零售业", "Retail trade"),
        new("铁路运输业", "Rail transport"),
        new("道路运输业", "Road transport"),
        new("水上运输业", "Water transport"),
        new("航空运输业", "Air transport"),
        new("管道运输业", "Pipeline transport"),
        new("多式联运和运输代理业", "Multimodal transport and transport agency"),
        new("装卸搬运和仓储业", "Loading, unloading and warehousing"),
        new("邮政业", "Postal services"),
        new("住宿业", "Accommodation"),
        new("餐饮业", "Catering"),
        new("电信、广播电视和卫星传输服务", "Telecommunications, broadcasting and satellite transmission services"),
        new("互联网和相关服务", "Internet and related services"),
        new("软件和信息技术服务业", "Software and information technology services"),
        new("货币金融服务", "Monetary and financial services"),
        new("资本市场服务", "Capital market services"),
        new("保险业", "Insurance"),
        new("其他金融业", "Other financial services"),
        new("房地产业", "Real estate"),
        new("租赁业", "Leasing"),
        new("商务服务业", "Business services"),
        new("研究和试验发展", "Research and experimental development"),
        new("专业技术服务业", "Professional technical services"),
        new("科技推广和应用服务业", "Technology promotion and application services"),
        new("水利管理业", "Water conservancy management"),
        new("生态保护和环境治理业", "Ecological protection and environmental management"),
        new("公共设施管理业", "Public facilities management"),
        new("土地管理业", "Land management"),
        new("居民服务业", "Resident services"),
        new("机动车、电子产品和日用产品修理业", "Repair of motor vehicles, electronic products and household goods"),
        new("其他服务业", "Other services"),
        new("教育", "Education"),
        new("卫生", "Health"),
        new("社会工作", "Social work"),
        new("新闻和出版业", "News and publishing"),
        new("广播、电视、电影和录音制作业", "Radio, television, film and sound recording production"),
        new("文化艺术业", "Culture and arts"),
        new("体育", "Sport"),
        new("娱乐业", "Entertainment"),
        new("中国共产党机关", "Organs of the Communist Party of China"),
        new("国家机构", "State organs"),
        new("人民政协、民主党派", "CPPCC and democratic parties"),
        new("社会保障", "Social security"),
        new("群众团体、社会团体和其他成员组织", "Mass organisations, social organisations and other membership organisations"),
        new("基层群众自治组织及其他组织", "Grass-roots self-governing organisations and other organisations"),
        new("国际组织", "International organisations"),
    ];

    /// <summary>The name of a section, or null for a letter that is not one.</summary>
    /// <param name="section">A section letter A–T.</param>
    public static BilingualName? Section(char section) => SectionNames.GetValueOrDefault(section);

    /// <summary>The name of a division, or null for a number outside 01–97.</summary>
    /// <param name="division">A division number.</param>
    public static BilingualName? Division(int division) =>
        division is >= IndustryClassification.FirstDivision and <= IndustryClassification.LastDivision ? DivisionNames[division - 1] : null;
}

/// <summary>
/// The provinces (省级行政区) of GB/T 2260: the first two digits of a region code name the
/// province, autonomous region, municipality or special administrative region it lies in.
/// Thread-safe: a read-only table.
/// </summary>
public static class ProvinceNames
{
    private static readonly Dictionary<string, BilingualName> Names = new(StringComparer.Ordinal)
    {
        ["11"] = new("北京市", "Beijing"),
        ["12"] = new("天津市", "Tianjin"),
        ["13"] = new("河北省", "Hebei"),
        ["14"] = new("山西省", "Shanxi"),
        ["15"] = new("内蒙古自治区", "Inner Mongolia"),
        ["21"] = new("辽宁省", "Liaoning"),
        ["22"] = new("吉林省", "Jilin"),
        ["23"] = new("黑龙江省", "Heilongjiang"),
        ["31"] = new("上海市", "Shanghai"),
        ["32"] = new("江苏省", "Jiangsu"),
        ["33"] = new("浙江省", "Zhejiang"),
        ["34"] = new("安徽省", "Anhui"),
        ["35"] = new("福建省", "Fujian"),
        ["36"] = new("江西省", "Jiangxi"),
        ["37"] = new("山东省", "Shandong"),
        ["41"] = new("河南省", "Henan"),
        ["42"] = new("湖北省", "Hubei"),
        ["43"] = new("湖南省", "Hunan"),
        ["44"] = new("广东省", "Guangdong"),
        ["45"] = new("广西壮族自治区", "Guangxi"),
        ["46"] = new("海南省", "Hainan"),
        ["50"] = new("重庆市", "Chongqing"),
        ["51"] = new("四川省", "Sichuan"),
        ["52"] = new("贵州省", "Guizhou"),
        ["53"] = new("云南省", "Yunnan"),
        ["54"] = new("西藏自治区", "Xizang"),
        ["61"] = new("陕西省", "Shaanxi"),
        ["62"] = new("甘肃省", "Gansu"),
        ["63"] = new("青海省", "Qinghai"),
        ["64"] = new("宁夏回族自治区", "Ningxia"),
        ["65"] = new("新疆维吾尔自治区", "Xinjiang"),
        ["71"] = new("台湾省", "Taiwan"),
        ["81"] = new("香港特别行政区", "Hong Kong"),
        ["82"] = new("澳门特别行政区", "Macao"),
    };

    /// <summary>The province's two digits of a region code (<c>440300</c> → <c>44</c>).</summary>
    /// <param name="regionCode">A GB/T 2260 code of at least two characters.</param>
    public static string ProvinceOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        return regionCode.Length >= 2 ? regionCode[..2] : regionCode;
    }

    /// <summary>The name of a province by its two digits, or null for digits that name none.</summary>
    /// <param name="province">Two digits, e.g. <c>44</c>.</param>
    public static BilingualName? Of(string province) => Names.GetValueOrDefault(province);
}
