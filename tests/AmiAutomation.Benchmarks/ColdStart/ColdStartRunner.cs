using System.Diagnostics;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Benchmarks.ColdStart;

/// <summary>Starts a bootstrap process once against a fresh in-process fake Runtime API (run-once mode, one event)
/// and times it with the fake's arrival timestamps.</summary>
internal static class ColdStartRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<ColdStartSample> MeasureAsync(string fileName, IReadOnlyList<string> arguments, string handler)
    {
        await using var api = FakeRuntimeApi.Start();
        api.Enqueue(FakeInvocation.Json("cold-start", """{"ping":"pong"}"""));
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["_HANDLER"] = handler;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "cold-start";
        start.Environment["AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE"] = "true";
        start.Environment.Remove("AMI_AUTOMATION_HANDLER");

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var next = await api.WaitForAsync(r => r.Kind == RecordedRequestKind.Next, Limit);
            var response = await api.WaitForResultAsync("cold-start", Limit);
            using var exit = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(exit.Token);
            if (process.ExitCode != 0 || response.Kind != RecordedRequestKind.Response)
            {
                throw new InvalidOperationException($"{fileName} ended with {process.ExitCode} after a {response.Kind} post.");
            }

            return new ColdStartSample(
                Stopwatch.GetElapsedTime(started, next.ReceivedTimestamp).TotalMilliseconds,
                Stopwatch.GetElapsedTime(started, response.ReceivedTimestamp).TotalMilliseconds);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
