using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Lambda.Tests.Template;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>The keep-tag Deny statements of template.yaml, evaluated, against the code's reading of the tag.</summary>
public sealed class KeepTagAgreementTests
{
    private readonly SamTemplate _template = SamTemplate.Load();

    public static TheoryData<string, string, string?> RetiringActions()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var (handler, action) in new[] { ("deprecate", "ec2:EnableImageDeprecation"), ("expire", "ec2:DeregisterImage") })
        {
            foreach (var value in KeepTagAgreement.Values)
            {
                data.Add(handler, action, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RetiringActions))]
    public void RetiringActions_AreDeniedByIamOnImagesTaggedKeep(string handler, string action, string? keep)
    {
        var (iam, codeKeeps) = KeepTagAgreement.Decide(LockstepPolicies.For(_template, handler, SimulatedStack.Home), action, keep);

        Assert.Equal(codeKeeps ? IamDecision.ExplicitDeny : IamDecision.Allow, iam.Decision);
        // The expected readings, spelled out: only "false" in some ASCII case, unpadded, lets the image go.
        var retirable = keep is null || keep is "FALSE" or "false" or "False";
        Assert.Equal(!retirable, codeKeeps);
    }
}
