using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Iam.Recording;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Lambda.Tests.Template;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>The companion permissions of DescribeImageReferences serve EC2 only: the role cannot use them itself.</summary>
public sealed class CompanionScopeTests
{
    private readonly SamTemplate _template = SamTemplate.Load();

    public static TheoryData<string, string> Companions() => IamLockstepMutationTests.Companions();

    [Theory]
    [MemberData(nameof(Companions))]
    public void Companion_CalledDirectlyOrViaAnotherService_IsRefused(string handler, string companion)
    {
        var policy = LockstepPolicies.For(_template, handler, SimulatedStack.Home);
        // A resource no other statement covers: ssm:GetParameters is also granted directly, on parameters only.
        var resource = $"arn:aws:{companion.Split(':')[0]}:{SimulatedStack.Home}:{SimulatedStack.AccountId}:other/x";

        Assert.Equal(IamDecision.Allow, policy.Evaluate(new IamRequest(companion, resource) { CalledVia = [CompanionPermissions.ImageReferencesService] }).Decision);
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(new IamRequest(companion, resource)).Decision);
        Assert.Equal(IamDecision.ImplicitDeny, policy.Evaluate(new IamRequest(companion, resource) { CalledVia = ["cloudformation.amazonaws.com"] }).Decision);
    }

    /// <summary>restore's self-healing resolves launch templates with ResolveAlias, so it may read SSM parameters
    /// itself (ssm:GetParameters on parameters only), never the other companions.</summary>
    [Theory]
    [InlineData("copy", new string[0])]
    [InlineData("restore", new[] { "ssm:GetParameters" })]
    public void FunctionsThatReadNoReferences_HaveNoCompanions(string handler, string[] direct)
    {
        var policy = LockstepPolicies.For(_template, handler, SimulatedStack.Home);

        Assert.All(CompanionPermissions.ImageReferenceCompanions.Except(direct), c => Assert.DoesNotContain(policy.Grants(), g => IamPatterns.ActionMatches(g.Action, c)));
    }
}
