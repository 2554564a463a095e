using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Simulation.Diagnostics;

namespace AmiAutomation.Lambda.Tests.Iam.Recording;

/// <summary>
/// Every authorization one invocation needed, merged from the two logs: the <see cref="PermissionLog"/> (EC2 requests
/// in detail, ledger actions by name) and the simulator's CallLog, where EC2 calls appear bare (<c>DescribeImages</c>)
/// and other simulated services' calls namespaced (<c>autoscaling:DescribeLaunchConfigurations</c>,
/// <c>rbin:ListRules</c>). A namespaced call becomes a request on <see cref="ServiceResource"/>; an EC2 call the
/// recording proxy did not see is listed in <see cref="Bypassed"/> (and still checked, on <c>*</c>).
/// </summary>
internal sealed record InvocationRequests(IReadOnlyList<IamRequest> Requests, IReadOnlyList<string> Bypassed)
{
    public static InvocationRequests Collect(
        IReadOnlyList<RecordedCall> calls, IReadOnlyList<IamRequest> recorded, IReadOnlyList<string> proxied, AuthorizationScope scope, string ledgerTableArn)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(proxied);
        ArgumentNullException.ThrowIfNull(scope);
        var requests = recorded
            .Select(r => r.Resource != PermissionLog.UnresolvedResource ? r : r with { Resource = r.Namespace == "dynamodb" ? ledgerTableArn : "*" })
            .ToList();
        var bypassed = new List<string>();
        var seen = proxied.CountBy(a => a, StringComparer.OrdinalIgnoreCase).ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var group in calls.GroupBy(c => Namespaced(c.Action), StringComparer.OrdinalIgnoreCase))
        {
            var region = group.First().Region;
            if (group.Key.StartsWith("ec2:", StringComparison.OrdinalIgnoreCase))
            {
                var passed = seen.GetValueOrDefault(group.Key);
                if (group.Count() > passed)
                {
                    bypassed.Add($"{group.Key}: {group.Count()} calls reached the simulator, {passed} passed the recording proxy");
                    requests.Add(new IamRequest(group.Key, "*") { Origin = $"simulator call log, {region} (no request details)" });
                }

                continue;
            }

            foreach (var callRegion in group.Select(c => c.Region).Distinct(StringComparer.Ordinal))
            {
                requests.Add(new IamRequest(group.Key, ServiceResource(group.Key, callRegion, scope.AccountId, scope.Partition))
                {
                    Origin = $"simulator call log, {callRegion}",
                });
            }
        }

        return new(requests, bypassed);
    }

    /// <summary>
    /// The resource a non-EC2 call is authorized on, as far as the call log (names only) tells: the ARN pattern of the
    /// action's resource type, with a sample id; <c>*</c> for actions without resource-level permissions. Add an entry
    /// when a new service's action takes a resource
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
    /// </summary>
    public static string ServiceResource(string action, string region, string accountId, string partition = "aws") => action switch
    {
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsrecyclebin.html
        "rbin:GetRule" => $"arn:{partition}:rbin:{region}:{accountId}:rule/a1B2c3D4e5F",
        _ => "*",
    };

    private static string Namespaced(string action) => action.Contains(':', StringComparison.Ordinal) ? action : "ec2:" + action;
}
