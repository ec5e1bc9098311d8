using JiebaNet.Segmenter;

namespace OpenHealthData.Data.SearchText;

/// <summary>
/// Chinese word segmentation with jieba.NET: its dictionary (349,000 words with frequencies) and its hidden Markov
/// model for words the dictionary lacks, plus our words (<see cref="SearchLexicon"/>).
/// jieba.NET reads its dictionary from files in a folder (by default Resources/ beside the application, resolved
/// through app.config), and when a file is missing it silently segments without it. Its NuGet package carries the
/// files but does not copy them into the build output, so this project's build copies the three it needs into
/// jieba/ beside the assembly, and this class points jieba at that folder by absolute path and checks the files
/// are there: it works offline and from any working directory, and fails loudly when the files are missing.
/// </summary>
public static class ChineseSegmenter
{
    /// <summary>The files jieba reads for segmentation: the dictionary and the model of unknown words.</summary>
    public static readonly IReadOnlyList<string> Files = ["dict.txt", "prob_trans.json", "prob_emit.json"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "jieba");

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads the dictionary now (about a second) rather than at the first search.</summary>
    public static void Load() => _ = Segmenter.Value;

    /// <summary>The words of a run of Chinese characters, as jieba's accurate mode cuts it (each character in one word), with their offsets.</summary>
    public static IEnumerable<(string Word, int Start)> Words(string run) =>
        Segmenter.Value.Tokenize(run, TokenizerMode.Default).Select(t => (t.Word, t.StartIndex));

    /// <summary>
    /// The words of a run for a search index (jieba's search-engine mode): every word of accurate mode and, inside a
    /// word of three characters or more, the dictionary words of two and three characters it contains
    /// (孕产妇 → 孕产, 产妇, 孕产妇), so that a query of the shorter word finds the longer one.
    /// </summary>
    public static IEnumerable<(string Word, int Start)> SearchWords(string run) =>
        Segmenter.Value.Tokenize(run, TokenizerMode.Search).Select(t => (t.Word, t.StartIndex));

    private static JiebaSegmenter Create()
    {
        var missing = Files.Where(f => !File.Exists(Path.Combine(Folder, f))).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"jieba's dictionary files {string.Join(", ", missing)} are not in {Folder}: the build copies them there from the jieba.NET package (see OpenHealthData.Data.csproj).");
        ConfigManager.ConfigFileBaseDir = Folder; // before jieba's first use: its dictionary reads the path once
        var segmenter = new JiebaSegmenter();
        foreach (var word in SearchLexicon.Shared.ChineseWords) segmenter.AddWord(word);
        if (segmenter.Cut("中华人民共和国").Count() != 1)
            throw new InvalidOperationException($"jieba's dictionary in {Folder} did not load: 中华人民共和国 is not one word.");
        return segmenter;
    }
}
