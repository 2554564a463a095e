using AmiAutomation.Runtime.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Cli.Hosting;

/// <summary>Where the functions' logs go in the CLI: nowhere by default, JSON lines on standard error with <c>--verbose</c>.</summary>
public static class FunctionLogs
{
    public static ILoggerProvider Create(bool verbose, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(error);
        return verbose
            ? new LambdaLoggerProvider(
                new LambdaLoggerOptions
                {
                    Format = LambdaLogFormat.Json,
                    MinimumLevel = LogLevel.Information,
                    Service = "ami-automation-cli",
                    Output = error,
                },
                time)
            : NullLoggerProvider.Instance;
    }
}
