using System.Globalization;
using AmiAutomation.Aws.Inventory;
using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Inventory;

namespace AmiAutomation.Aws.Tests.Inventory;

/// <summary>Shared set-up of the inventory tests against the NSubstitute-backed <see cref="FakeEc2"/>.</summary>
public abstract class InventoryReaderTestBase
{
    private protected const string Region = "us-east-1";

    private protected FakeEc2 Ec2 { get; } = new();

    private protected FakeApis Apis { get; } = new();

    private protected static string Ami(int i) => "ami-" + i.ToString("x8", CultureInfo.InvariantCulture);

    private protected static SourceReport Source(InventorySnapshot snapshot, InventorySource source) => snapshot.Sources.Single(s => s.Source == source);

    private protected Task<InventorySnapshot> ReadAsync(InventoryOptions? options = null, CancellationToken cancellationToken = default) =>
        new Ec2InventoryReader(new FixedEc2ClientFactory(Ec2.Client), Apis, TestLimits.Registry())
            .ReadAsync(Region, options ?? InventoryOptions.Default, cancellationToken);
}
