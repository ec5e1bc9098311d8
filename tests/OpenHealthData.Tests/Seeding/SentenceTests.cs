using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;

namespace OpenHealthData.Tests.Seeding;

/// <summary>Sentences run on across the page and column breaks of the copied texts, and end where the report's sentence ends.</summary>
public sealed class SentenceTests
{
    private const string Long = "持续实施固本强基行动推动优质服务基层行并且今年遴选中心乡镇卫生院建设县域医疗卫生"; // 40 characters, cut by a page break

    [Theory]
    [InlineData(Long + "\n\n次中心。下一句。", "遴选", Long + "次中心。")] // a page break inside a sentence: joined, break left out
    [InlineData("甲。" + Long + "\n\n次中心。", "次中心", Long + "次中心。")] // the quote after the break finds the start before it
    [InlineData("一、加强科学谋划\n\n一是聚力推进。", "一是", "一是聚力推进。")] // a heading (short line) ends there
    [InlineData(Long + "。\n\n次句。", "遴选", Long + "。")] // a line that ends its sentence
    [InlineData("甲。乙丙\n丁。", "乙", "乙丙")] // a short line's break ends the sentence
    public void A_sentence_runs_on_across_a_page_break_only(string text, string quote, string sentence) =>
        Assert.Equal(sentence, Sentences.Around(text, quote));

    [Fact]
    public void No_derived_sentence_of_the_seed_ends_at_a_page_break()
    {
        var (set, errors) = SeedReader.TryRead(RepoPaths.SeedData);
        Assert.True(set is not null, string.Join("\n", errors.Take(10)));
        // Every figure's sentence ends with a full stop, question or exclamation mark, and holds no line break.
        var cut = set.Observations.Where(o => o.Sentence.Length == 0 || !"。！？!?".Contains(o.Sentence[^1]) || o.Sentence.Contains('\n'))
            .Select(o => $"{o.Id}: …{o.Sentence[Math.Max(0, o.Sentence.Length - 30)..]}").ToList();
        Assert.True(cut.Count == 0, "sentences that stop short:\n" + string.Join("\n", cut));
        // The seven that were cut by page breaks read whole.
        var byId = set.Observations.ToDictionary(o => o.Id);
        Assert.EndsWith("建设县域医疗卫生次中心。", byId["wenxi-2024-seven-strengthenings-006"].Sentence);
        Assert.StartsWith("提高妇幼健康水平,推进公共场所和用人单位母婴设施建设", byId["wenxi-2024-seven-strengthenings-007"].Sentence);
        Assert.EndsWith("开展新技术服务400余人次。", byId["wenxi-2024-seven-strengthenings-039"].Sentence);
        Assert.Contains("完成村卫生室标准化", byId["wenxi-2024-seven-strengthenings-033"].Sentence);
        Assert.EndsWith("推进基层医疗卫生机构中医馆建设,建设中医师承教育 基地,实施名医堂工程。", byId["lvliang-2023-work-conference-006"].Sentence);
    }
}
