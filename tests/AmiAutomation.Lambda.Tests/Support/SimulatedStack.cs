using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Lambda.Tests.Iam.Recording;
using AmiAutomation.Lambda.Tests.Template;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Ledger;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Lambda.Tests.Support;

/// <summary>
/// The stack as deployed, on the simulator: one account in three regions (each with the template's tag-level Recycle
/// Bin rules), a fake clock, the in-memory ledger behind a recorder of DynamoDB actions, and every function built with
/// the environment template.yaml gives it (parameters at their defaults; live runs, DRY_RUN=false, unless overridden).
/// </summary>
internal sealed class SimulatedStack
{
    public const string Home = "eu-west-1";
    public const string UsEast = "us-east-1";
    public const string Frankfurt = "eu-central-1";
    public const string AccountId = "123456789012";
    public const string LedgerTable = "ami-automation-ledger";
    public const string FunctionArnPrefix = "arn:aws:lambda:eu-west-1:123456789012:function:ami-automation-";
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly Ec2RateLimits Unlimited =
        new(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(1_000_000, 1_000_000)));

    public SimulatedStack()
    {
        Ec2 = new Ec2Simulator(Time, new SimulatorOptions { AccountId = AccountId, SnapshotRestoreDuration = TimeSpan.FromMinutes(1) });
        foreach (var region in new[] { Home, UsEast, Frankfurt })
        {
            foreach (var rule in TemplateRecycleBinRules.Read())
            {
                Ec2.AddRecycleBinRule(region, rule);
            }
        }
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public Ec2Simulator Ec2 { get; }

    public InMemoryDeregistrationLedger Ledger { get; } = new();

    /// <summary>The stack's run lease (an item of the ledger table), shared by its functions.</summary>
    public InMemoryRunLease RunLease { get; } = new();

    /// <summary>The metrics the last invocation recorded (also when it threw).</summary>
    public MetricsRecorder LastMetrics { get; private set; } = new();

    /// <summary>What each EC2 request and ledger call asked IAM for (not in <see cref="Ec2Simulator.Calls"/>).</summary>
    public PermissionLog Permissions { get; } = new();

    /// <summary>Builds the function registered as <paramref name="handler"/> for the stack in <paramref name="region"/>.</summary>
    public ILambdaFunction Create(string handler, string region = Home, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var environment = TemplateEnvironment.For(handler);
        environment[CommonSettings.DryRunVariable] = "false";
        environment[CommonSettings.LedgerTableNameVariable] = LedgerTable;
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var services = new FunctionServices
        {
            Region = region,
            Ec2 = new RecordingEc2ClientFactory(Ec2, Permissions),
            Apis = new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(Ec2),
            Ledger = new DynamoDbActionRecordingLedger(Ledger, Permissions),
            RunLease = new DynamoDbActionRecordingRunLease(RunLease, Permissions),
            Time = Time,
            Environment = new DictionaryEnvironmentVariables(environment),
        };
        var limits = new Ec2RateLimiterRegistry(Time, Unlimited);
        return handler switch
        {
            DeprecateFunction.FunctionName => new DeprecateFunction(services, limits),
            CopyFunction.FunctionName => new CopyFunction(services, limits),
            ExpireFunction.FunctionName => new ExpireFunction(services, limits, TimeSpan.FromSeconds(2)),
            RestoreFunction.FunctionName => new RestoreFunction(services, limits),
            _ => throw new InvalidOperationException(
                $"HandlerRegistry registers '{handler}', but the lockstep tests cannot build it on the simulator: add it to {nameof(SimulatedStack)}.{nameof(Create)}."),
        };
    }

    /// <summary>Invokes <paramref name="function"/> with <paramref name="payload"/>, advancing the fake clock while it
    /// waits on it (Recycle Bin and snapshot polls); returns the response body.</summary>
    public async Task<byte[]> InvokeAsync(ILambdaFunction function, string payload)
    {
        ArgumentNullException.ThrowIfNull(function);
        var context = new InvocationContext
        {
            RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
            FunctionName = "ami-automation-" + function.Name,
            InvokedFunctionArn = FunctionArnPrefix + function.Name,
            Deadline = Time.GetUtcNow().AddMinutes(15),
            TimeProvider = Time,
            Logger = NullLogger.Instance,
            Metrics = LastMetrics = new MetricsRecorder(),
        };
        var task = function.InvokeAsync(Encoding.UTF8.GetBytes(payload), context);
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        return await task ?? throw new InvalidOperationException($"The {function.Name} function returned an empty response.");
    }

    public async Task<T> InvokeAsync<T>(ILambdaFunction function, string payload, JsonTypeInfo<T> output) =>
        JsonSerializer.Deserialize(await InvokeAsync(function, payload), output)
        ?? throw new InvalidOperationException($"The {function.Name} function returned JSON null.");

    public Task<RunSummary> SweepAsync(ILambdaFunction function, string payload) =>
        InvokeAsync(function, payload, FunctionsJsonContext.Default.RunSummary);

    public Task<CopyOutput> CopyAsync(ILambdaFunction function, string payload) =>
        InvokeAsync(function, payload, CopyJsonContext.Default.CopyOutput);

    public Task<RestoreOutput> RestoreAsync(ILambdaFunction function, string payload) =>
        InvokeAsync(function, payload, RestoreJsonContext.Default.RestoreOutput);

    /// <summary>Where the logs stand now; pass it to <see cref="RequestsSince"/> after an invocation.</summary>
    public LogMark Mark() => new(Ec2.Calls.Count, Permissions.Count, Permissions.ProxiedCallCount);

    /// <summary>
    /// Every authorization the calls since <paramref name="mark"/> needed, for a function deployed in
    /// <paramref name="region"/> (dry runs and refused calls included: they need the same permission); see
    /// <see cref="InvocationRequests"/>.
    /// </summary>
    public InvocationRequests RequestsSince(LogMark mark, string region) => InvocationRequests.Collect(
        Ec2.Calls.All.Skip(mark.Calls).ToList(),
        Permissions.Since(mark.Requests),
        Permissions.ProxiedCallsSince(mark.ProxiedCalls),
        new AuthorizationScope(Ec2, region),
        LedgerTableArn(region));

    /// <summary>The ledger table's ARN for the stack in <paramref name="region"/> (what <c>!GetAtt LedgerTable.Arn</c> gives).</summary>
    public static string LedgerTableArn(string region) => $"arn:aws:dynamodb:{region}:{AccountId}:table/{LedgerTable}";

    /// <summary>An EventBridge "EC2 AMI State Change" event as EC2 sends it.</summary>
    public static string AmiStateChange(string region, string imageId, string state) => $$"""
        {
          "version": "0",
          "id": "{{Guid.NewGuid()}}",
          "detail-type": "EC2 AMI State Change",
          "source": "aws.ec2",
          "account": "{{AccountId}}",
          "time": "2026-03-04T10:15:30Z",
          "region": "{{region}}",
          "resources": ["arn:aws:ec2:{{region}}::image/{{imageId}}"],
          "detail": { "RequestId": "{{Guid.NewGuid()}}", "ImageId": "{{imageId}}", "State": "{{state}}", "ErrorMessage": "" }
        }
        """;
}
