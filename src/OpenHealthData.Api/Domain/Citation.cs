using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Domain;

public static class Citation
{
    /// <summary>How to cite a figure: who said it, where, when, in their own words.</summary>
    public static string Format(Observation o, Source s) =>
        $"{s.Publisher}《{s.Title}》({s.Date}): “{o.Quote}”" + (s.Url is null ? "" : $" {s.Url}");
}
