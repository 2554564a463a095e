namespace AmiAutomation.Runtime.Hosting;

/// <summary>Exit codes of <see cref="LambdaBootstrap.RunAsync(Functions.FunctionRegistry, LambdaBootstrapOptions, CancellationToken)"/>.</summary>
public static class BootstrapExitCodes
{
    /// <summary>Stopped on request (cancellation, run-once).</summary>
    public const int Success = 0;

    /// <summary>Init failed: unknown handler, bad configuration, a throwing factory, no <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public const int InitializationFailed = 1;

    /// <summary>The Runtime API answered 500, broke the protocol or could not be reached.</summary>
    public const int RuntimeApiFailed = 2;

    /// <summary>The host failed outside any handler (a bug, or stdout gone): logged, then the process ends.</summary>
    public const int HostFailed = 3;
}
