using AmiAutomation.Core.Images;
using AmiAutomation.Core.OnDemand;

namespace AmiAutomation.Core.Tests.OnDemand;

public sealed class OnDemandPlannerTests
{
    private const string Account = "123456789012";
    private const string ImageId = "ami-0a1b2c3d4e5f60718";

    private static AmiImage Image(ImageState state, string owner = Account, ImageManager manager = ImageManager.Nobody) => new()
    {
        ImageId = ImageId,
        Region = "eu-west-1",
        Name = "web-server-2026-01-15",
        OwnerId = owner,
        CreationDate = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero),
        State = state,
        ManagedBy = manager,
    };

    private static OnDemandDecision Decide(AmiImage? image, bool binned = false, bool ledger = false, bool disableRecord = false) =>
        OnDemandPlanner.Decide(new OnDemandSituation(ImageId, image, binned, ledger, disableRecord, Account));

    [Fact]
    public void Decide_DisabledWithOurRecord_Enable() =>
        Assert.Equal(OnDemandAction.Enable, Decide(Image(ImageState.Disabled), disableRecord: true).Action);

    [Theory]
    [InlineData(ImageManager.AwsBackup)]
    [InlineData(ImageManager.DataLifecycleManager)]
    [InlineData(ImageManager.ImageBuilder)]
    public void Decide_DisabledButManagedByAnAwsService_NoneNamingIt(ImageManager manager)
    {
        var decision = Decide(Image(ImageState.Disabled, manager: manager), disableRecord: true);

        Assert.Equal(OnDemandAction.None, decision.Action);
        Assert.Contains(manager.ToString(), decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OwnerCheckComesBeforeState_AnotherAccountsDisabledImageIsNeverEnabled() =>
        Assert.Equal(OnDemandAction.None, Decide(Image(ImageState.Disabled, owner: "999999999999"), disableRecord: true).Action);

    [Theory]
    [InlineData(ImageState.Available, "available already")]
    [InlineData(ImageState.Pending, "state is Pending")]
    [InlineData(ImageState.Failed, "state is Failed")]
    public void Decide_NotDisabled_None(ImageState state, string reason)
    {
        var decision = Decide(Image(state), binned: true, ledger: true, disableRecord: true);

        Assert.Equal(OnDemandAction.None, decision.Action);
        Assert.StartsWith(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BinnedWithLedgerRecord_Restore() =>
        Assert.Equal(OnDemandAction.Restore, Decide(null, binned: true, ledger: true).Action);

    [Fact]
    public void Decide_GoneForGoodEvenWithALedgerRecord_None() =>
        Assert.Contains("not registered and not in this account's Recycle Bin", Decide(null, binned: false, ledger: true).Reason, StringComparison.Ordinal);
}
