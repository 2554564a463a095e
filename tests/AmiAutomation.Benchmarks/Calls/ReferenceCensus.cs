using Amazon.EC2;
using Amazon.EC2.Model;

namespace AmiAutomation.Benchmarks.Calls;

/// <summary>The inputs of the call formula besides the image count, read from the simulator before measuring (these
/// calls are not counted): live instances, launch templates and the versions of each.</summary>
internal sealed record ReferenceCensus(int LiveInstances, int LaunchTemplates, IReadOnlyList<int> VersionsPerTemplate)
{
    private static readonly string[] LiveStates = ["pending", "running", "shutting-down", "stopping", "stopped"];

    public static async Task<ReferenceCensus> TakeAsync(IAmazonEC2 ec2)
    {
        var instances = 0;
        string? token = null;
        do
        {
            var page = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
            {
                Filters = [new Filter("instance-state-name", [.. LiveStates])],
                MaxResults = 1000,
                NextToken = token,
            });
            instances += (page.Reservations ?? []).Sum(r => r.Instances?.Count ?? 0);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var templateIds = new List<string>();
        token = null;
        do
        {
            var page = await ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { MaxResults = 200, NextToken = token });
            templateIds.AddRange((page.LaunchTemplates ?? []).Select(t => t.LaunchTemplateId));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var versions = new List<int>();
        foreach (var templateId in templateIds)
        {
            var count = 0;
            token = null;
            do
            {
                var page = await ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest
                {
                    LaunchTemplateId = templateId,
                    MaxResults = 200,
                    NextToken = token,
                });
                count += page.LaunchTemplateVersions?.Count ?? 0;
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
            versions.Add(count);
        }

        return new ReferenceCensus(instances, templateIds.Count, versions);
    }
}
