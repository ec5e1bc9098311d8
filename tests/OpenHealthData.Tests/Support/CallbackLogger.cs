using Microsoft.Extensions.Logging;

namespace OpenHealthData.Tests.Support;

public sealed class CallbackLogger(Action<LogLevel, string> onMessage) : ILogger
{
    public CallbackLogger(Action<string> onMessage) : this((_, message) => onMessage(message)) { }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        onMessage(logLevel, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception));
}
