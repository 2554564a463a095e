using System.Text.Json;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Tests.Support;
using AmiAutomation.TestKit.RuntimeApi;

namespace AmiAutomation.Runtime.Tests.Hosting;

public sealed class LambdaBootstrapInitTests : IAsyncLifetime
{
    private readonly HostHarness _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FunctionRegistry TwoFunctions() => new FunctionRegistry()
        .Add("deprecate", () => DelegateFunction.Echo("deprecate"))
        .Add("expire", () => DelegateFunction.Echo("expire"));

    [Fact]
    public async Task RunAsync_UnknownHandler_PostsNoSuchHandlerListingKnownNamesAndExitsNonZero()
    {
        _host.Start(TwoFunctions(), "nope");

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        var post = Assert.Single(_host.Api.Requests);
        Assert.Equal(RecordedRequestKind.InitError, post.Kind);
        Assert.Equal("Runtime.NoSuchHandler", post.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Equal("application/vnd.aws.lambda.error+json", post.Header("Content-Type"));
        var document = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("Runtime.NoSuchHandler", document.GetProperty("errorType").GetString());
        Assert.Equal("Handler 'nope' is not in this bootstrap. Known handlers: deprecate, expire.", document.GetProperty("errorMessage").GetString());
        Assert.Contains("Runtime.NoSuchHandler", _host.ErrorOutput.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EmptyRegistry_NoSuchHandlerSaysNoneAreRegistered()
    {
        _host.Start(new FunctionRegistry(), "deprecate");

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        var document = JsonDocument.Parse(Assert.Single(_host.Api.Requests).Body).RootElement;
        Assert.Contains("registers no functions", document.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoHandlerVariable_PostsNoSuchHandlerNamingTheVariables()
    {
        _host.Start(TwoFunctions(), "unused", new Dictionary<string, string?> { ["_HANDLER"] = null });

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        var message = JsonDocument.Parse(Assert.Single(_host.Api.Requests).Body).RootElement.GetProperty("errorMessage").GetString();
        Assert.Contains("_HANDLER", message, StringComparison.Ordinal);
        Assert.Contains("AMI_AUTOMATION_HANDLER", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FactoryThrowsConfigurationException_PostsInvalidConfiguration()
    {
        var registry = new FunctionRegistry().Add("expire", () => throw new ConfigurationException(["LEDGER_TABLE is not set", "RETENTION_DAYS must be > 0"]));
        _host.Start(registry, "expire");

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        var post = Assert.Single(_host.Api.Requests);
        Assert.Equal("Runtime.InvalidConfiguration", post.Header("Lambda-Runtime-Function-Error-Type"));
        var document = JsonDocument.Parse(post.Body).RootElement;
        var message = document.GetProperty("errorMessage").GetString();
        Assert.Contains("LEDGER_TABLE is not set", message, StringComparison.Ordinal);
        Assert.Contains("RETENTION_DAYS must be > 0", message, StringComparison.Ordinal);
        Assert.Equal("ConfigurationException", document.GetProperty("cause").GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task RunAsync_FactoryThrowsOtherException_PostsHandlerInitFailed()
    {
        _host.Start(new FunctionRegistry().Add("copy", () => throw new InvalidOperationException("no region")), "copy");

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        var post = Assert.Single(_host.Api.Requests);
        Assert.Equal("Runtime.HandlerInitFailed", post.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("no region", post.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidMetricsNamespace_PostsInvalidConfiguration()
    {
        _host.Start(TwoFunctions(), "deprecate", new Dictionary<string, string?> { ["POWERTOOLS_METRICS_NAMESPACE"] = "bad namespace!" });

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        var post = Assert.Single(_host.Api.Requests);
        Assert.Equal("Runtime.InvalidConfiguration", post.Header("Lambda-Runtime-Function-Error-Type"));
        Assert.Contains("POWERTOOLS_METRICS_NAMESPACE", post.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApiVariable_WritesClearStderrAndExitsNonZero()
    {
        _host.Start(TwoFunctions(), "deprecate", new Dictionary<string, string?> { ["AWS_LAMBDA_RUNTIME_API"] = null });

        Assert.Equal(BootstrapExitCodes.InitializationFailed, await _host.ExitCodeAsync());
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", _host.ErrorOutput.Text, StringComparison.Ordinal);
        Assert.Empty(_host.Api.Requests);
    }

    [Theory]
    [InlineData("deprecate", null, "deprecate")]
    [InlineData("deprecate", "expire", "expire")]
    [InlineData("bootstrap", "deprecate", "deprecate")]
    public async Task RunAsync_HandlerVariables_OverrideWinsOverHandler(string handler, string? handlerOverride, string expected)
    {
        var registry = new FunctionRegistry()
            .Add("deprecate", () => new DelegateFunction("deprecate", (_, _) => Task.FromResult<byte[]?>("\"deprecate\""u8.ToArray())))
            .Add("expire", () => new DelegateFunction("expire", (_, _) => Task.FromResult<byte[]?>("\"expire\""u8.ToArray())));
        _host.Start(registry, handler, new Dictionary<string, string?> { ["AMI_AUTOMATION_HANDLER"] = handlerOverride });
        _host.Api.Enqueue(FakeInvocation.Json("r", "{}"));

        var post = await _host.Api.WaitForResultAsync("r");

        Assert.Equal($"\"{expected}\"", post.BodyText);
    }
}
