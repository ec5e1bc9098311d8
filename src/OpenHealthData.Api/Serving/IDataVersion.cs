namespace OpenHealthData.Api.Serving;

/// <summary>The version of the data being served: every answer is the same for as long as it stays the same.</summary>
public interface IDataVersion
{
    string DataVersion { get; }
}
