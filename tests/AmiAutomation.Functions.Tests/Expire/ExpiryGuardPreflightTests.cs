using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Services;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The guard on its own: without this run's Recycle Bin preflight it deregisters nothing and stops the run,
/// saying why (the pipeline always runs the preflight first, so only here can the guard be caught without it).</summary>
public sealed class ExpiryGuardPreflightTests
{
    [Fact]
    public async Task BeforeDeregister_PreflightNotRun_StopsTheRunNoLedgerRecord()
    {
        var h = new SweepHarness();
        var client = h.Ec2.ClientFor(SweepHarness.Region);
        var verifier = new RecycleBinVerifier(client, h.Time, TimeSpan.FromSeconds(30));
        var safety = new RecycleBinSafety(h.Ledger, () => new SimulatedRecycleBinRules(h.Ec2, SweepHarness.Region), client, verifier, h.Time, SweepHarness.Region, "run-1");
        var guard = new ExpiryGuard(h.Ledger, new LedgerRecordFactory(client, h.Time, TimeSpan.FromDays(30)), new RecycleBinTagger(client), safety, h.Time, "run-1");

        var verdict = await guard.BeforeDeregisterAsync(GuardContexts.For("ami-0aaaaaaaaaaaaaaa4", DecisionAction.Deregister, permissions: []), CancellationToken.None);

        Assert.Equal(GuardVerdictKind.Stop, verdict.Kind);
        Assert.Contains("preflight did not run", guard.AbortReason, StringComparison.Ordinal);
        Assert.Empty(h.Ledger.Records);
        Assert.Equal(0, guard.LedgerRecordsWritten);
    }
}
