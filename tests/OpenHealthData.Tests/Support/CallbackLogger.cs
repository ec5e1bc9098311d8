using Microsoft.Extensions.Logging;

namespace OpenHealthData.Tests.Support;

public sealed class CallbackLogger(Action<string> onMessage) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        onMessage(formatter(state, exception));
}
