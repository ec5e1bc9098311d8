using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenHealthData.Api.Storage;

/// <summary>
/// A column value that is JSON already (dimensions, keywords): nested as it is in JSON answers and JSON files,
/// written as its text in CSV.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed record JsonText(string Text)
{
    public override string ToString() => Text;

    private sealed class Converter : JsonConverter<JsonText>
    {
        public override JsonText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonDocument.ParseValue(ref reader).RootElement.GetRawText());

        public override void Write(Utf8JsonWriter writer, JsonText value, JsonSerializerOptions options) => writer.WriteRawValue(value.Text);
    }
}
