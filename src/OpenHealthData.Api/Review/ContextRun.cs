namespace OpenHealthData.Api.Review;

/// <summary>A piece of the text around a candidate: outside its sentence, in it, in its quote, or the number itself.</summary>
public sealed record ContextRun(string Text, bool Sentence, bool Quote, bool Number);
