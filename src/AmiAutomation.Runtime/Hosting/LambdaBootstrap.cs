using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Logging;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// The Lambda custom-runtime host (our replacement for Amazon.Lambda.RuntimeSupport): read the environment once, create
/// the function named by <c>AMI_AUTOMATION_HANDLER</c> or <c>_HANDLER</c>, then serve invocations until stopped.
/// Init failures are posted to <c>init/error</c> (<c>Runtime.NoSuchHandler</c>, <c>Runtime.InvalidConfiguration</c>,
/// <c>Runtime.HandlerInitFailed</c>) and end with <see cref="BootstrapExitCodes.InitializationFailed"/>.
/// </summary>
public static class LambdaBootstrap
{
    /// <summary>Runs the host with the given environment and clock, writing to stdout/stderr.</summary>
    /// <returns>The process exit code (<see cref="BootstrapExitCodes"/>).</returns>
    public static Task<int> RunAsync(FunctionRegistry registry, IEnvironmentVariables environment, TimeProvider time, CancellationToken cancellationToken)
        => RunAsync(registry, new LambdaBootstrapOptions { Environment = environment, TimeProvider = time }, cancellationToken);

    /// <summary>Runs the host; <paramref name="cancellationToken"/> stops it cleanly, even while <c>next</c> is waiting.</summary>
    /// <returns>The process exit code (<see cref="BootstrapExitCodes"/>).</returns>
    public static async Task<int> RunAsync(FunctionRegistry registry, LambdaBootstrapOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        var settings = RuntimeSettings.Read(options.Environment);
        var errorOutput = options.ErrorOutput ?? Console.Error;
        var sink = new OutputSink(options.Output ?? Console.Out);
        using var loggers = new LambdaLoggerProvider(LoggerOptions(settings), options.TimeProvider, sink);
        var log = loggers.CreateLogger("AmiAutomation.Runtime.Hosting");
        foreach (var warning in settings.Warnings.Concat(options.StartupWarnings))
        {
            log.LogWarning("Configuration: {ConfigurationWarning}", warning);
        }

        if (settings.RuntimeApi is null)
        {
            await errorOutput.WriteLineAsync(
                $"bootstrap: {RuntimeEnvironmentVariableNames.RuntimeApi} is not set. This program is a Lambda custom runtime: run it "
                + $"in AWS Lambda or set {RuntimeEnvironmentVariableNames.RuntimeApi}=host:port of a Runtime API emulator.");
            await errorOutput.FlushAsync(CancellationToken.None);
            return BootstrapExitCodes.InitializationFailed;
        }

        RuntimeApiClient client;
        try
        {
            client = new RuntimeApiClient(settings.RuntimeApi);
        }
        catch (ArgumentException ex)
        {
            await errorOutput.WriteLineAsync($"bootstrap: {RuntimeEnvironmentVariableNames.RuntimeApi}: {ex.Message}");
            return BootstrapExitCodes.InitializationFailed;
        }

        using (client)
        {
            var (function, error) = FunctionInitializer.Create(registry, settings);
            if (function is null)
            {
                return await FailInitAsync(client, error!, log, errorOutput);
            }

            var metrics = new EmfMetricsWriter(settings.MetricsNamespace, settings.ServiceName, sink, options.TimeProvider);
            var runner = new InvocationRunner(function, client, settings, loggers, metrics, options);
            return await new InvocationLoop(client, runner, settings.RunOnce, log, errorOutput).RunAsync(cancellationToken);
        }
    }

    private static LambdaLoggerOptions LoggerOptions(RuntimeSettings settings) => new()
    {
        MinimumLevel = settings.MinimumLogLevel,
        Format = settings.LogFormat,
        Service = settings.ServiceName,
        FunctionName = settings.FunctionName,
        FunctionVersion = settings.FunctionVersion,
        FunctionMemorySizeMb = settings.MemorySizeMb,
    };

    private static async Task<int> FailInitAsync(RuntimeApiClient client, InitializationError error, ILogger log, TextWriter errorOutput)
    {
        log.LogCritical(error.Cause, "Init failed with {ErrorType}: {ErrorMessage}", error.ErrorType, error.Message);
        await errorOutput.WriteLineAsync($"bootstrap: init failed ({error.ErrorType}): {error.Message}");
        try
        {
            var answer = await client.PostInitErrorAsync(error.ErrorType, ErrorDocumentWriter.ForInitError(error.ErrorType, error.Message, error.Cause));
            if (!answer.Accepted)
            {
                await errorOutput.WriteLineAsync($"bootstrap: the Runtime API refused init/error with {answer.StatusCode}: {answer.Body}");
            }
        }
        catch (RuntimeApiException ex)
        {
            await errorOutput.WriteLineAsync($"bootstrap: could not report the init error: {ex.Message}");
        }

        await errorOutput.FlushAsync(CancellationToken.None);
        return BootstrapExitCodes.InitializationFailed;
    }
}
