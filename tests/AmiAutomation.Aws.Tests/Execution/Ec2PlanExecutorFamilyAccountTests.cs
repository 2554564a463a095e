using AmiAutomation.Aws.Tests.Support;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Families;
using Amazon.EC2.Model;
using NSubstitute;

namespace AmiAutomation.Aws.Tests.Execution;

/// <summary>The family re-count right before DeregisterImage counts the family members owned by the configured account
/// (ExecutionOptions.AccountId), not by whatever owner the plan's copy of the image carries.</summary>
public sealed class Ec2PlanExecutorFamilyAccountTests : PlanExecutorTestBase
{
    private const string Account = "123456789012";

    [Fact]
    public async Task ExecuteAsync_PlanCarriesAnotherOwner_FamilyCountedForTheConfiguredAccount()
    {
        var old = WebFamilyOfTwo();
        // The plan's copy names another owner; EC2 (and the configured account) say the account owns both images.
        var decision = Plans.Deregister(old);
        decision = decision with { Image = decision.Image with { OwnerId = "999999999999" } };
        var options = Real() with { AccountId = Account, FamilyRecount = new FamilyKeepRule(FamilyResolver.Default, 1) };

        var outcome = Assert.Single(await RunAsync(Plans.Of(decision), options));

        // Counted for 123456789012: the newer web-20250101 is the newest kept and the family keeps it, so the old one goes.
        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Equal("ami-00000001", Assert.Single(Ec2.RequestsOf<DeregisterImageRequest>()).ImageId);
        var familyReads = Ec2.RequestsOf<DescribeImagesRequest>().Where(r => r.ImageIds is not { Count: > 0 }).ToList();
        Assert.Equal(2, familyReads.Count);
        Assert.All(familyReads, r => Assert.Equal(["self"], r.Owners));
    }
}
