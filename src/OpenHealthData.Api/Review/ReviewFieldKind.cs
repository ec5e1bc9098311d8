namespace OpenHealthData.Api.Review;

/// <summary>How a field of a record is edited on the review page and read back from its form.</summary>
public enum ReviewFieldKind
{
    /// <summary>A line of text, kept exactly as typed (a quote's spaces matter); empty removes the field.</summary>
    Text,
    /// <summary>Several lines of text (notes).</summary>
    LongText,
    /// <summary>A JSON number.</summary>
    Number,
    /// <summary>A whole number (the year).</summary>
    Integer,
    /// <summary>One of a closed list (kind, unit, qualifier, year basis).</summary>
    Choice,
    /// <summary>A checkbox: true, or the field left out (false is its default).</summary>
    Flag,
    /// <summary>A JSON object (dimensions, reviewed exceptions).</summary>
    Object,
}
