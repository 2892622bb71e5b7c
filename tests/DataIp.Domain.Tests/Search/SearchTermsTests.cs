using DataIp.Domain.Search;

namespace DataIp.Domain.Tests.Search;

public sealed class SearchTermsTests
{
    private const string Dataset = "深圳市城市交通运行监测数据集（2024年版）";

    public static TheoryData<string, string> Matching => new()
    {
        { "交通", Dataset },
        { "监测数据", Dataset },
        { "运行监", Dataset },
        { "集", Dataset }, // the last character of a run
        { "深", Dataset }, // the first
        { "2024", Dataset },
        { "20", Dataset }, // a word matches as a prefix
        { "数据 2024", Dataset },
        { "Traffic", "Urban traffic flow dataset" },
        { "TRAFFIC DATA", "Urban traffic flow dataset" },
        { "café", "CAFE opening hours" },
        { "cafe", "Café opening hours" },
        { "ＤＡＴＡ", "data exchange" }, // full-width Latin
        { "data", "ＤＡＴＡ exchange" },
        { "ai数据", "面向AI训练的数据集" }, // mixed scripts
        { "AI 训练", "面向AI训练的数据集" },
        { "4403-2025-000123", "DIP-4403-2025-000123" },
        { "データ", "交通データ" },
        { "교통", "서울 교통 데이터" },
        { "", Dataset }, // no terms: everything
    };

    public static TheoryData<string, string> NotMatching => new()
    {
        { "深运", Dataset }, // both characters present, not adjacent
        { "交通部", Dataset },
        { "2023", Dataset },
        { "trafic", "Urban traffic flow dataset" },
        { "dataset", "data exchange" }, // a prefix of the query is not enough
        { "テータ", "交通データ" }, // the voicing mark is kept
        { "数据", "数 据" }, // a space separates runs
    };

    [Theory]
    [MemberData(nameof(Matching))]
    public void Query_FoundInText(string query, string text)
    {
        Assert.True(SearchTerms.Matches(SearchTerms.ForIndex(text), SearchTerms.ForQuery(query)), $"'{query}' in '{text}'");
    }

    [Theory]
    [MemberData(nameof(NotMatching))]
    public void Query_NotFoundInText(string query, string text)
    {
        Assert.False(SearchTerms.Matches(SearchTerms.ForIndex(text), SearchTerms.ForQuery(query)), $"'{query}' in '{text}'");
    }

    [Fact]
    public void EveryCjkSubstring_IsFound()
    {
        // The promise that needs no segmentation: any run of characters taken from the text finds it.
        const string text = "省级公共数据授权运营平台交易记录";
        var indexed = SearchTerms.ForIndex(text);
        for (var start = 0; start < text.Length; start++)
        {
            for (var length = 1; start + length <= text.Length; length++)
            {
                Assert.True(SearchTerms.Matches(indexed, SearchTerms.ForQuery(text.Substring(start, length))), text.Substring(start, length));
            }
        }
    }

    [Fact]
    public void ForIndex_BigramsAndTheRunsLastCharacter_WordsWhole_EachOnce()
    {
        Assert.Equal(["数据", "据集", "集", "open", "data", "据", "2024"], SearchTerms.ForIndex("数据集 Open-DATA 数据 2024"));
    }

    [Fact]
    public void ForQuery_CjkRunsAsBigrams_SingleCharactersAndWordsAsPrefixes()
    {
        Assert.Equal(
            [new QueryTerm("交通", false), new QueryTerm("通数", false), new QueryTerm("市", true), new QueryTerm("data", true)],
            SearchTerms.ForQuery("交通数 市 DATA"));
    }

    [Fact]
    public void LoneSurrogatesAndControlCharacters_AreSeparators()
    {
        var text = "交通\uD800数据\u0000集\uDFFFopen";

        Assert.Equal(["交通", "通", "数据", "据", "集", "open"], SearchTerms.ForIndex(text));
        Assert.Equal([new QueryTerm("交通", false), new QueryTerm("open", true)], SearchTerms.ForQuery("交通\uDC00open"));
    }

    [Fact]
    public void LongWords_CutAtACharacterBoundary()
    {
        var word = new string('a', SearchTerms.MaxTermLength - 1) + "\U00010330"; // Gothic letter ahsa: two UTF-16 units

        var term = Assert.Single(SearchTerms.ForIndex(word));

        Assert.Equal(new string('a', SearchTerms.MaxTermLength - 1), term);
    }

    [Fact]
    public void LongQueries_ReadForTheFirstTerms()
    {
        var query = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}"));

        Assert.Equal(SearchTerms.MaxQueryTerms, SearchTerms.ForQuery(query).Count);
        Assert.Empty(SearchTerms.ForQuery(" \t-—、。 "));
    }

    [Fact]
    public void QueryTermCount_CountsBeyondTheCut_EachTermOnce()
    {
        var query = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"w{i}")) + " w0 数据交易 数据";

        Assert.Equal(40 + 3, SearchTerms.QueryTermCount(query));
        Assert.Equal(SearchTerms.MaxQueryTerms, SearchTerms.ForQuery(query).Count);
        Assert.Equal(0, SearchTerms.QueryTermCount(null));
    }
}
