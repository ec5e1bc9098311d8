namespace OpenHealthData.Api.Serving;

/// <summary>Configuration section "RequestLogging".</summary>
public sealed class RequestLogOptions
{
    /// <summary>One log line per request (off by default: at thousands of requests a second it costs CPU and disk).</summary>
    public bool Enabled { get; set; }
}
