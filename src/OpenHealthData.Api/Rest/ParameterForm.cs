using System.Globalization;

namespace OpenHealthData.Api.Rest;

/// <summary>
/// The form a query-string parameter takes: what a client is told it must be, what the OpenAPI document says it
/// is, and how its text is read. A new form is one subclass.
/// </summary>
public abstract record ParameterForm(string Expected)
{
    /// <summary>The value the text stands for, or null when it is not of this form.</summary>
    public abstract object? Read(string text);

    /// <summary>A code, a name or an opaque cursor: any text from 1 to <paramref name="MaxLength"/> characters.</summary>
    public sealed record Text(string Expected, int MaxLength = 100) : ParameterForm(Expected)
    {
        public override object? Read(string text) => text.Length <= MaxLength ? text : null;
    }

    /// <summary>
    /// The code of an entity (a region, a metric, a source): text, then checked against the data by
    /// <see cref="EntityCodes"/>; an unknown code is a 400 that names the parameter and the dataset that lists the codes.
    /// </summary>
    /// <param name="Dataset">The snapshot dataset that lists the codes, e.g. regions.</param>
    public sealed record Code(string Expected, string Dataset) : ParameterForm(Expected)
    {
        public override object? Read(string text) => text.Length <= 100 ? text : null;
    }

    /// <summary>One word of a closed list (a vocabulary of the seed data), as written.</summary>
    public sealed record OneOf(IReadOnlySet<string> Values) : ParameterForm("one of " + string.Join(", ", Values.Order(StringComparer.Ordinal)))
    {
        public override object? Read(string text) => Values.Contains(text) ? text : null;
    }

    /// <summary>A whole number written in digits (an optional minus sign, no decimal point or exponent), from Min to Max.</summary>
    public sealed record WholeNumber(string Expected, int Min, int Max) : ParameterForm(Expected)
    {
        public override object? Read(string text) =>
            int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= Min && value <= Max ? value : null;
    }
}
