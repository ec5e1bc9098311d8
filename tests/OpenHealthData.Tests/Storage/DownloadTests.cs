using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Json.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenHealthData.Api.Storage;
using OpenHealthData.Data.Seeding;
using OpenHealthData.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace OpenHealthData.Tests.Storage;

/// <summary>The notebook-ready files of a snapshot: Parquet, the Frictionless data package and the SQLite database.</summary>
[Collection(ApiCollection.Name)]
public sealed class DownloadTests(ApiFactory api)
{
    private HttpClient Client => api.CreateClient(new() { AllowAutoRedirect = false });
    private static string Current => SeedHash.Compute(RepoPaths.SeedData);

    [Fact]
    public async Task Every_dataset_has_a_typed_compressed_parquet_file_with_the_rows_of_its_json()
    {
        foreach (var dataset in Dataset.All)
        {
            var response = await Client.GetAsync($"/api/v1/snapshots/{Current}/{dataset.Name}.parquet");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);

            await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
            var fields = reader.Schema.DataFields;
            Assert.Equal(dataset.Columns.Select(c => c.Name), fields.Select(f => f.Name));
            foreach (var (column, field) in dataset.Columns.Zip(fields))
                Assert.True(DataPackage.FieldType(column.Type) == FieldTypeOf(field), $"{dataset.Name}.{field.Name}: {field.ClrType}");

            var json = JsonDocument.Parse(await Client.GetStringAsync($"/api/v1/snapshots/{Current}/{dataset.Name}.json")).RootElement.EnumerateArray().ToList();
            var rows = await ReadRowsAsync(reader);
            Assert.Equal(json.Count, rows.Count);
            Assert.NotEmpty(rows);
            foreach (var (expected, row) in json.Zip(rows))
                foreach (var (property, value) in expected.EnumerateObject().Zip(row))
                    Assert.True(Same(property.Value, value), $"{dataset.Name}.{property.Name}: JSON {property.Value} vs Parquet {value}");

            foreach (var chunk in reader.Metadata!.RowGroups.SelectMany(g => g.Columns))
                Assert.Equal(Parquet.Meta.CompressionCodec.SNAPPY, chunk.MetaData!.Codec);
        }
    }

    [Fact]
    public async Task Parquet_types_are_real_and_codes_are_dictionary_encoded()
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(await Client.GetByteArrayAsync($"/api/v1/snapshots/{Current}/observations.parquet")));
        DataField Field(string name) => reader.Schema.DataFields.Single(f => f.Name == name);
        Assert.Equal(typeof(int), Field("year").ClrType);
        Assert.False(Field("year").IsNullable);
        Assert.Equal(typeof(double), Field("value").ClrType);
        Assert.Equal("string", FieldTypeOf(Field("regionCode")));
        // Text columns are UTF-8 strings to every reader (pandas, DuckDB, Arrow), not bare byte arrays.
        foreach (var element in reader.Metadata!.Schema.Where(e => e.Type == Parquet.Meta.Type.BYTE_ARRAY))
            Assert.True(element.LogicalType?.STRING is not null || element.ConvertedType == Parquet.Meta.ConvertedType.UTF8, $"{element.Name} is not a string column");
        var columns = reader.Metadata!.RowGroups[0].Columns;
        // Not metricCode: in the real data most metrics have one figure, and a dictionary of near-unique values saves nothing.
        foreach (var code in new[] { "regionCode", "kind", "unit", "sourceId" })
        {
            var chunk = columns.Single(c => c.MetaData!.PathInSchema.SequenceEqual([code]));
            Assert.True(chunk.MetaData!.DictionaryPageOffset is not null
                        || chunk.MetaData.Encodings.Any(e => e is Parquet.Meta.Encoding.RLE_DICTIONARY or Parquet.Meta.Encoding.PLAIN_DICTIONARY),
                $"{code} is not dictionary-encoded: {string.Join(", ", chunk.MetaData.Encodings)}");
        }
    }

    [Theory]
    [InlineData("observations.parquet")]
    [InlineData(SnapshotStore.DatabaseFile)]
    [InlineData(SnapshotStore.DataPackageFile)]
    public async Task Notebook_files_are_immutable_with_etag_304_and_ranges(string file)
    {
        var latest = await Client.GetAsync($"/api/v1/snapshots/latest/{file}");
        Assert.Equal(HttpStatusCode.Redirect, latest.StatusCode);
        var url = latest.Headers.Location!.OriginalString;
        Assert.Equal($"/api/v1/snapshots/{Current}/{file}", url);

        var first = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("immutable", first.Headers.CacheControl!.Extensions.Select(e => e.Name));
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var bytes = await first.Content.ReadAsByteArrayAsync();

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(conditional)).StatusCode);

        var range = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(4, 11) } });
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(bytes[4..12], await range.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Binary_files_are_not_compressed_again()
    {
        foreach (var file in new[] { "observations.parquet", SnapshotStore.DatabaseFile })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/snapshots/{Current}/{file}");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task The_listing_links_parquet_the_data_package_and_the_database()
    {
        var json = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/snapshots")).RootElement;
        var snapshot = json.GetProperty("snapshots").EnumerateArray().Single(s => s.GetProperty("id").GetString() == Current);
        Assert.Equal($"/api/v1/snapshots/{Current}/observations.parquet",
            snapshot.GetProperty("datasets").GetProperty("observations").GetProperty("parquet").GetProperty("url").GetString());
        Assert.Equal($"/api/v1/snapshots/{Current}/{SnapshotStore.DataPackageFile}", snapshot.GetProperty("dataPackage").GetProperty("url").GetString());
        var database = snapshot.GetProperty("database");
        Assert.Equal($"/api/v1/snapshots/{Current}/{SnapshotStore.DatabaseFile}", database.GetProperty("url").GetString());
        var bytes = await Client.GetByteArrayAsync(database.GetProperty("url").GetString());
        Assert.Equal(bytes.Length, database.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), database.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task The_data_package_validates_against_the_frictionless_profiles()
    {
        var package = JsonNode.Parse(await Client.GetStringAsync($"/api/v1/snapshots/{Current}/{SnapshotStore.DataPackageFile}"))!;
        AssertValid(Profile("data-package.json"), package, "datapackage.json");
        var tabular = Profile("tabular-data-resource.json");
        var resources = package["resources"]!.AsArray();
        foreach (var resource in resources.Where(r => (string?)r!["profile"] == "tabular-data-resource"))
            AssertValid(tabular, resource!, (string)resource!["name"]!);

        Assert.Equal(5, package["sources"]!.AsArray().Count);
        Assert.NotEmpty(package["licenses"]!.AsArray());
        // Every file of the snapshot is a resource, with its real size and hash.
        foreach (var resource in resources)
        {
            var bytes = await Client.GetByteArrayAsync($"/api/v1/snapshots/{Current}/{resource!["path"]}");
            Assert.Equal(bytes.Length, (long)resource["bytes"]!);
            Assert.Equal($"sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))}", (string)resource["hash"]!);
        }
        Assert.Contains(resources, r => (string?)r!["path"] == SnapshotStore.DatabaseFile);
        Assert.Equal(Dataset.All.Count * 3 + 1, resources.Count); // json, csv and parquet of each dataset, and the database
    }

    [Fact]
    public async Task Every_declared_field_is_in_the_files_with_its_type_and_every_foreign_key_resolves()
    {
        var package = JsonNode.Parse(await Client.GetStringAsync($"/api/v1/snapshots/{Current}/{SnapshotStore.DataPackageFile}"))!;
        var resources = package["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var csvTables = new Dictionary<string, List<Dictionary<string, string>>>();
        foreach (var resource in resources.Where(r => (string?)r["format"] == "csv"))
        {
            var fields = resource["schema"]!["fields"]!.AsArray().Select(f => ((string)f!["name"]!, (string)f["type"]!)).ToList();
            var bytes = await Client.GetByteArrayAsync($"/api/v1/snapshots/{Current}/{resource["path"]}");
            using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
            reader.Read();
            reader.ReadHeader();
            Assert.Equal(fields.Select(f => f.Item1), reader.HeaderRecord!);
            var rows = new List<Dictionary<string, string>>();
            while (reader.Read())
            {
                var row = fields.Select((f, i) => (f.Item1, reader.Parser.Record![i])).ToDictionary(p => p.Item1, p => p.Item2);
                foreach (var (name, type) in fields)
                    Assert.True(Parses(row[name], type), $"{resource["name"]}.{name}: '{row[name]}' is not {type}");
                rows.Add(row);
            }
            csvTables[(string)resource["name"]!] = rows;
        }
        foreach (var resource in resources.Where(r => (string?)r["format"] == "parquet"))
        {
            await using var reader = await ParquetReader.CreateAsync(new MemoryStream(await Client.GetByteArrayAsync($"/api/v1/snapshots/{Current}/{resource["path"]}")));
            // JSON columns (object, array) are their text in Parquet.
            var declared = resource["schema"]!["fields"]!.AsArray().Select(f => ((string)f!["name"]!, (string)f["type"]! is "object" or "array" ? "string" : (string)f["type"]!));
            Assert.Equal(declared, reader.Schema.DataFields.Select(f => (f.Name, FieldTypeOf(f))));
        }
        foreach (var resource in resources.Where(r => (string?)r["format"] == "csv"))
        {
            var rows = csvTables[(string)resource["name"]!];
            var key = (string)resource["schema"]!["primaryKey"]![0]!;
            Assert.Equal(rows.Count, rows.Select(r => r[key]).Distinct().Count());
            foreach (var foreign in resource["schema"]!["foreignKeys"]?.AsArray() ?? [])
            {
                var target = csvTables[(string)foreign!["reference"]!["resource"]!];
                var keys = target.Select(r => r[(string)foreign["reference"]!["fields"]!]).ToHashSet();
                var column = (string)foreign["fields"]!;
                Assert.All(rows.Where(r => r[column] != ""), r => Assert.Contains(r[column], keys));
            }
        }
        Assert.Contains(resources, r => (string?)r["name"] == "observations" && r["schema"]!["foreignKeys"]!.AsArray().Any(f => (string?)f!["fields"] == "regionCode"));
    }

    [Fact]
    public async Task The_database_download_is_the_file_the_api_reads_and_documents_its_tables()
    {
        var bytes = await Client.GetByteArrayAsync($"/api/v1/snapshots/{Current}/{SnapshotStore.DatabaseFile}");
        Assert.Equal(await File.ReadAllBytesAsync(api.DatabasePath), bytes);
        using var temp = RepoPaths.NewTempFolder();
        var path = temp.File("download.db");
        await File.WriteAllBytesAsync(path, bytes);
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var documented = await ReadAsync(connection, "SELECT name, description FROM README");
        var tables = await ReadAsync(connection, "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE '%\\_%' ESCAPE '\\' OR name = 'sqlite_stat1'");
        foreach (var (table, _) in tables) Assert.True(documented.Any(d => d.Item1 == table), $"table {table} is not in README");
        Assert.All(documented, d => Assert.NotEqual(DatabaseReadme.Undocumented, d.Item2));
        var observations = await ReadAsync(connection, "SELECT count(*), '' FROM Observations");
        await using var db = api.OpenDatabase();
        Assert.Equal((await db.Observations.CountAsync()).ToString(CultureInfo.InvariantCulture), observations[0].Item1);
    }

    private static async Task<List<(string, string)>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, reader.GetString(1)));
        return rows;
    }

    private static JsonSchema Profile(string file)
    {
        // The profiles declare draft-04; the keywords they use mean the same in draft-07, which JsonSchema.Net evaluates.
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OpenHealthData.Tests", "Vendor", "frictionless", file)))!.AsObject();
        node.Remove("$schema");
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07 });
    }

    private static void AssertValid(JsonSchema schema, JsonNode instance, string what)
    {
        var result = schema.Evaluate(JsonDocument.Parse(instance.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        Assert.True(result.IsValid, $"{what} is not valid: {string.Join("; ", errors)}");
    }

    private static bool Parses(string value, string type) => value == "" || type switch
    {
        "integer" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "boolean" => value is "true" or "false",
        "object" => IsJson(value, JsonValueKind.Object),
        "array" => IsJson(value, JsonValueKind.Array),
        _ => true,
    };

    /// <summary>Table Schema's type of a Parquet field (Parquet.Net reads text columns as ReadOnlyMemory&lt;char&gt;).</summary>
    private static bool IsJson(string text, JsonValueKind kind)
    {
        try { return JsonDocument.Parse(text).RootElement.ValueKind == kind; }
        catch (JsonException) { return false; }
    }

    private static string FieldTypeOf(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) ? "string" : DataPackage.FieldType(field.ClrType);

    private static bool Same(JsonElement json, object? value) => json.ValueKind switch
    {
        JsonValueKind.Null => value is null,
        JsonValueKind.Number => value is not null && Convert.ToDouble(value, CultureInfo.InvariantCulture) == json.GetDouble(),
        JsonValueKind.True or JsonValueKind.False => value is bool b && b == json.GetBoolean(),
        JsonValueKind.Object or JsonValueKind.Array => value is string s && s == json.GetRawText(), // dimensions, keywords: JSON text in Parquet
        _ => value is string s && s == json.GetString(),
    };

    private static async Task<List<object?[]>> ReadRowsAsync(ParquetReader reader)
    {
        var rows = new List<object?[]>();
        var fields = reader.Schema.DataFields;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new List<object?[]>();
            foreach (var field in fields) columns.Add(await ReadColumnAsync(group, field, count));
            for (var i = 0; i < count; i++) rows.Add([.. columns.Select(c => c[i])]);
        }
        return rows;
    }

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), null, default);
            return strings;
        }
        if (field.ClrType == typeof(int)) return await ValuesAsync<int>(group, field, count);
        if (field.ClrType == typeof(double)) return await ValuesAsync<double>(group, field, count);
        if (field.ClrType == typeof(bool)) return await ValuesAsync<bool>(group, field, count);
        throw new InvalidOperationException($"unexpected Parquet type {field.ClrType} of {field.Name}");
    }

    private static async Task<object?[]> ValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[count];
            await group.ReadAsync<T>(field, values.AsMemory(), null, default);
            return [.. values.Select(v => (object?)v)];
        }
        var plain = new T[count];
        await group.ReadAsync<T>(field, plain.AsMemory(), null, default);
        return [.. plain.Select(v => (object?)v)];
    }
}
