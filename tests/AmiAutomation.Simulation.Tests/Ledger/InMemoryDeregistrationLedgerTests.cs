using AmiAutomation.Core.Ledger;
using AmiAutomation.Simulation.Ledger;

namespace AmiAutomation.Simulation.Tests.Ledger;

public sealed class InMemoryDeregistrationLedgerTests
{
    private static LedgerRecord Record(string imageId, string region = "us-east-1") => new()
    {
        ImageId = imageId,
        Region = region,
        Name = "web-1",
        Family = "web",
        RunId = "run-1",
        RecordedAt = TestWorld.Start,
        ExpiresAt = TestWorld.Start.AddDays(14),
    };

    [Fact]
    public async Task PutGetListUpdate_RoundTrip()
    {
        var ledger = new InMemoryDeregistrationLedger();
        await ledger.PutAsync(Record("ami-00000002"), CancellationToken.None);
        await ledger.PutAsync(Record("ami-00000001"), CancellationToken.None);
        await ledger.PutAsync(Record("ami-00000003", "eu-west-1"), CancellationToken.None);

        await ledger.UpdateStatusAsync("us-east-1", "ami-00000001", LedgerStatus.Restored, TestWorld.Start.AddDays(1), CancellationToken.None);

        var restored = await ledger.GetAsync("us-east-1", "ami-00000001", CancellationToken.None);
        Assert.Equal(LedgerStatus.Restored, restored!.Status);
        Assert.Equal(TestWorld.Start.AddDays(1), restored.RestoredAt);
        Assert.Equal(["ami-00000001", "ami-00000002"], (await ledger.ListAsync("us-east-1", CancellationToken.None)).Select(r => r.ImageId));
        Assert.Null(await ledger.GetAsync("us-east-1", "ami-00000003", CancellationToken.None));
        Assert.Equal(4, ledger.WriteCount);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => ledger.UpdateStatusAsync("us-east-1", "ami-00000009", LedgerStatus.Deregistered, TestWorld.Start, CancellationToken.None));
    }

    [Fact]
    public async Task InjectedWriteFailure_ThrowsAndStoresNothing()
    {
        var ledger = new InMemoryDeregistrationLedger();
        ledger.FailNextWrites(1);

        var error = await Assert.ThrowsAsync<LedgerWriteException>(() => ledger.PutAsync(Record("ami-00000001"), CancellationToken.None));
        await ledger.PutAsync(Record("ami-00000002"), CancellationToken.None);

        Assert.Contains("ami-00000001", error.Message, StringComparison.Ordinal);
        Assert.Equal(["ami-00000002"], ledger.Records.Select(r => r.ImageId));

        ledger.FailAllWrites();
        await Assert.ThrowsAsync<LedgerWriteException>(() => ledger.UpdateStatusAsync("us-east-1", "ami-00000002", LedgerStatus.Deregistered, TestWorld.Start, CancellationToken.None));
        Assert.Equal(LedgerStatus.PendingDeregistration, ledger.Records.Single().Status);
        ledger.StopFailing();
        await ledger.UpdateStatusAsync("us-east-1", "ami-00000002", LedgerStatus.Deregistered, TestWorld.Start, CancellationToken.None);
    }
}
