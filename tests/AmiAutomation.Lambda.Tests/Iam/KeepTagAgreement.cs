using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Protection;
using AmiAutomation.Core.References;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Support;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// Compares, for one keep-tag value, IAM's decision on a retiring action (from a function's policy) with
/// <see cref="ImageProtections"/>' reading of the same tag: the code keeps the image exactly when IAM denies the action,
/// and IAM allows it otherwise. Padded and non-ASCII values are in the list because IAM cannot trim and its case folding
/// beyond ASCII is undocumented: the code must never call "false" what IAM does not.
/// </summary>
internal static class KeepTagAgreement
{
    /// <summary>null = the image has no keep tag.</summary>
    public static readonly IReadOnlyList<string?> Values = ["true", "True", "", "yes", "FALSE", "false", "False", " false", "false ", "fal\u017Fe", null];

    /// <summary>Where IAM and the code disagree, one line each; empty when they agree on every value.</summary>
    public static IReadOnlyList<string> Mismatches(IamPolicy policy, string action)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var mismatches = new List<string>();
        foreach (var value in Values)
        {
            var (iam, codeKeeps) = Decide(policy, action, value);
            var expected = codeKeeps ? IamDecision.ExplicitDeny : IamDecision.Allow;
            if (iam.Decision != expected)
            {
                var shown = value is null ? "untagged" : $"keep = \"{value}\"";
                mismatches.Add($"{shown}: the code {(codeKeeps ? "keeps the image" : "may retire it")}, IAM answers {iam} for {action}");
            }
        }

        return mismatches;
    }

    public static (IamEvaluation Iam, bool CodeKeeps) Decide(IamPolicy policy, string action, string? keep)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { [TagNames.Family] = "web" };
        if (keep is not null)
        {
            tags[TagNames.Keep] = keep;
        }

        var image = new AmiImage
        {
            ImageId = "ami-0123456789abcdef0",
            Region = SimulatedStack.Home,
            Name = "web-2025-01-01",
            OwnerId = SimulatedStack.AccountId,
            CreationDate = SimulatedStack.Start.AddDays(-300),
            State = ImageState.Available,
            Tags = tags,
        };
        var codeKeeps = ImageProtections.Evaluate(image, SimulatedStack.AccountId, ReferenceIndex.Empty, new ProtectionOptions(), SimulatedStack.Start)
            .Any(r => r.Code == ReasonCode.KeepTag);
        var request = new IamRequest(action, $"arn:aws:ec2:{SimulatedStack.Home}::image/{image.ImageId}") { ResourceTags = tags, Origin = "keep-tag agreement" };
        return (policy.Evaluate(request), codeKeeps);
    }
}
