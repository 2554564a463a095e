using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The ledger record's launch permissions when the re-check did not read them: read from EC2 for this image,
/// and an unreadable answer refuses the record (so the deregistration).</summary>
public sealed class LedgerRecordFactoryTests
{
    private const string Account = "444455556666";
    private readonly SweepHarness _h = new();

    private LedgerRecordFactory Factory() => new(_h.Ec2.ClientFor(SweepHarness.Region), _h.Time, TimeSpan.FromDays(30));

    [Fact]
    public async Task CreateAsync_PermissionsNotRead_ReadFromEc2ForThisImage()
    {
        _h.AddImage(b => b.SharedWithAccount("111122223333"));
        var image = _h.AddImage(b => b.SharedWithAccount(Account));

        var record = await Factory().CreateAsync(GuardContexts.For(image, DecisionAction.Deregister, permissions: null), "run-1", CancellationToken.None);

        Assert.Equal([new LaunchPermission(LaunchPermissionKind.Account, Account)], record.LaunchPermissions);
        Assert.Equal(1, _h.Ec2.Calls.CountOf("DescribeImageAttribute"));
    }

    [Fact]
    public async Task CreateAsync_PermissionsUnreadable_RefusedNamingImageAndError()
    {
        var image = _h.AddImage(b => b.SharedWithAccount(Account));
        _h.Ec2.Faults.FailNext("DescribeImageAttribute", 1, "UnauthorizedOperation");

        var ex = await Assert.ThrowsAsync<LaunchPermissionsUnreadableException>(() =>
            Factory().CreateAsync(GuardContexts.For(image, DecisionAction.Deregister, permissions: null), "run-1", CancellationToken.None));

        Assert.Equal(image, ex.ImageId);
        Assert.Contains($"Cannot read the launch permissions of {image}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UnauthorizedOperation", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not deregistered", ex.Message, StringComparison.Ordinal);
    }
}
