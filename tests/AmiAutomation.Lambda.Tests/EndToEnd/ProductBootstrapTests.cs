using System.Text.Json;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Lambda.Tests.Template;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.TestKit.Moto;
using AmiAutomation.TestKit.Repository;
using AmiAutomation.TestKit.RuntimeApi;
using Amazon.EC2.Model;

namespace AmiAutomation.Lambda.Tests.EndToEnd;

/// <summary>
/// The product bootstrap as Lambda runs it: a separate process, its function picked by <c>_HANDLER</c>, configured by
/// the template's environment, talking to the fake Runtime API (and, for EC2, to moto_server).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ProductBootstrapTests(MotoServerFixture moto, ProductBootstrapFixture bootstrap) : IClassFixture<ProductBootstrapFixture>, IAsyncLifetime
{
    private const string Region = "eu-west-1";
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Environment prefixes the bootstrap never inherits from the machine (AWS_*, _HANDLER, …).</summary>
    private static readonly string[] NotInherited = ["AWS_", "_HANDLER", "_X_AMZN", "POWERTOOLS_", "AMI_AUTOMATION_", "DRY_RUN", "LEDGER_TABLE_NAME"];
    private readonly FakeRuntimeApi _api = FakeRuntimeApi.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Deprecate_MotoLacksImageReferences_ReportsTheSourceFailedAndActsOnNothing()
    {
        var images = await SeedMotoAsync();
        var payload = await File.ReadAllTextAsync(RepositoryRoot.File("events", "deprecate-schedule.json"));
        using var run = Start("deprecate", new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_EC2"] = moto.ServiceUrl,
            ["AWS_ENDPOINT_URL_AUTO_SCALING"] = moto.ServiceUrl, // launch configurations are read too
            [CommonSettings.DryRunVariable] = "true",
            // Without the failed source the two older images would be deprecated (each has a newer one).
            [DeprecateSettings.DeprecateWhenNewerCountVariable] = "1",
            [DeprecateSettings.KeepNewestVariable] = "1",
            [RuntimeEnvironmentVariableNames.RunOnce] = "true",
        });
        _api.Enqueue(FakeInvocation.Json("e2e-deprecate", payload));

        var post = await _api.WaitForResultAsync("e2e-deprecate", InvocationTimeout);

        Assert.True(post.Kind == RecordedRequestKind.Response, $"expected a response, got {post.Kind}: {post.BodyText}");
        var summary = JsonSerializer.Deserialize(post.Body, FunctionsJsonContext.Default.RunSummary)!;
        Assert.True(summary.DryRun);
        var failed = Assert.Single(summary.FailedSources);
        Assert.Equal(("ImageReferences", "Failed"), (failed.Source, failed.Status));
        Assert.Equal(images.Order(StringComparer.Ordinal), summary.Decisions.Select(d => d.ImageId).Order(StringComparer.Ordinal));
        Assert.All(summary.Decisions, d => Assert.Equal(("None", OutcomeNames.Skipped), (d.Action, d.Outcome)));
        Assert.Equal(["e2e-web-1", "e2e-web-2"], summary.Decisions.Where(d => d.Reason == "InventoryIncomplete").Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(OutcomeNames.DryRun, summary.Outcomes.Keys);
        Assert.DoesNotContain(OutcomeNames.Succeeded, summary.Outcomes.Keys);
        Assert.Equal(BootstrapExitCodes.Success, await run.WaitForExitAsync(ExitTimeout));
        AssertStructuredLogs(run, "e2e-deprecate");
    }

    [Fact]
    public async Task UnknownHandler_InitErrorNamesTheFourHandlersAndExitsNonZero()
    {
        using var run = Start("nope");

        var exitCode = await run.WaitForExitAsync(ExitTimeout);

        Assert.NotEqual(0, exitCode);
        var post = Assert.Single(_api.Requests);
        Assert.Equal(RecordedRequestKind.InitError, post.Kind);
        Assert.Equal("Runtime.NoSuchHandler", post.Header("Lambda-Runtime-Function-Error-Type"));
        var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains("'nope'", message, StringComparison.Ordinal);
        Assert.Equal(4, HandlerRegistry.Names.Count);
        Assert.All(HandlerRegistry.Names, name => Assert.Contains(name, message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expire_InvalidSettings_InitErrorNamesEveryBadVariable()
    {
        using var run = Start("expire", new Dictionary<string, string>
        {
            [ExpireSettings.KeepNewestVariable] = "zero",
            [ExpireSettings.MaxDeregistrationsPerRunVariable] = "-1",
        });

        var exitCode = await run.WaitForExitAsync(ExitTimeout);

        Assert.NotEqual(0, exitCode);
        var post = Assert.Single(_api.Requests);
        Assert.Equal(RecordedRequestKind.InitError, post.Kind);
        Assert.Equal("Runtime.InvalidConfiguration", post.Header("Lambda-Runtime-Function-Error-Type"));
        var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains(ExpireSettings.KeepNewestVariable, message, StringComparison.Ordinal);
        Assert.Contains(ExpireSettings.MaxDeregistrationsPerRunVariable, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedPayload_InvalidEventError_NextInvocationStillServed()
    {
        await moto.ResetAsync();
        using var run = Start("deprecate", new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_EC2"] = moto.ServiceUrl,
            ["AWS_ENDPOINT_URL_AUTO_SCALING"] = moto.ServiceUrl,
            // moto lacks DescribeImageReferences; this test is about the payload, not that source.
            [CommonSettings.DisabledReferenceSourcesVariable] = "ImageReferences",
        });
        _api.Enqueue(FakeInvocation.Json("e2e-malformed", "{\"dryRun\": \"yes\""));
        _api.Enqueue(FakeInvocation.Json("e2e-after", """{"source": "manual"}"""));

        var malformed = await _api.WaitForResultAsync("e2e-malformed", InvocationTimeout);
        var after = await _api.WaitForResultAsync("e2e-after", InvocationTimeout);

        Assert.Equal(RecordedRequestKind.Error, malformed.Kind);
        Assert.Equal("InvalidEventException", malformed.Header("Lambda-Runtime-Function-Error-Type"));
        var error = JsonDocument.Parse(malformed.Body).RootElement;
        Assert.Equal("InvalidEventException", error.GetProperty("errorType").GetString());
        Assert.Contains("deprecate", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.True(after.Kind == RecordedRequestKind.Response, $"expected a response, got {after.Kind}: {after.BodyText}");
        var summary = JsonSerializer.Deserialize(after.Body, FunctionsJsonContext.Default.RunSummary)!;
        Assert.True(summary.Completed);
        Assert.Empty(summary.FailedSources);
        AssertStructuredLogs(run, "e2e-malformed");
        AssertStructuredLogs(run, "e2e-after");
    }

    [Theory]
    [InlineData("AWS_REGION", "EU-WEST-1", "AWS_REGION='EU-WEST-1' is not an AWS region name")]
    [InlineData("AWS_REGION", "eu-west-1 ", "AWS_REGION='eu-west-1 ' is not an AWS region name")]
    [InlineData("FAMILY_PATTERN", "web-(", "FAMILY_PATTERN is not a valid regular expression (was 'web-('): a '(' is never closed")]
    public async Task BadSetting_InitErrorInvalidConfigurationInWords(string name, string value, string expected)
    {
        using var run = Start("deprecate", new Dictionary<string, string> { [name] = value });

        var exitCode = await run.WaitForExitAsync(ExitTimeout);

        Assert.NotEqual(0, exitCode);
        var post = Assert.Single(_api.Requests);
        Assert.Equal(RecordedRequestKind.InitError, post.Kind);
        Assert.Equal("Runtime.InvalidConfiguration", post.Header("Lambda-Runtime-Function-Error-Type"));
        var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deprecate_ConsoleTestEventUnknownFieldAndMisspeltVariable_ReportedInOurWords()
    {
        using var run = Start("deprecate", new Dictionary<string, string> { ["DEPRECATE_KEEP_NEWST"] = "3" });
        _api.Enqueue(FakeInvocation.Json("e2e-console", """{"key1": "value1", "key2": "value2", "key3": "value3"}"""));
        _api.Enqueue(FakeInvocation.Json("e2e-unknown", """{"imageId": "ami-0123456789abcdef0", "dryRun": true}"""));
        _api.Enqueue(FakeInvocation.Json("e2e-kind", """{"dryRun": "yes"}"""));

        var console = ErrorMessage(await _api.WaitForResultAsync("e2e-console", InvocationTimeout));
        var unknown = ErrorMessage(await _api.WaitForResultAsync("e2e-unknown", InvocationTimeout));
        var kind = ErrorMessage(await _api.WaitForResultAsync("e2e-kind", InvocationTimeout));

        Assert.Contains("Lambda console's default test event", console, StringComparison.Ordinal);
        Assert.All(DeprecateFunction.SampleEvents, file => Assert.Contains("events/" + file, console, StringComparison.Ordinal));
        Assert.Equal(
            "The deprecate function could not read its payload: unknown field 'imageId' at $ (known fields: source, dryRun, families, imageIds, clearLatch).",
            unknown);
        Assert.Equal("The deprecate function could not read its payload: field 'dryRun' ($.dryRun) must be a boolean (true or false), not a string.", kind);
        Assert.Contains(run.JsonLines, l => l.TryGetProperty("level", out var level) && level.GetString() == "WARN"
            && l.ToString().Contains("DEPRECATE_KEEP_NEWST", StringComparison.Ordinal)
            && l.ToString().Contains("did you mean DEPRECATE_KEEP_NEWEST?", StringComparison.Ordinal));
    }

    private static string ErrorMessage(RecordedRequest post)
    {
        Assert.Equal(RecordedRequestKind.Error, post.Kind);
        Assert.Equal("InvalidEventException", post.Header("Lambda-Runtime-Function-Error-Type"));
        return JsonDocument.Parse(post.Body).RootElement.GetProperty("errorMessage").GetString()!;
    }

    /// <summary>Lambda's environment for <paramref name="handler"/>: the template's variables (parameters at their
    /// defaults) when the template declares the handler, the runtime's own, fake credentials, JSON logs.</summary>
    private BootstrapProcessRunner Start(string handler, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = HandlerRegistry.Names.Contains(handler) ? TemplateEnvironment.For(handler) : [];
        environment[RuntimeEnvironmentVariableNames.RuntimeApi] = _api.Address;
        environment[RuntimeEnvironmentVariableNames.Handler] = handler;
        environment[RuntimeEnvironmentVariableNames.FunctionName] = "ami-automation-" + handler;
        environment[RuntimeEnvironmentVariableNames.FunctionVersion] = "$LATEST";
        environment[RuntimeEnvironmentVariableNames.FunctionMemorySize] = "512";
        environment[RuntimeEnvironmentVariableNames.LogFormat] = "JSON";
        environment["AWS_REGION"] = Region;
        environment["AWS_ACCESS_KEY_ID"] = "test";
        environment["AWS_SECRET_ACCESS_KEY"] = "test";
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return BootstrapProcessRunner.Start(bootstrap.BootstrapPath, environment, NotInherited);
    }

    /// <summary>Three images of one family in moto, one second apart (moto's creation dates have whole seconds).</summary>
    private async Task<IReadOnlyList<string>> SeedMotoAsync()
    {
        await moto.ResetAsync();
        using var ec2 = moto.CreateEc2Client(Region);
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1 }))
            .Reservation.Instances[0].InstanceId;
        var images = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            if (i > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1100));
            }

            var imageId = (await ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = $"e2e-web-{i}" })).ImageId;
            await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = [new Tag("ami-lifecycle:family", "e2e-web")] });
            images.Add(imageId);
        }

        return images;
    }

    /// <summary>stdout holds only JSON lines; every log record has a level, and the invocation's carry its request id.</summary>
    private static void AssertStructuredLogs(BootstrapProcessRunner run, string requestId)
    {
        var lines = run.JsonLines;
        var logs = lines.Where(l => !l.TryGetProperty("_aws", out _)).ToList();
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.True(l.TryGetProperty("level", out var level) && level.GetString()!.Length > 0, $"a log line without level: {l}"));
        Assert.Contains(logs, l => l.TryGetProperty("function_request_id", out var id) && id.GetString() == requestId);
    }
}
