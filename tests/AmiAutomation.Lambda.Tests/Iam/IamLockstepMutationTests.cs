using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Iam.Recording;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Lambda.Tests.Template;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// The lockstep can fail: template.yaml, changed in memory the way a careless edit would change it, is run through the
/// same checks as <see cref="IamPolicyLockstepTests"/> against the same recorded calls, and the failure names what was
/// broken. Each test first checks that the unchanged template passes, so it is the change that fails it.
/// </summary>
[Collection(LockstepCollection.Name)]
public sealed class IamLockstepMutationTests(LockstepScenarios scenarios)
{
    private readonly SamTemplate _template = SamTemplate.Load();

    /// <summary>Every function that calls DescribeImageReferences × every companion permission it needs.</summary>
    public static TheoryData<string, string> Companions()
    {
        var data = new TheoryData<string, string>();
        foreach (var handler in new[] { "deprecate", "expire" })
        {
            foreach (var companion in CompanionPermissions.ImageReferenceCompanions)
            {
                data.Add(handler, companion);
            }
        }

        return data;
    }

    public static TheoryData<string, string> ImpliedPermissions()
    {
        var data = new TheoryData<string, string> { { "expire", "ec2:DeleteSnapshot" } };
        foreach (var kms in Recording.ImpliedPermissions.EbsEncryptionActions)
        {
            data.Add("copy", kms);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Companions))]
    public void RemovingACompanionPermission_FailsTheLockstepNamingIt(string handler, string companion)
    {
        var refused = Refused(handler, p => p.WithoutGrant(companion));

        Assert.Contains(refused, r => r.StartsWith(companion + " on ", StringComparison.Ordinal) && r.Contains("via ec2-images.amazonaws.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deprecate")]
    [InlineData("expire")]
    public void RemovingTheResolveAliasGrant_FailsTheLockstep(string handler)
    {
        var refused = Refused(handler, p => p.WithStatement("ResolveSsmAliases", s => s with { Actions = [] }));

        Assert.Contains(refused, r => r.StartsWith("ssm:GetParameters on arn:aws:ssm:eu-west-1::parameter/aws/service/", StringComparison.Ordinal) && r.Contains("ResolveAlias", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deprecate")]
    [InlineData("expire")]
    public void CompanionsConditionedOnAnotherService_FailTheLockstep(string handler)
    {
        var refused = Refused(handler, p => p.WithStatement(
            "ImageReferenceCompanions", s => s with { Conditions = [.. s.Conditions.Select(c => c with { Values = ["cloudformation.amazonaws.com"] })] }));

        Assert.All(CompanionPermissions.ImageReferenceCompanions.Where(c => c != "ssm:GetParameters"), c => Assert.Contains(refused, r => r.StartsWith(c + " on ", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(ImpliedPermissions))]
    public void RemovingAnImpliedPermission_FailsTheLockstepNamingIt(string handler, string implied)
    {
        var refused = Refused(handler, p => p.WithoutGrant(implied));

        Assert.Contains(refused, r => r.StartsWith(implied + " on ", StringComparison.Ordinal) && r.Contains("[implied by ", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepDenyWithoutItsNullCheck_DeniesUntaggedImages_FailsTheLockstep()
    {
        var refused = Refused("expire", p => p.WithStatement("NeverDeregisterKeptImages", s => s with { Conditions = [.. s.Conditions.Where(c => c.Operator != "Null")] }));

        Assert.Contains(refused, r => r.StartsWith("ec2:DeregisterImage on ", StringComparison.Ordinal) && r.Contains("ExplicitDeny by NeverDeregisterKeptImages", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepDenyComparingCaseSensitively_FailsTheLockstepAndTheKeepTagAgreement()
    {
        static IamPolicy CaseSensitive(IamPolicy policy) => policy.WithStatement(
            "NeverDeregisterKeptImages", s => s with { Conditions = [.. s.Conditions.Select(c => c.Operator == "StringNotEqualsIgnoreCase" ? c with { Operator = "StringNotEquals" } : c)] });

        var refused = Refused("expire", CaseSensitive);
        var mismatches = KeepTagAgreement.Mismatches(CaseSensitive(Policy("expire", SimulatedStack.Home)), "ec2:DeregisterImage");

        // End to end: the expire run deregisters an image tagged keep = "FALSE", which the code reads as not kept.
        Assert.Contains(refused, r => r.Contains(scenarios.ExpiredByFamily, StringComparison.Ordinal) && r.Contains("ExplicitDeny", StringComparison.Ordinal));
        Assert.Contains(mismatches, m => m.StartsWith("keep = \"FALSE\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deprecate", "NeverDeprecateKeptImages", "ec2:EnableImageDeprecation")]
    [InlineData("expire", "NeverDeregisterKeptImages", "ec2:DeregisterImage")]
    [InlineData("expire", "NeverDeregisterKeptImages", "ec2:DisableImage")]
    public void KeepDenyOnAnotherAction_FailsTheKeepTagAgreement(string handler, string sid, string action)
    {
        Assert.Empty(KeepTagAgreement.Mismatches(Policy(handler, SimulatedStack.Home), action));

        var mutated = Policy(handler, SimulatedStack.Home).WithStatement(sid, s => s with { Actions = ["ec2:CreateTags"] });

        Assert.Contains(KeepTagAgreement.Mismatches(mutated, action), m => m.StartsWith("keep = \"true\"", StringComparison.Ordinal));
    }

    [Fact]
    public void TagKeysLimitedToAnotherKey_FailsTheLockstep()
    {
        var refused = Refused("expire", p => p.WithStatement("TagForRecycleBin", s => s with { Conditions = [.. s.Conditions.Select(c => c with { Values = ["ami-lifecycle:other"] })] }));

        Assert.Contains(refused, r => r.StartsWith("ec2:CreateTags on arn:aws:ec2:eu-west-1::snapshot/", StringComparison.Ordinal));
    }

    [Fact]
    public void ResourceScopedToAnotherRegion_FailsTheLockstep()
    {
        var refused = Refused("expire", p => p.WithStatement("Deregister", s => s with { Resources = ["arn:aws:ec2:us-east-1::image/*"] }));

        Assert.Contains(refused, r => r.StartsWith("ec2:DeregisterImage on arn:aws:ec2:eu-west-1::image/", StringComparison.Ordinal) && r.Contains("ImplicitDeny", StringComparison.Ordinal));
    }

    [Fact]
    public void AGrantNoPathUses_FailsTheUnusedCheckNamingIt()
    {
        var invocations = Invocations("deprecate");
        Assert.Empty(LockstepCheck.Unused(invocations, region => Policy("deprecate", region)));

        var unused = LockstepCheck.Unused(invocations, region => Policy("deprecate", region).WithStatement("Deprecate", s => s with { Actions = [.. s.Actions, "ec2:DeregisterImage"] }));

        Assert.Equal(["Deprecate grants ec2:DeregisterImage on [arn:aws:ec2:eu-west-1::image/*], but no recorded call needs it there"], unused);
    }

    [Fact]
    public void AGrantOfAServiceNothingRecords_FailsTheObservationGuardNamingIt()
    {
        Assert.Empty(LockstepCheck.Unobserved(Policy("copy", SimulatedStack.Home), scenarios.Invocations));

        var mutated = Policy("copy", SimulatedStack.Home).WithStatement("TagImages", s => s with { Actions = [.. s.Actions, "sns:Publish"] });

        Assert.Equal(["sns"], LockstepCheck.Unobserved(mutated, scenarios.Invocations));
    }

    private IReadOnlyList<string> Refused(string handler, Func<IamPolicy, IamPolicy> mutate)
    {
        var invocations = Invocations(handler);
        Assert.Empty(LockstepCheck.Refused(invocations, region => Policy(handler, region)));
        return LockstepCheck.Refused(invocations, region => mutate(Policy(handler, region)));
    }

    private List<LockstepInvocation> Invocations(string handler) => [.. scenarios.Invocations.Where(i => i.Handler == handler)];

    private IamPolicy Policy(string handler, string region) => LockstepPolicies.For(_template, handler, region);
}
