using OpenHealthData.Api.Querying;
using OpenHealthData.Api.Search;
using OpenHealthData.Data.Seeding;

namespace OpenHealthData.Tests.Search;

/// <summary>How typed text becomes terms, and how a quote's sentence is found.</summary>
public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("birth rate", new[] { "birth rate" })] // a word of seed-data/search/words.txt: one term with its synonyms
    [InlineData("\"birth rate\" Yueqing", new[] { "birth rate", "Yueqing" })]
    [InlineData("“出生率”，乐清", new[] { "出生率", "乐清" })]
    [InlineData("rate Rate RATE", new[] { "rate" })]
    [InlineData("  出生率、死亡率。 ", new[] { "出生率", "死亡率" })]
    [InlineData("ＡＢＣ", new[] { "ABC" })] // full-width letters as typed by a Chinese keyboard
    [InlineData("乐清双向转诊", new[] { "乐清", "双向转诊" })] // Chinese without spaces, cut into words
    [InlineData("闻喜孕产妇风险筛查", new[] { "闻喜", "孕产妇", "风险筛查" })]
    [InlineData("乐清的ICU床位", new[] { "乐清", "ICU", "床位" })] // 的 is a stop word
    [InlineData("county-level hospitals", new[] { "county-level", "hospitals" })]
    [InlineData("the number of doctors", new[] { "number", "doctors" })]
    public void Text_is_split_into_the_terms_every_result_must_contain(string text, string[] terms) =>
        Assert.Equal(terms, SearchTerms.Parse(text).Select(t => t.Text));

    [Theory]
    [InlineData("Centres", "center")] // case, plural and the UK spelling: one stem, and the US spelling as an alternative
    [InlineData("recognised", "recogn")]
    [InlineData("ＡＢＣ", "abc")]
    [InlineData("29,162", "29162")]
    [InlineData("90.45%", "90.45")]
    public void A_word_becomes_its_index_term_with_its_spellings_and_synonyms(string text, string term)
    {
        var parsed = Assert.Single(SearchTerms.Parse(text));
        Assert.Contains(parsed.Alternatives, a => a.SequenceEqual([term]));
    }

    [Fact]
    public void Synonyms_and_abbreviations_of_the_search_words_are_alternatives()
    {
        Assert.Contains(Assert.Single(SearchTerms.Parse("质控")).Alternatives, a => a.SequenceEqual(["质量控制"]));
        Assert.Contains(Assert.Single(SearchTerms.Parse("doctors")).Alternatives, a => a.SequenceEqual(["physician"]));
        Assert.Contains(Assert.Single(SearchTerms.Parse("per thousand")).Alternatives, a => a.SequenceEqual(["per", "1000"]));
        Assert.Contains(Assert.Single(SearchTerms.Parse("programme")).Alternatives, a => a.SequenceEqual(["program"]));
    }

    [Fact]
    public void Empty_text_has_no_terms_and_too_much_text_is_refused()
    {
        Assert.Empty(SearchTerms.Parse("  "));
        Assert.Empty(SearchTerms.Parse(null));
        Assert.Throws<QueryArgumentException>(() => SearchTerms.Parse(new string('a', SearchTerms.MaxLength + 1)));
        Assert.Throws<QueryArgumentException>(() => SearchTerms.Parse(string.Join(" ", Enumerable.Range(0, SearchTerms.MaxTerms + 1))));
    }

    [Theory]
    [InlineData("甲。乙丙丁，戊。己。", "丙丁", "乙丙丁，戊。")]
    [InlineData("甲。乙丙丁，戊。己。", "乙丙丁，戊。", "乙丙丁，戊。")] // a quote that ends its sentence
    [InlineData("乙丙丁，戊", "乙", "乙丙丁，戊")] // no full stop at either end
    [InlineData("甲。乙丙\n丁。", "乙", "乙丙")] // a line break ends a sentence
    [InlineData("甲。乙丙。丁戊。", "丙。丁", "乙丙。丁戊。")] // a quote across two sentences gets both
    [InlineData("甲。乙。", "不在", "不在")] // not in the text: the quote itself
    public void The_sentence_runs_from_the_previous_full_stop_to_the_quotes_own(string text, string quote, string sentence) =>
        Assert.Equal(sentence, Sentences.Around(text, quote));
}
