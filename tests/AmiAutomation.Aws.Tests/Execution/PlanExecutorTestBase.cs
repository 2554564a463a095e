using AmiAutomation.Aws.Execution;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Planning;
using Amazon.EC2.Model;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>Shared set-up of the executor tests against the NSubstitute-backed <see cref="FakeEc2"/>.</summary>
public abstract class PlanExecutorTestBase
{
    private protected FakeEc2 Ec2 { get; } = new();

    private protected FakeApis Apis { get; } = new();

    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));

    private protected static ExecutionOptions Real(IDeregistrationGuard? guard = null) =>
        new() { DryRun = false, Guard = guard ?? DeregistrationGuard.None };

    private protected Task<IReadOnlyList<ActionOutcome>> RunAsync(Plan plan, ExecutionOptions options, CancellationToken cancellationToken = default) =>
        new Ec2PlanExecutor(new FixedEc2ClientFactory(Ec2.Client), Apis, TestLimits.Registry(), Time).ExecuteAsync(plan, options, cancellationToken);

    private protected Image Image(string id, Action<Image>? configure = null) => Ec2.AddImage(id, configure);

    /// <summary>Family "web": web-20240101 (ami-00000001, last launched 2024, returned) and the newer web-20250101
    /// (ami-00000002), both unused: with the newest one kept, the older may go.</summary>
    private protected Image WebFamilyOfTwo()
    {
        var old = Image("ami-00000001", i =>
        {
            i.Name = "web-20240101";
            i.LastLaunchedTime = "2024-01-01T00:00:00Z";
        });
        Image("ami-00000002", i =>
        {
            i.Name = "web-20250101";
            i.CreationDate = "2025-01-01T00:00:00.000Z";
            i.LastLaunchedTime = "2025-01-01T00:00:00Z";
        });
        return old;
    }
}
