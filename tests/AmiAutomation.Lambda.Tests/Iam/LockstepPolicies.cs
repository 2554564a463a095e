using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Lambda.Tests.Template;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>template.yaml's policy of each function, resolved for the simulated account in a region.</summary>
internal static class LockstepPolicies
{
    public const string Partition = "aws";

    public static IamStackContext Stack(string region) => new(Partition, region, SimulatedStack.AccountId, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LedgerTable.Arn"] = SimulatedStack.LedgerTableArn(region),
    });

    public static IamPolicy For(SamTemplate template, string handler, string region) =>
        IamPolicyReader.ForFunction(template, handler, Stack(region));
}
