using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenHealthData.Data.Model;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// The snapshot's <c>datapackage.json</c>, a Frictionless Data Package (https://specs.frictionlessdata.io/data-package/):
/// every file as a resource with its size and SHA-256; every table with a Table Schema made from the same columns the
/// files are written from (types, descriptions, the dataset's primary and foreign keys), so that the
/// descriptor cannot say something the files do not; the licence and the five reports as sources.
/// </summary>
public static class DataPackage
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Describe(string snapshotId, IReadOnlyList<SnapshotFile> files, IReadOnlyList<Source> sources)
    {
        var resources = new JsonArray();
        foreach (var file in files)
        {
            var dataset = Dataset.Find(file.Dataset);
            var resource = new JsonObject
            {
                ["name"] = dataset is null ? file.Dataset : file.Format == "csv" ? dataset.Name : $"{dataset.Name}-{file.Format}",
                ["path"] = file.Name,
                ["profile"] = dataset is null ? "data-resource" : "tabular-data-resource",
                ["format"] = file.Format == "db" ? "sqlite" : file.Format,
                ["mediatype"] = SnapshotStore.ContentTypes[file.Format].Split(';')[0],
                ["bytes"] = file.Bytes,
                ["hash"] = $"sha256:{file.Sha256}",
            };
            if (SnapshotStore.IsCompressed(file.Format)) resource["encoding"] = "utf-8";
            if (file.Format == "csv")
                resource["dialect"] = new JsonObject { ["delimiter"] = ",", ["lineTerminator"] = "\r\n", ["quoteChar"] = "\"", ["doubleQuote"] = true, ["header"] = true };
            if (file.Name == SnapshotStore.DatabaseFile)
                resource["description"] = "The SQLite database the API reads, built from the same seed data; its README table says what each table holds.";
            if (dataset is not null) resource["schema"] = Schema(dataset);
            resources.Add(resource);
        }

        return new JsonObject
        {
            ["profile"] = "data-package",
            ["name"] = "openhealthdata",
            ["id"] = $"openhealthdata-{snapshotId}",
            ["version"] = snapshotId,
            ["title"] = "OpenHealthData: figures from Chinese public-health reports",
            ["description"] = "Every figure of five public health reports (Shanxi province, Lüliang city, Wenxi county, Yueqing city, " +
                              "Jiangxi province), each with the verbatim quote it comes from, its region, metric, year, kind and source.",
            ["created"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = "CC-BY-4.0",
                ["title"] = "Creative Commons Attribution 4.0 (the extracted tables); the quoted report texts remain their publishers'",
                ["path"] = "https://creativecommons.org/licenses/by/4.0/",
            }),
            ["sources"] = new JsonArray([.. sources.Select(s => (JsonNode)new JsonObject
            {
                ["title"] = $"{s.Publisher}: {s.Title} ({s.Date})",
                ["path"] = s.Url ?? $"/api/v1/sources/{s.Id}/text",
                ["publisher"] = s.Publisher,
                ["publisherEn"] = s.PublisherEn,
            })]),
            ["resources"] = resources,
        };
    }

    /// <summary>The Table Schema of a dataset: its columns, and the keys of its entity.</summary>
    public static JsonObject Schema(Dataset dataset)
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. dataset.Columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.JsonType ?? FieldType(c.Type),
                ["description"] = c.Description,
            })]),
            ["missingValues"] = new JsonArray(""),
        };
        schema["primaryKey"] = new JsonArray(dataset.PrimaryKey);
        if (dataset.ForeignKeys.Count > 0)
            schema["foreignKeys"] = new JsonArray([.. dataset.ForeignKeys.Select(k => (JsonNode)new JsonObject
            {
                ["fields"] = k.Column,
                ["reference"] = new JsonObject { ["resource"] = k.Dataset, ["fields"] = k.Field },
            })]);
        return schema;
    }

    /// <summary>Table Schema's type of a column's value type.</summary>
    public static string FieldType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "integer",
        var t when t == typeof(double) => "number",
        var t when t == typeof(bool) => "boolean",
        _ => "string",
    };

}
